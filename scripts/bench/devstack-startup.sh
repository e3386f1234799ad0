#!/usr/bin/env bash
# Measures the dev stack: wall time from launch to the READY line, and resident memory (RSS) right after READY and
# after a small warm-up (an index created, a document written), over N runs (default 3), memory mode and data mode.
#   scripts/bench/devstack-startup.sh [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
source scripts/lib/jdk.sh; select_jdk
RUNS=${1:-3}
DIST=infra/devstack/target/devstack-dist
[ -d "$DIST/lib" ] || mvn -q -DskipTests package -pl infra/devstack
TMP=$(mktemp -d); cp -r "$DIST" "$TMP/dist"
trap 'rm -rf "$TMP"' EXIT
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }
printf '%-8s %-4s %12s %14s %14s\n' mode run ready_ms rss_ready_mb rss_warm_mb
for mode in memory data; do
  for i in $(seq 1 "$RUNS"); do
    ES=$(port); MG=$(port); S3=$(port); TR=$(port)
    args=(--es-port="$ES" --es-transport-port="$TR" --mongo-port="$MG" --s3-port="$S3")
    [ "$mode" = data ] && args+=(--data="$TMP/data")
    start=$(date +%s%N)
    "$TMP/dist/bin/devstack" "${args[@]}" > "$TMP/log" 2>&1 & pid=$!
    until grep -q '^READY' "$TMP/log"; do kill -0 $pid 2>/dev/null || { cat "$TMP/log"; exit 1; }; sleep 0.05; done
    ready=$(( ($(date +%s%N) - start) / 1000000 )); r1=$(rss $pid)
    curl -s -XPUT "127.0.0.1:$ES/bench-$i" -H 'content-type: application/json' -d '{"mappings":{"properties":{"t":{"type":"text","analyzer":"smartcn"}}}}' > /dev/null
    curl -s -XPOST "127.0.0.1:$ES/bench-$i/_doc?refresh=true" -H 'content-type: application/json' -d '{"t":"科技成果转化"}' > /dev/null
    r2=$(rss $pid)
    printf '%-8s %-4s %12s %14s %14s\n' "$mode" "$i" "$ready" "$r1" "$r2"
    kill $pid; wait $pid 2>/dev/null || true
  done
done
