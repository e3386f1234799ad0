#!/usr/bin/env bash
# Voucher redemptions (issue 14): redemptions per second and p50/p99 latency of POST /api/v1/vouchers/{id}/redemptions
# (a fresh Idempotency-Key and invoice number per redemption, an invoice of 2.00 CNY: subsidy 1.00, SUBMITTED) at each
# client count, next to the raw MongoDB reads and writes the backend makes for a redemption, on copies of the same
# voucher documents, in the same run, alternating API and raw rounds after one warm-up round each.
# Setup through the API: a 330000 programme (region-admin-330000; TESTING_INSPECTION at 50 %, accepting 320000
# agencies, autoApproveBelow 0.00), the dev IdP's agency and agency-2 organisations applying in 320000 and admitted by
# region-admin-320000 after the public notice (the backend runs with ttx.vouchers.notice-period=NOTICE), and vouchers of
# 100,000.00 CNY for enterprise's organisation. Client c redeems as agency c % 2.
# The raw side (scripts/bench/VouchersBench.java, on the backend jar's libraries: the same MongoDB driver) does per
# redemption what the backend does, reads included: read the voucher without its ledger; insert the redemption PENDING
# (id from the organisation and key); read programme and the organisation's admissions concurrently; read the voucher
# without its ledger; insert the invoice claim; one updateOne of the voucher copy guarded by _id, status ACTIVE, room
# for the subsidy, no ledger entry of the redemption and voided $ne it ($inc voucher.redeemed, voucher.version and
# version, $push the ledger entry, $addToSet agencyOrgs); one findOneAndUpdate of the redemption (PENDING and owner ->
# SUBMITTED). A failed guard waits the backend's backoff and reads again. Scratch collections get the
# backend's indexes. Every client works on vouchers of its own (no contention) unless an entry is "C/D": C clients on D
# vouchers shared by all of them (lost races; 503 voucher-busy through the API is sent again with the same key).
# The driver is compiled with DealsBench.java (it uses its round timing, CPU accounting and helpers). Prints one line
# per round, then markdown tables: medians per side over the measured rounds, API/raw ratios of throughput and p99,
# CPU per redemption of backend, dev stack and driver (net of their idle use), document sizes, a JFR summary of the
# backend; with the commit measured and the machine's load.
# Runs its own dev stack, dev IdP and backend on free ports (next to a local TTX) in a temp dir removed at the end.
# Refuses a backend jar older than its sources (backend/src/main, backend/pom.xml): rebuild it first with
#   mvn -o -q -DskipTests -pl backend -am package     (or STALE_OK=1 to measure it anyway; the report then says so)
#   scripts/bench/vouchers.sh
# env: REDEEM_CLIENTS="1 16 64 16/1" (client counts; "C/D" = C clients on D shared vouchers, picked at random)
#      ROUNDS=3 (measured rounds per side, after one warm-up round each)  REDEMPTIONS=1000 (per side and round, split
#      over the clients)  MIN_EACH=20 (per client and round at least)  PER_VOUCHER=200 (redemptions a voucher takes at
#      most over a client count: more vouchers per client when needed, so that documents grow alike at every count; at
#      a "C/D" level the clients send fewer per round when needed so that a voucher takes at most 990)
#      IDLE=10 (s of idle CPU, measured after the levels and subtracted)  PROFILE=16 (one more API round, not counted,
#      at this entry of REDEEM_CLIENTS, with a JFR recording of the backend summed up by component; 0 = none)
#      NOTICE=1 (s of public notice before an agency is admitted)  KEEP=1 (keep the temp dir, logs and the JFR file)
#      BACKEND_JAVA_OPTS="-Xms512m -Xmx768m"  STACK_JAVA_OPTS="-Xms1536m -Xmx1536m -XX:+UseSerialGC" (as deals.sh)
# A short run (about 3 minutes): REDEEM_CLIENTS="1 16" ROUNDS=2 REDEMPTIONS=200 MIN_EACH=10 PROFILE=0
# Exit status 1 when anything fails: a backend jar older than its sources (without STALE_OK=1), a redemption
# answering anything but 201 SUBMITTED or 503 voucher-busy (sent again), a voucher whose redeemed value, ledger or
# version does not match the 201s on it at the end of its level (GET /api/v1/vouchers/{id} and .../ledger), stored
# redemptions not one SUBMITTED per 201, the same checks on the raw side, raw documents shaped unlike the backend's.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
# shellcheck source=../lib/jdk.sh
source scripts/lib/jdk.sh; select_jdk
REDEEM_CLIENTS=${REDEEM_CLIENTS-"1 16 64 16/1"} ROUNDS=${ROUNDS:-3} REDEMPTIONS=${REDEMPTIONS:-1000} MIN_EACH=${MIN_EACH:-20}
PER_VOUCHER=${PER_VOUCHER:-200} IDLE=${IDLE:-10} PROFILE=${PROFILE:-16} NOTICE=${NOTICE:-1}
BACKEND_JAVA_OPTS=${BACKEND_JAVA_OPTS:-"-Xms512m -Xmx768m"} STACK_JAVA_OPTS=${STACK_JAVA_OPTS:-"-Xms1536m -Xmx1536m -XX:+UseSerialGC"}
BENCH_NAME=bench-vouchers
# shellcheck source=../lib/bench-stack.sh
source scripts/lib/bench-stack.sh
[ -n "${REDEEM_CLIENTS// /}" ] || die "REDEEM_CLIENTS is empty"

