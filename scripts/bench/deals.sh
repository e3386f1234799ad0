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
# Bids (issue 13), after the deal levels in the same run: auction bids per second and p50/p99 latency of
# POST /api/v1/auctions/{id}/bids (a fresh Idempotency-Key per bid; 201 accepted and 422 bid-too-low both count as a
# decided bid) next to the raw writes the backend makes for a bid (key insert, conditional findOneAndUpdate of the
# auction with the bid appended, the key's outcome) on a copy of the same auction document. Setup through the API:
# published achievements traded by AUCTION, each with one auction scheduled by tto (opening a few seconds later, for
# 2 h, no anti-sniping, starting price and reserve 100.00 CNY, increment 0.01 CNY), waited for until OPEN. Every
# client bids on auctions of its own with amounts rising by 0.01 (all accepted), unless BID_CLIENTS says "C/D": C
# clients on D auctions shared by all of them (contention: lost races, 422s). Each bid level starts with no keys on
# either side (the dev stack's key update scans the key collection; see DealsBench.java).
# Runs its own dev stack, dev IdP and backend on free ports (next to a local TTX) in a temp dir removed at the end.
#   scripts/bench/deals.sh
# env: CLIENTS="1 16 64" (client counts; an entry "C/D" runs C clients on D deals shared by all of them, picked at
#      random: a contention figure with 412s)  ROUNDS=5 (measured rounds per side, after one warm-up round each)
#      COMMANDS=1000 (commands per side and round, split over the clients)  MIN_EACH=20 (commands per client and round
#      at least)  PER_DEAL=200 (commands a deal takes at most over a client count: more deals per client when needed,
#      so that documents grow alike at every count; a deal holds 1,000 payments)
#      IDLE=10 (s of idle CPU, measured after the levels and subtracted)  PROFILE=16 (one more API round, not counted,
#      at this entry of CLIENTS, with a JFR recording of the backend summed up by component; 0 = none)
#      BACKEND_JAVA_OPTS="-Xms512m -Xmx768m"  STACK_JAVA_OPTS="-Xms1536m -Xmx1536m -XX:+UseSerialGC" (the dev stack's
#      default adds -XX:TieredStopAtLevel=1, C1 only, which would slow the raw engine and the API's MongoDB alike; its
#      in-memory MongoDB keeps all the run wrote: the deals part and the bids part filled 768 MB, the bid levels then
#      ran in back-to-back full GCs; the driver logs the dev stack's live heap before each bid level)
#      KEEP=1 (keep the temp dir, logs and the JFR file)
#      BID_CLIENTS="1 16 64 16/1" (bid levels; "" = no bids part; CLIENTS="" = no deals part)  BID_ROUNDS=3 (measured
#      rounds per side, after one warm-up round each)  BIDS=1000 (bids per side and round, split over the clients)
#      BID_MIN_EACH=20  PER_AUCTION=200 (bids an auction takes at most over a level: more auctions per client when
#      needed; at a "C/D" level the clients send fewer bids per round when needed, so that all rounds fit in the D
#      auctions' 1,000 bids)
# A short run (about 5 minutes on a busy 2-core machine): CLIENTS="1 16" ROUNDS=2 COMMANDS=200 MIN_EACH=10
#      BID_CLIENTS="1 16" BID_ROUNDS=2 BIDS=200 BID_MIN_EACH=10
# Exit status 1 when anything fails: a command answering anything but 200 or 412, a deal not reaching REGISTERED, a
# deal whose version or payments do not match the accepted commands at the end; a bid answering anything but 201,
# 422 bid-too-low (on a shared auction) or 503 auction-busy (sent again), an auction that does not open, an auction
# whose version, bids or keys do not match the decided bids at the end, raw documents shaped unlike the backend's.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
# shellcheck source=../lib/jdk.sh
source scripts/lib/jdk.sh; select_jdk
CLIENTS=${CLIENTS-"1 16 64"} ROUNDS=${ROUNDS:-5} COMMANDS=${COMMANDS:-1000} MIN_EACH=${MIN_EACH:-20} PER_DEAL=${PER_DEAL:-200}
IDLE=${IDLE:-10} PROFILE=${PROFILE:-16}
BID_CLIENTS=${BID_CLIENTS-"1 16 64 16/1"} BID_ROUNDS=${BID_ROUNDS:-3} BIDS=${BIDS:-1000} BID_MIN_EACH=${BID_MIN_EACH:-20} PER_AUCTION=${PER_AUCTION:-200}
BACKEND_JAVA_OPTS=${BACKEND_JAVA_OPTS:-"-Xms512m -Xmx768m"} STACK_JAVA_OPTS=${STACK_JAVA_OPTS:-"-Xms1536m -Xmx1536m -XX:+UseSerialGC"}
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
say "driver: clients $CLIENTS, $ROUNDS rounds, $COMMANDS commands per side and round; bids: clients $BID_CLIENTS, $BID_ROUNDS rounds, $BIDS bids per side and round (1-min load average $LOAD_START)"
START=$SECONDS
set +e
"$JAVA" -Xms256m -Xmx768m -cp "$TMP/lib/*" \
  -Dbench.api="http://127.0.0.1:$TTX_PORT" -Dbench.idp="http://127.0.0.1:$IDP_PORT" -Dbench.mongo="mongodb://127.0.0.1:$MONGO_PORT" \
  -Dbench.levels="$CLIENTS" -Dbench.rounds="$ROUNDS" -Dbench.commands="$COMMANDS" -Dbench.minEach="$MIN_EACH" \
  -Dbench.perDeal="$PER_DEAL" -Dbench.idle="$IDLE" -Dbench.profile="$PROFILE" -Dbench.profileDir="$TMP" \
  -Dbench.bidLevels="$BID_CLIENTS" -Dbench.bidRounds="$BID_ROUNDS" -Dbench.bids="$BIDS" -Dbench.bidMinEach="$BID_MIN_EACH" \
  -Dbench.perAuction="$PER_AUCTION" -Dbench.backendPid="$BPID" -Dbench.stackPid="$STACK_PID" \
  scripts/bench/DealsBench.java > "$TMP/result.md"
