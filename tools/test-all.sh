#!/usr/bin/env bash
# `npm test`: static checks, unit tests, then integration and end-to-end tests on the real PostgreSQL,
# Kafka and Keycloak that deploy/local installs and starts. Stops what it started. The last line sums
# every runner: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/.pmo/test-results"
rm -rf "$results" && mkdir -p "$results"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

failed_checks=0
note() { printf '\n[test] %s\n' "$*"; }

# Which servers were already up: those are left running at the end.
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
was_up=""
for port in 55432 59092 58080; do answers "$port" && was_up="$was_up $port"; done

note "starting PostgreSQL, Kafka and Keycloak (deploy/local/up)"
if ! deploy/local/up; then
  echo "deploy/local/up failed: the servers the tests need are not running"
  echo "0 passed, 1 failed"
  exit 1
fi
stop_servers() {
  if [ -z "$was_up" ]; then
    note "stopping the servers this run started"
    deploy/local/down >/dev/null 2>&1 || true
  fi
}
trap stop_servers EXIT

# The chart tests need helm, crane, kwok and Kubernetes built from source (cached under ~/.cache/pmo; a cold
# machine takes the better part of an hour). Start any missing build now, beside the other tests, rather than
# after them: the chart tests wait for it (tools/kube/binaries builds one at a time under a lock).
mkdir -p .pmo/logs
nice -n 10 tools/kube/binaries >.pmo/logs/kube-binaries.log 2>&1 &
set -a && . .pmo/env && set +a

note "lint, typecheck and build of every project (nx run-many), typecheck of tools/ and bench/, unused files, exports and dependencies (knip), formatting (prettier)"
if ! npx nx run-many -t lint typecheck build --outputStyle=static || ! npx tsc -p tsconfig.json --noEmit || ! npx knip --no-progress || ! npm run -s format:check; then
  failed_checks=1
  echo "[test] static checks failed (counted as one failure)"
fi

note "unit tests"
npx jest --ci --json --outputFile="$results/unit.json" 2>&1 | tail -n 40

note "integration and end-to-end tests (real servers, one file at a time)"
npx jest -c jest.integration.config.cjs --ci --runInBand --json --outputFile="$results/integration.json" 2>&1 | grep -vE '^\s*$' | tail -n 200

note "contract fuzzing: schemathesis against each service's OpenAPI document, admin and auditor tokens (tools/schemathesis/run.sh)"
bash tools/schemathesis/run.sh

note "Helm chart: lint and offline validation, the chart on a real Kubernetes API server (built into ~/.cache/pmo on first use), the images run with the chart's configuration (tools/chart-tests)"
npx jest -c tools/chart-tests/jest.config.cjs --ci --runInBand --json --outputFile="$results/chart.json" 2>&1 | grep -vE '^\s*$' | tail -n 80

note "browser tests: the web app in Debian's Chromium (Playwright) against a fresh embedded platform"
if deploy/local/chromium; then
  (cd apps/web && npx playwright test 2>&1 | grep -vE '^\s*$' | tail -n 80)
  note "browser tests once against the distributed mode: Kafka, PostgreSQL, Keycloak's login form"
  (cd apps/web && npx playwright test -c playwright.distributed.config.ts 2>&1 | grep -vE '^\s*$' | tail -n 40)
else
  echo "[test] Chromium is not available: the browser tests did not run"
fi

node -e '
  const fs = require("fs");
  let passed = 0, failed = Number(process.argv[1]), skipped = 0;
  for (const name of ["unit", "integration", "chart"]) {
    const file = `${process.argv[2]}/${name}.json`;
    if (!fs.existsSync(file)) { console.log(`[test] ${name}: no result file, counted as one failure`); failed += 1; continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites; // a suite that crashed before its tests
    console.log(`[test] ${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
  }
  // Playwright: its JSON report counts tests that passed (also after a retry), failed and were skipped.
  for (const name of ["web", "web-distributed"]) {
    const file = `${process.argv[2]}/${name}.json`;
    if (!fs.existsSync(file)) { console.log(`[test] ${name}: no result file, counted as one failure`); failed += 1; continue; }
    const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
    const ok = s.expected + s.flaky;
    passed += ok; failed += s.unexpected; skipped += s.skipped;
    if (s.unexpected === 0 && ok === 0) { console.log(`[test] ${name}: no test ran, counted as one failure`); failed += 1; }
    console.log(`[test] ${name}: ${ok} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
  }
  // Schemathesis: one JUnit file per service and role, one test case per operation.
  const junit = fs.readdirSync(process.argv[2]).filter((f) => /^schemathesis-.*[.]xml$/.test(f));
  if (junit.length === 0) { console.log("[test] schemathesis: no result file, counted as one failure"); failed += 1; }
  for (const file of junit) {
    const cases = fs.readFileSync(`${process.argv[2]}/${file}`, "utf8").split("<testcase").slice(1);
    const bad = cases.filter((c) => /<(failure|error)[\s>/]/.test(c.split("</testcase>")[0])).length;
    const skip = cases.filter((c) => /<skipped/.test(c.split("</testcase>")[0])).length;
    passed += cases.length - bad - skip; failed += bad; skipped += skip;
    console.log(`[test] ${file.replace(/[.]xml$/, "")}: ${cases.length - bad - skip} passed, ${bad} failed, ${skip} skipped`);
  }
  fs.writeFileSync(`${process.argv[2]}/summary.txt`, `${passed} passed, ${failed} failed, ${skipped} skipped\n`);
' "$failed_checks" "$results"
summary=$(cat "$results/summary.txt")
stop_servers
trap - EXIT
echo "$summary"
case "$summary" in *" 0 failed"*) exit 0 ;; *) exit 1 ;; esac
