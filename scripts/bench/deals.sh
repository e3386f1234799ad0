#!/usr/bin/env bash
# Deal commands: commands per second and p50/p99 latency of POST /api/v1/deals/{id}/commands (If-Match, one
# conditional findAndModify per accepted command) at each client count, next to the raw conditional MongoDB update
# doing the same state change on a copy of the same deal document, in the same run, alternating API and raw rounds.
# Setup through the API: published achievements (tto creates and submits, broker approves), two deals on each
# (enterprise and enterprise-2, exclusive licences on disjoint territories) driven to REGISTERED (CLAIM, SIGN_NDA x2,
# PROPOSE_TERMS, ACCEPT_TERMS, SIGN_CONTRACT x2, REGISTER_CONTRACT). The measured command is RECORD_PAYMENT of kind
# ROYALTY (not capped, stage unchanged). Every client works on deals of its own (none shared: no contention) unless
# CLIENTS says otherwise. The driver is scripts/bench/DealsBench.java, a single-file program on the backend jar's
# libraries (the same MongoDB driver); see its comment for what each side does. Prints one line per round, then
# markdown tables: medians per side over the measured rounds, API/raw ratios of throughput and p99, CPU per command of
# backend, dev stack and driver (net of their idle use), deal document sizes, a JFR summary of the backend; with the
# commit measured and the machine's load.
# Runs its own dev stack, dev IdP and backend on free ports (next to a local TTX) in a temp dir removed at the end.
#   scripts/bench/deals.sh
# env: CLIENTS="1 16 64" (client counts; an entry "C/D" runs C clients on D deals shared by all of them, picked at
#      random: a contention figure with 412s)  ROUNDS=5 (measured rounds per side, after one warm-up round each)
#      COMMANDS=1000 (commands per side and round, split over the clients)  MIN_EACH=20 (commands per client and round
#      at least)  PER_DEAL=200 (commands a deal takes at most over a client count: more deals per client when needed,
#      so that documents grow alike at every count; a deal holds 1,000 payments)
#      IDLE=10 (s of idle CPU, measured after the levels and subtracted)  PROFILE=16 (one more API round, not counted,
#      at this entry of CLIENTS, with a JFR recording of the backend summed up by component; 0 = none)
#      BACKEND_JAVA_OPTS="-Xms512m -Xmx768m"  STACK_JAVA_OPTS="-Xms768m -Xmx768m -XX:+UseSerialGC" (the dev stack's
#      default adds -XX:TieredStopAtLevel=1, C1 only, which would slow the raw engine and the API's MongoDB alike)
#      KEEP=1 (keep the temp dir, logs and the JFR file)
# A short run (about 5 minutes on a busy 2-core machine): CLIENTS="1 16" ROUNDS=2 COMMANDS=200 MIN_EACH=10
# Exit status 1 when anything fails: a command answering anything but 200 or 412, a deal not reaching REGISTERED, a
# deal whose version or payments do not match the accepted commands at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
# shellcheck source=../lib/jdk.sh
source scripts/lib/jdk.sh; select_jdk
CLIENTS=${CLIENTS:-"1 16 64"} ROUNDS=${ROUNDS:-5} COMMANDS=${COMMANDS:-1000} MIN_EACH=${MIN_EACH:-20} PER_DEAL=${PER_DEAL:-200}
IDLE=${IDLE:-10} PROFILE=${PROFILE:-16}
BACKEND_JAVA_OPTS=${BACKEND_JAVA_OPTS:-"-Xms512m -Xmx768m"} STACK_JAVA_OPTS=${STACK_JAVA_OPTS:-"-Xms768m -Xmx768m -XX:+UseSerialGC"}
BENCH_NAME=bench-deals
# shellcheck source=../lib/bench-stack.sh
source scripts/lib/bench-stack.sh

# the commit measured; what runs is the backend, the dev stack and IdP (infra) and these scripts
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- backend infra scripts 2>/dev/null || echo ' (with uncommitted changes to backend, infra or scripts)')"

# shellcheck disable=SC2086 # option lists
DEVSTACK_JAVA_OPTS="$STACK_JAVA_OPTS" bench_start_stack
# shellcheck disable=SC2086
bench_start_backend $BACKEND_JAVA_OPTS
mkdir -p "$TMP/lib" && (cd "$TMP/lib" && unzip -q -j "$TMP/backend.jar" 'BOOT-INF/lib/*.jar')

MACHINE="$(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), JDK $JAVA_MAJOR; driver, backend and dev stack (in-memory MongoDB wire server) on the same machine"
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
say "driver: clients $CLIENTS, $ROUNDS rounds, $COMMANDS commands per side and round (1-min load average $LOAD_START)"
set +e
"$JAVA" -Xms256m -Xmx768m -cp "$TMP/lib/*" \
  -Dbench.api="http://127.0.0.1:$TTX_PORT" -Dbench.idp="http://127.0.0.1:$IDP_PORT" -Dbench.mongo="mongodb://127.0.0.1:$MONGO_PORT" \
  -Dbench.levels="$CLIENTS" -Dbench.rounds="$ROUNDS" -Dbench.commands="$COMMANDS" -Dbench.minEach="$MIN_EACH" \
  -Dbench.perDeal="$PER_DEAL" -Dbench.idle="$IDLE" -Dbench.profile="$PROFILE" -Dbench.profileDir="$TMP" \
  -Dbench.backendPid="$BPID" -Dbench.stackPid="$STACK_PID" \
  scripts/bench/DealsBench.java > "$TMP/result.md"
rc=$?
set -e
LOAD_END=$(cut -d' ' -f1 /proc/loadavg)
[ "$rc" = 0 ] || { cat "$TMP/result.md"; die "the driver exited with $rc"; }

{
  grep '^round' "$TMP/result.md" | awk 'BEGIN {print "clients round side commands ms cmd/s p50 p99 412s"} {$1=""; print substr($0, 2)}' | column -t
  echo
  echo "Commit $COMMIT, $(date -u +%Y-%m-%dT%H:%MZ); $MACHINE; 1-min load average $LOAD_START at the start, $LOAD_END at the end."
  echo "Clients $CLIENTS; per client count one warm-up round and $ROUNDS measured rounds per side, API and raw alternating;"
  echo "$COMMANDS commands per side and round (at least $MIN_EACH per client), at most $PER_DEAL per deal; medians over the rounds."
  grep -v '^round' "$TMP/result.md"
}
