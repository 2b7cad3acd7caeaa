#!/usr/bin/env bash
# `npm run start:distributed`: the three services as separate processes on the Kafka, PostgreSQL and
# Keycloak of deploy/local (started here if needed). Logs go to .pmo/logs/<service>.log; Ctrl-C stops the services.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/local/up
set -a && . .pmo/env && set +a
export PMO_TRANSPORT=kafka
pids=()
for service in strategic-pmo program-pmo project-pmo; do
  node -r @swc-node/register "apps/$service/src/main.ts" > ".pmo/logs/$service.log" 2>&1 &
  pids+=($!)
done
trap 'kill -TERM "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
for port in 3001 3002 3003; do
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null && break
    sleep 0.5
  done
done
cat <<INFO

PMO governance platform, distributed mode (Kafka ${PMO_KAFKA_BROKERS}, Keycloak ${PMO_KEYCLOAK_URL})
  strategic-pmo  http://127.0.0.1:3001/api/docs
  program-pmo    http://127.0.0.1:3002/api/docs
  project-pmo    http://127.0.0.1:3003/api/docs
  logs           .pmo/logs/<service>.log
  token          curl -s -d grant_type=password -d client_id=pmo-web -d username=sam.strategic -d password=demo \\
                   ${PMO_KEYCLOAK_URL}/realms/pmo/protocol/openid-connect/token
INFO
wait
