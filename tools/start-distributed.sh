#!/usr/bin/env bash
# `npm run start:distributed`: the three services as separate processes on the Kafka, PostgreSQL and
# Keycloak of deploy/local (started here if needed), each migrated by its owner and serving as its
# least-privilege database role, and the web gateway in front of them: the web app and
# the three APIs behind one URL, sign-in on Keycloak's login page. Logs go to .pmo/logs/<process>.log;
# Ctrl-C stops them. Ports: PMO_WEB_PORT (3000), STRATEGIC_PMO_PORT/PROGRAM_PMO_PORT/PROJECT_PMO_PORT (3001-3003).
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/local/up
set -a && . .pmo/env && set +a
export PMO_TRANSPORT=kafka
export PMO_WEB_PORT=${PMO_WEB_PORT:-3000} STRATEGIC_PMO_PORT=${STRATEGIC_PMO_PORT:-3001} PROGRAM_PMO_PORT=${PROGRAM_PMO_PORT:-3002} PROJECT_PMO_PORT=${PROJECT_PMO_PORT:-3003}
mkdir -p .pmo/logs
[ -f dist/apps/web/index.html ] || npx vite build --config apps/web/vite.config.mts --logLevel warn
# Each service: `main.ts migrate` as the owner (PMO_DB_USER of .pmo/env) grants its least-privilege role,
# then the service serves as that role without migrating (the production set-up).
prefix() { echo "$1" | tr '[:lower:]-' '[:upper:]_'; }
migrations=()
for service in strategic-pmo program-pmo project-pmo; do
  role_var="$(prefix "$service")_DB_APP_ROLE"
  PMO_DB_APP_ROLE="${!role_var}" node -r @swc-node/register "apps/$service/src/main.ts" migrate > ".pmo/logs/$service-migrate.log" 2>&1 &
  migrations+=($!)
done
for i in "${!migrations[@]}"; do
  wait "${migrations[$i]}" || { echo "migrate failed, see .pmo/logs/*-migrate.log" >&2; exit 1; }
done
pids=()
for service in strategic-pmo program-pmo project-pmo; do
  role_var="$(prefix "$service")_DB_APP_ROLE" password_var="$(prefix "$service")_DB_APP_PASSWORD"
  PMO_DB_USER="${!role_var}" PMO_DB_PASSWORD="${!password_var}" PMO_DB_MIGRATE_ON_START=false \
    node -r @swc-node/register "apps/$service/src/main.ts" > ".pmo/logs/$service.log" 2>&1 &
  pids+=($!)
done
PMO_WEB_DIR=${PMO_WEB_DIR:-$PWD/dist/apps/web} node -r @swc-node/register apps/web-gateway/src/main.ts > .pmo/logs/web-gateway.log 2>&1 &
pids+=($!)
trap 'kill -TERM "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
for port in "$STRATEGIC_PMO_PORT" "$PROGRAM_PMO_PORT" "$PROJECT_PMO_PORT"; do
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null && break
    sleep 0.5
  done
done
cat <<INFO

PMO governance platform: open http://127.0.0.1:${PMO_WEB_PORT}   (distributed mode: sign in on Keycloak, demo users' password: demo)
  strategic-pmo  http://127.0.0.1:${STRATEGIC_PMO_PORT}/api/docs
  program-pmo    http://127.0.0.1:${PROGRAM_PMO_PORT}/api/docs
  project-pmo    http://127.0.0.1:${PROJECT_PMO_PORT}/api/docs
  Kafka ${PMO_KAFKA_BROKERS}, Keycloak ${PMO_KEYCLOAK_URL}, logs .pmo/logs/<process>.log
  token          curl -s -d grant_type=password -d client_id=pmo-web -d username=sam.strategic -d password=demo \\
                   ${PMO_KEYCLOAK_URL}/realms/pmo/protocol/openid-connect/token
INFO
wait
