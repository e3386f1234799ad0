# shellcheck shell=bash
# Sourced by the benchmarks that run their own dev stack, dev IdP and backend (scripts/bench/upload.sh, search):
# free loopback ports (never the defaults of a developer's local TTX), a temp dir removed at the end (KEEP=1 keeps
# it), the three processes started from copies of the jars, waits for their READY lines / health, and a cleanup
# that stops them (and shows the last log lines when the run failed).
# Before sourcing: BENCH_NAME (log prefix), scripts/lib/jdk.sh sourced and select_jdk run, current dir = repo root.
# Provides: say, die, port, wait_log, bench_start_stack [devstack args...], bench_start_backend [java args...],
# and TMP, PIDS, STACK_PID, IDP_PID, BPID, ES_PORT, TR_PORT, MONGO_PORT, S3_PORT, IDP_PORT, TTX_PORT.

VERSION=0.1.0-SNAPSHOT
BACKEND_JAR="backend/target/backend-$VERSION.jar"
IDP_JAR="infra/dev-idp/target/dev-idp-$VERSION.jar"
DIST=infra/devstack/target/devstack-dist
say() { printf '[%s] %s\n' "$BENCH_NAME" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

if [ ! -f "$BACKEND_JAR" ] || [ ! -f "$IDP_JAR" ] || [ ! -d "$DIST/lib" ]; then
  say "building (mvn -q -DskipTests package)..."; mvn -q -DskipTests package
fi

TMP=$(mktemp -d -t "ttx-$BENCH_NAME.XXXXXX")
PIDS=()
bench_cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do wait "${PIDS[i]}" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ]; then
    for f in devstack idp backend; do
      [ -f "$TMP/$f.log" ] && { say "last lines of $f.log:"; tail -n 25 "$TMP/$f.log" >&2; }
    done
  fi
  if [ -n "${KEEP:-}" ]; then say "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# free loopback ports, never the defaults of a developer's local TTX (port runs in a subshell: callers extend USED)
RESERVED=" 8080 9100 9200 9300 27017 9000 "
USED=" "
port() {
  local p
  while :; do
    p=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
    case "$RESERVED$USED" in *" $p "*) continue ;; esac
    echo "$p"; return
  done
}
ES_PORT=$(port); USED+="$ES_PORT "; TR_PORT=$(port); USED+="$TR_PORT "; MONGO_PORT=$(port); USED+="$MONGO_PORT "
S3_PORT=$(port); USED+="$S3_PORT "; IDP_PORT=$(port); USED+="$IDP_PORT "; TTX_PORT=$(port); USED+="$TTX_PORT "

wait_log() { # file pattern what timeout pid
  local start=$SECONDS
  until grep -q "$2" "$1" 2>/dev/null; do
    kill -0 "$5" 2>/dev/null || die "$3 exited before it was ready"
    (( SECONDS - start <= $4 )) || die "$3 not ready after $4 s"
    sleep 0.2
  done
  say "$3 ready after $((SECONDS - start)) s"
}

# The dev stack (extra devstack arguments, e.g. --data=DIR; JVM options from DEVSTACK_JAVA_OPTS as bin/devstack
# reads them) and the dev IdP, both run from copies: a concurrent `mvn clean` would otherwise delete the jars under
# the running JVMs (classes not loaded yet then fail: NoClassDefFoundError).
bench_start_stack() {
  cp -r "$DIST" "$TMP/devstack-dist"; cp "$BACKEND_JAR" "$TMP/backend.jar"; cp "$IDP_JAR" "$TMP/dev-idp.jar"
  say "ports: backend $TTX_PORT, IdP $IDP_PORT, ES $ES_PORT/$TR_PORT, Mongo $MONGO_PORT, S3 $S3_PORT; temp dir $TMP"
  "$TMP/devstack-dist/bin/devstack" --es-port="$ES_PORT" --es-transport-port="$TR_PORT" --mongo-port="$MONGO_PORT" \
    --s3-port="$S3_PORT" "$@" > "$TMP/devstack.log" 2>&1 & STACK_PID=$!; PIDS+=($STACK_PID)
  "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -jar "$TMP/dev-idp.jar" --server.port="$IDP_PORT" --ttx.idp.key-file="$TMP/key.json" \
    > "$TMP/idp.log" 2>&1 & IDP_PID=$!; PIDS+=($IDP_PID)
  wait_log "$TMP/devstack.log" '^READY' "dev stack" 180 "$STACK_PID"
  wait_log "$TMP/idp.log" 'IDP READY' "dev IdP" 120 "$IDP_PID"
}

# The backend against them (arguments: JVM options), waited for until /actuator/health is UP.
bench_start_backend() {
  TTX_PORT="$TTX_PORT" TTX_MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT" TTX_ELASTICSEARCH_URIS="http://127.0.0.1:$ES_PORT" \
  TTX_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" TTX_ISSUER_URI="http://127.0.0.1:$IDP_PORT" \
    "$JAVA" "$@" -jar "$TMP/backend.jar" > "$TMP/backend.log" 2>&1 & BPID=$!; PIDS+=($BPID)
  local start=$SECONDS
  until curl -fs "http://127.0.0.1:$TTX_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$BPID" 2>/dev/null || die "backend exited before it was healthy"
    (( SECONDS - start <= 180 )) || die "backend not healthy after 180 s"
    sleep 0.5
  done
  say "backend healthy after $((SECONDS - start)) s (pid $BPID)"
}