rc=$?
set -e
LOAD_END=$(cut -d' ' -f1 /proc/loadavg)
[ "$rc" = 0 ] || { cat "$TMP/result.md"; die "the driver exited with $rc"; }

{
  if [ -n "${CLIENTS// /}" ]; then
    grep '^round' "$TMP/result.md" | awk 'BEGIN {print "clients round side commands ms cmd/s p50 p99 412s"} {$1=""; print substr($0, 2)}' | column -t
    echo
  fi
  if [ -n "${BID_CLIENTS// /}" ]; then
    grep '^bidround' "$TMP/result.md" | awk 'BEGIN {print "clients round side bids ms bids/s p50 p99 refused 503s/misses"} {$1=""; print substr($0, 2)}' | column -t
    echo
  fi
  echo "Commit $COMMIT, $(date -u +%Y-%m-%dT%H:%MZ); $MACHINE; 1-min load average $LOAD_START at the start, $LOAD_END at the end;"
  echo "the driver ran $(( (SECONDS - START) / 60 )) min $(( (SECONDS - START) % 60 )) s (setup, levels, idle measurement)."
  if [ -n "${CLIENTS// /}" ]; then
    echo "Clients $CLIENTS; per client count one warm-up round and $ROUNDS measured rounds per side, API and raw alternating;"
    echo "$COMMANDS commands per side and round (at least $MIN_EACH per client), at most $PER_DEAL per deal; medians over the rounds."
  fi
  if [ -n "${BID_CLIENTS// /}" ]; then
    echo "Bids: clients $BID_CLIENTS; per client count one warm-up round and $BID_ROUNDS measured rounds per side, API and raw alternating;"
    echo "$BIDS bids per side and round (at least $BID_MIN_EACH per client; fewer at a shared level when its auctions' 1,000 bids require),"
    echo "at most $PER_AUCTION per auction; medians over the rounds."
  fi
  grep -v '^round\|^bidround' "$TMP/result.md"
}
