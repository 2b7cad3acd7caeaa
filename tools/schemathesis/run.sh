#!/usr/bin/env bash
# Contract fuzzing: schemathesis generates requests from each service's OpenAPI document (valid and invalid
# ones) and checks the answers against it: no 5xx, only documented statuses, bodies matching the
# documented schema, documented media types. Runs on the embedded platform (fresh state folder, free
# ports, demo data loaded), once per service with sam.strategic (strategic-admin) and once with
# ada.auditor (read-only). Writes one JUnit file per run to .pmo/test-results/schemathesis-*.xml (one
# test case per operation); tools/test-all.sh adds them to its summary.
#   tools/schemathesis/run.sh                 all six runs
#   SCHEMATHESIS_MAX_EXAMPLES=50 tools/schemathesis/run.sh strategic-pmo    one service, more examples
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
results="$root/.pmo/test-results"
venv="$root/.pmo/venv"
version="4.32.5"
seed="${SCHEMATHESIS_SEED:-20261201}"
examples="${SCHEMATHESIS_MAX_EXAMPLES:-5}"
checks="not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance"
services=("${@:-strategic-pmo program-pmo project-pmo}")
services=(${services[*]})
mkdir -p "$results" "$root/.pmo/logs"

# A failure before any run (no schemathesis, platform down) counts as one failed test.
fail_setup() {
  printf '[schemathesis] %s\n' "$1" >&2
  cat > "$results/schemathesis-setup.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="schemathesis" tests="1" failures="1"><testcase name="schemathesis setup"><failure message="$1"/></testcase></testsuite></testsuites>
XML
  exit 1
}

# The virtualenv, created once and kept (git-ignored under .pmo/).
if [ "$("$venv/bin/schemathesis" --version 2>/dev/null | grep -o '[0-9.]*$')" != "$version" ]; then
  echo "[schemathesis] installing schemathesis $version into .pmo/venv"
  { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"; } >"$root/.pmo/logs/schemathesis-install.log" 2>&1 \
    || fail_setup "could not install schemathesis $version from PyPI into .pmo/venv (python3 -m venv and pip; see .pmo/logs/schemathesis-install.log)"
fi

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
state=$(mktemp -d "${TMPDIR:-/tmp}/pmo-schemathesis-XXXXXX")
declare -A port=([strategic-pmo]=$(free_port) [program-pmo]=$(free_port) [project-pmo]=$(free_port))
platform_log="$root/.pmo/logs/schemathesis-platform.log"
rm -f "$platform_log"
PMO_EMBEDDED_DIR="$state" PMO_EMBEDDED_DB_PORT=$(free_port) PMO_WEB_PORT=$(free_port) PMO_LOG_LEVEL=warn \
  STRATEGIC_PMO_PORT=${port[strategic-pmo]} PROGRAM_PMO_PORT=${port[program-pmo]} PROJECT_PMO_PORT=${port[project-pmo]} \
  node -r @swc-node/register tools/embedded/main.ts >"$platform_log" 2>&1 &
platform=$!
stop_platform() {
  kill -TERM "$platform" 2>/dev/null && wait "$platform" 2>/dev/null
  rm -rf "$state"
}
trap stop_platform EXIT

# Ready once the demo data is in: /health/ready answers 200 only after it has loaded.
ready() { curl -fs "http://127.0.0.1:${port[project-pmo]}/health/ready" >/dev/null 2>&1; }
for _ in $(seq 1 180); do
  ready && break
  kill -0 "$platform" 2>/dev/null || fail_setup "the embedded platform stopped while starting (see .pmo/logs/schemathesis-platform.log)"
  sleep 1
done
ready || fail_setup "the embedded platform did not start within 3 minutes (see .pmo/logs/schemathesis-platform.log)"

token() { PMO_EMBEDDED_DIR="$state" node -r @swc-node/register tools/dev-token.ts "$1"; }
declare -A tokens=([admin]=$(token sam.strategic) [auditor]=$(token ada.auditor))

# One worker: with two threads, Hypothesis's lambda descriptions hit CPython 3.11's "AST constructor
# recursion depth mismatch" on a loaded machine, an error of the tool, not of the service.
status=0
for service in "${services[@]}"; do
  for role in admin auditor; do
    name="$service-$role"
    started=$(date +%s)
    "$venv/bin/schemathesis" run "http://127.0.0.1:${port[$service]}/api/docs-json" \
      --checks "$checks" --seed "$seed" --max-examples "$examples" --workers 1 \
      --header "Authorization: Bearer ${tokens[$role]}" \
      --report junit --report-junit-path "$results/schemathesis-$name.xml" \
      --no-color >"$root/.pmo/logs/schemathesis-$name.log" 2>&1 || status=1
    summary=$(grep -A1 '^Test cases:' "$root/.pmo/logs/schemathesis-$name.log" | tail -n 1 | sed 's/^ *//')
    printf '[schemathesis] %-24s %4ss  %s\n' "$name" "$(( $(date +%s) - started ))" "$summary"
  done
done
exit $status