# the commit measured; what runs is the backend, the dev stack and IdP (infra) and these scripts. The jar must not be
# older than the backend's sources (it would measure other code than the commit names).
COMMIT="$(git rev-parse --short HEAD)"
if ! git diff --quiet HEAD -- backend infra scripts 2>/dev/null || [ -n "$(git ls-files --others --exclude-standard -- backend/src/main infra)" ]; then
  COMMIT+=" (with uncommitted changes to backend, infra or scripts)"
fi
NEWER=$(find backend/src/main backend/pom.xml -newer "$BACKEND_JAR" -type f 2>/dev/null | head -n 3 | tr '\n' ' ')
if [ -n "$NEWER" ]; then
  [ -n "${STALE_OK:-}" ] || die "$BACKEND_JAR is older than its sources ($NEWER...): rebuild it (mvn -o -q -DskipTests -pl backend -am package) or set STALE_OK=1"
  COMMIT+=" (STALE JAR: built before changes to $NEWER)"
  say "measuring a jar older than its sources (STALE_OK=1)"
fi

# shellcheck disable=SC2086 # option lists
DEVSTACK_JAVA_OPTS="$STACK_JAVA_OPTS" bench_start_stack
# shellcheck disable=SC2086
bench_start_backend $BACKEND_JAVA_OPTS "-Dttx.vouchers.notice-period=${NOTICE}s"
mkdir -p "$TMP/lib" "$TMP/classes" && (cd "$TMP/lib" && unzip -q -j "$TMP/backend.jar" 'BOOT-INF/lib/*.jar')
"$JAVA_HOME/bin/javac" -nowarn -proc:none -d "$TMP/classes" -cp "$TMP/lib/*" scripts/bench/DealsBench.java scripts/bench/VouchersBench.java 2> "$TMP/javac.log" \
  || { cat "$TMP/javac.log" >&2; die "the driver does not compile"; }

MACHINE="$(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), JDK $JAVA_MAJOR; driver, backend and dev stack (in-memory MongoDB wire server) on the same machine"
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
say "driver: clients $REDEEM_CLIENTS, $ROUNDS rounds, $REDEMPTIONS redemptions per side and round (1-min load average $LOAD_START)"
START=$SECONDS
set +e
"$JAVA" -Xms256m -Xmx768m -cp "$TMP/classes:$TMP/lib/*" \
  -Dbench.api="http://127.0.0.1:$TTX_PORT" -Dbench.idp="http://127.0.0.1:$IDP_PORT" -Dbench.mongo="mongodb://127.0.0.1:$MONGO_PORT" \
  -Dbench.levels="$REDEEM_CLIENTS" -Dbench.rounds="$ROUNDS" -Dbench.redemptions="$REDEMPTIONS" -Dbench.minEach="$MIN_EACH" \
  -Dbench.perVoucher="$PER_VOUCHER" -Dbench.idle="$IDLE" -Dbench.profile="$PROFILE" -Dbench.profileDir="$TMP" \
  -Dbench.noticeMs="$((NOTICE * 1000))" -Dbench.backendPid="$BPID" -Dbench.stackPid="$STACK_PID" \
  VouchersBench > "$TMP/result.md"
rc=$?
set -e
LOAD_END=$(cut -d' ' -f1 /proc/loadavg)
[ "$rc" = 0 ] || { cat "$TMP/result.md"; die "the driver exited with $rc"; }

{
  grep '^redeemround' "$TMP/result.md" | awk 'BEGIN {print "clients round side redemptions ms red/s p50 p99 503s/misses"} {$1=""; print substr($0, 2)}' | column -t
  echo
  echo "Commit $COMMIT, $(date -u +%Y-%m-%dT%H:%MZ); $MACHINE; 1-min load average $LOAD_START at the start, $LOAD_END at the end;"
  echo "the driver ran $(( (SECONDS - START) / 60 )) min $(( (SECONDS - START) % 60 )) s (setup, levels, idle measurement)."
  echo "Clients $REDEEM_CLIENTS; per client count one warm-up round and $ROUNDS measured rounds per side, API and raw alternating;"
  echo "$REDEMPTIONS redemptions per side and round (at least $MIN_EACH per client; fewer at a shared level when its vouchers' 990 require),"
  echo "at most $PER_VOUCHER per voucher; medians over the rounds."
  grep -v '^redeemround' "$TMP/result.md"
}
