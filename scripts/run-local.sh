#!/usr/bin/env bash
# One command for a local TTX: builds what is missing, starts the dev stack (Elasticsearch, MongoDB wire server,
# S3Proxy) and the dev IdP, waits for them, starts the backend against them and prints how to call it.
# Ctrl-C stops everything this script started. Data stays under $TTX_DATA (default ./.ttx-data) between runs.
#   scripts/run-local.sh [--rebuild] [--seed]
#     --rebuild  build even when the jars look current (they are rebuilt anyway when a source is newer)
#     --seed     load the demo catalogue (scripts/seed-demo.sh) once the backend is healthy
# Ports (env): TTX_PORT=8080 IDP_PORT=9100 ES_PORT=9200 MONGO_PORT=27017 S3_PORT=9000
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/jdk.sh
source scripts/lib/jdk.sh
select_jdk

TTX_PORT=${TTX_PORT:-8080} IDP_PORT=${IDP_PORT:-9100} ES_PORT=${ES_PORT:-9200} MONGO_PORT=${MONGO_PORT:-27017} S3_PORT=${S3_PORT:-9000}
DATA=$(mkdir -p "${TTX_DATA:-.ttx-data}" && cd "${TTX_DATA:-.ttx-data}" && pwd)
RUN="$ROOT/.run"
VERSION=0.1.0-SNAPSHOT
BACKEND_JAR="backend/target/backend-$VERSION.jar"
IDP_JAR="infra/dev-idp/target/dev-idp-$VERSION.jar"
DEVSTACK_DIST="infra/devstack/target/devstack-dist"

say() { printf '[run-local] %s\n' "$*"; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$TTX_PORT" "$IDP_PORT" "$ES_PORT" "$MONGO_PORT" "$S3_PORT"; do
  if port_busy "$p"; then say "port $p is already in use (another TTX running?); free it or set the *_PORT variables"; exit 1; fi
done

REBUILD="" SEED=""
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    --seed) SEED=1 ;;
    *) say "unknown option $arg (usage: scripts/run-local.sh [--rebuild] [--seed])"; exit 2 ;;
  esac
done
stale() { [ ! -f "$BACKEND_JAR" ] || [ ! -f "$IDP_JAR" ] || [ ! -d "$DEVSTACK_DIST/lib" ] \
  || [ -n "$(find backend/src frontend-api-spec/openapi.yaml infra/devstack/src infra/dev-idp/src -newer "$BACKEND_JAR" -type f -print -quit)" ]; }
if [ -n "$REBUILD" ] || stale; then
  say "building (first run downloads dependencies from Maven Central: a few minutes)..."
  mvn -DskipTests package | grep --line-buffered -E '^\[INFO\] (Building |BUILD)|ERROR' || { say "build failed (run: mvn -DskipTests package)"; exit 1; }
fi

mkdir -p "$RUN"
PIDS=()
stop() {
  STOPPING=1
  trap - INT TERM EXIT
  say "stopping..."
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do wait "${PIDS[i]}" 2>/dev/null || true; done
  say "stopped"
}
trap stop INT TERM EXIT

# run a copy: a rebuild wipes target/devstack-dist and must not pull jars from under a running JVM
rm -rf "$RUN/devstack-dist" && cp -r "$DEVSTACK_DIST" "$RUN/devstack-dist"
say "starting the dev stack (data in $DATA)"
"$RUN/devstack-dist/bin/devstack" --data="$DATA/devstack" --es-port="$ES_PORT" --mongo-port="$MONGO_PORT" --s3-port="$S3_PORT" \
  > "$RUN/devstack.log" 2>&1 & PIDS+=($!)
say "starting the dev IdP"
"$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -jar "$IDP_JAR" --server.port="$IDP_PORT" --ttx.idp.key-file="$DATA/idp/signing-key.json" \
  > "$RUN/dev-idp.log" 2>&1 & PIDS+=($!)

wait_for() { # file pattern what timeout-seconds
  local start=$SECONDS
  while ! grep -q "$2" "$1" 2>/dev/null; do
    if grep -qE 'FAILED|APPLICATION FAILED|Exception in thread "main"' "$1" 2>/dev/null; then say "$3 failed to start, see $1"; tail -n 20 "$1"; exit 1; fi
    if (( SECONDS - start > $4 )); then say "$3 not ready after $4 s, see $1"; exit 1; fi
    printf '\r[run-local] waiting for %s... %ds' "$3" $((SECONDS - start)); sleep 0.5
  done
  printf '\r'; say "$3 ready after $((SECONDS - start)) s"
}
wait_for "$RUN/devstack.log" '^READY' "dev stack" 180
grep '^READY' "$RUN/devstack.log"
wait_for "$RUN/dev-idp.log" 'IDP READY' "dev IdP" 120

say "starting the backend"
TTX_PORT="$TTX_PORT" TTX_MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT" TTX_ELASTICSEARCH_URIS="http://127.0.0.1:$ES_PORT" \
TTX_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" TTX_S3_ACCESS_KEY=ttx-dev TTX_S3_SECRET_KEY=ttx-dev-secret \
TTX_ISSUER_URI="http://127.0.0.1:$IDP_PORT" \
  "$JAVA" -Xmx768m -jar "$BACKEND_JAR" --ttx.vouchers.notice-period=10s > "$RUN/backend.log" 2>&1 & PIDS+=($!)
start=$SECONDS
until curl -fs "http://127.0.0.1:$TTX_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  if ! kill -0 "${PIDS[2]}" 2>/dev/null; then say "backend exited, see $RUN/backend.log"; tail -n 30 "$RUN/backend.log"; exit 1; fi
  if (( SECONDS - start > 180 )); then say "backend not healthy after 180 s, see $RUN/backend.log"; exit 1; fi
  printf '\r[run-local] waiting for the backend... %ds' $((SECONDS - start)); sleep 0.5
done
printf '\r'; say "backend healthy after $((SECONDS - start)) s"

cat <<MSG

TTX is running (logs in .run/). Ctrl-C stops everything.
  backend     http://127.0.0.1:$TTX_PORT          health: http://127.0.0.1:$TTX_PORT/actuator/health
  API docs    http://127.0.0.1:$TTX_PORT/swagger-ui.html   (contract: /v3/api-docs)
  dev IdP     http://127.0.0.1:$IDP_PORT/oauth2/token   (demo clients: see README; secret = client id + "-secret")
  stores      Elasticsearch http://127.0.0.1:$ES_PORT, MongoDB mongodb://127.0.0.1:$MONGO_PORT, S3 http://127.0.0.1:$S3_PORT

Try it:
  TOKEN=\$(curl -s -u tto:tto-secret -d grant_type=client_credentials http://127.0.0.1:$IDP_PORT/oauth2/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
  curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$TTX_PORT/api/v1/me

MSG
if [ -n "$SEED" ]; then
  TTX_PORT="$TTX_PORT" IDP_PORT="$IDP_PORT" scripts/seed-demo.sh || say "seeding failed (see above); TTX keeps running"
fi
wait -n "${PIDS[@]}" || true
[ -n "${STOPPING:-}" ] || say "a process exited (see .run/*.log); stopping the rest"
