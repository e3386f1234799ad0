#!/usr/bin/env bash
# Measures a large document upload: a generated zip (default 200 MB of random bytes, stored uncompressed) goes through
# POST /api/v1/achievements/{id}/documents to a backend with a small heap (default -Xmx192m, SerialGC), which streams
# it to S3 in multipart parts. Checks the answer (201, size, SHA-256) and prints time, throughput, heap and RSS.
# Then compares the API with the store itself: ROUNDS times, alternately, the same file is put straight into the same
# S3 server with the MinIO SDK (multipart, PART_MB parts one at a time) and uploaded through the API, from one warm JVM
# (UploadRatio.java); prints each round and the ratio of the medians (raw time / API time, 1.0 = as fast as the store).
# Runs its own dev stack, dev IdP and backend on free ports (next to a local TTX) in a temp dir removed at the end.
#   scripts/bench/upload.sh
# env: SIZE_MB=200  HEAP=192m  PART_MB=5 (S3 part size)  UPLOAD_TIMEOUT=600 (s)  KEEP=1 (keep the temp dir)
#      SAMPLE_HEAP=0 (no jcmd heap sampling during the upload: each jcmd is a JVM start, which slows a 2-core box)
#      ROUNDS=5 (raw/API pairs; 0 skips the comparison)  MIN_RATIO=0.8 (exit 1 below it)
# Sizes in MB are MiB (2^20 bytes), as the JVM counts them. Exit status 1 when anything fails or the live heap grows
# by 5 part sizes or more during the upload.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
source scripts/lib/jdk.sh; select_jdk
SIZE_MB=${SIZE_MB:-200} HEAP=${HEAP:-192m} PART_MB=${PART_MB:-5} UPLOAD_TIMEOUT=${UPLOAD_TIMEOUT:-600} SAMPLE_HEAP=${SAMPLE_HEAP:-1}
ROUNDS=${ROUNDS:-5} MIN_RATIO=${MIN_RATIO:-0.8}
BENCH_NAME=bench-upload
# shellcheck source=../lib/bench-stack.sh
source scripts/lib/bench-stack.sh

# 1. dev stack (S3 on disk via --data), dev IdP, backend (small heap, gc log)
bench_start_stack --data="$TMP/data"
bench_start_backend "-Xmx$HEAP" -XX:+UseSerialGC "-Xlog:gc:file=$TMP/gc.log" \
  -Dttx.documents.max-size=300MB "-Dttx.documents.part-size=${PART_MB}MB"
say "backend -Xmx$HEAP"

# 2. the file: a zip, entries stored (no compression) so its size is what goes over the wire
say "generating a ${SIZE_MB} MB zip..."
python3 - "$TMP/bench.zip" "$SIZE_MB" <<'PY'
import os, sys, zipfile
path, total = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
entries, chunk = 4, 1024 * 1024
with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as z:
    for i in range(entries):
        left = total // entries
        with z.open(zipfile.ZipInfo(f"random-{i}.bin"), "w", force_zip64=True) as out:
            while left > 0:
                n = min(chunk, left); out.write(os.urandom(n)); left -= n
PY
FILE_SIZE=$(stat -c %s "$TMP/bench.zip")
FILE_SHA=$(sha256sum "$TMP/bench.zip" | cut -d' ' -f1)
say "file: $FILE_SIZE bytes, sha256 $FILE_SHA"

# 3. an achievement to attach it to (the VALID body of AchievementFixtures), as the TTO
TOKEN=$(curl -fsS -u tto:tto-secret -d grant_type=client_credentials "http://127.0.0.1:$IDP_PORT/oauth2/token" \
  | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])') || die "no token from the dev IdP"
cat > "$TMP/achievement.json" <<'JSON'
{
  "title": {"zh": "基于深度学习的锂电池健康状态预测方法", "en": "Deep-learning prediction of lithium battery state of health"},
  "summary": {"zh": "利用充放电曲线在线估计锂电池健康状态。", "en": "Online state-of-health estimation from charge curves."},
  "problemSolved": "Ageing is detected too late.", "advantages": "No extra sensors.",
  "technicalIndicators": "SOH error below 2 %", "applications": "Energy storage",
  "keywords": ["锂电池", "battery", "deep learning"],
  "field": "NEW_ENERGY",
  "ipcCodes": ["h01m10/48", "G06N 3/08"],
  "industryCode": "C3841",
  "region": "330100",
  "trl": 6, "stage": "PILOT", "form": "PATENT",
  "inventors": [{"name": "王明", "share": 60.5}, {"name": "Li Hua", "share": 39.5}],
  "contact": {"name": "张老师", "email": "tto@example.edu.cn", "phone": "+86-571-8888-0000"},
  "patents": [{"office": "CN", "applicationNumber": "CN202310123456.7", "publicationNumber": "CN116000000A",
               "kind": "A", "filingDate": "2023-02-01", "legalStatus": "PENDING",
               "coOwners": [{"name": "浙江示范大学", "uscc": "12330100202401371E"}]}],
  "encumbrances": [{"type": "PLEDGE", "description": "pledged to a bank until 2027"}],
  "openLicence": false,
  "offer": {"transferModes": ["EXCLUSIVE_LICENCE", "ASSIGNMENT"], "tradeMethod": "NEGOTIATED",
            "askingPrice": {"amount": "1200000", "currency": "CNY"}}
}
JSON
code=$(curl -sS -o "$TMP/achievement-response.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' --data-binary "@$TMP/achievement.json" "http://127.0.0.1:$TTX_PORT/api/v1/achievements")
[ "$code" = 201 ] || die "creating the achievement answered $code: $(head -c 500 "$TMP/achievement-response.json")"
ACH_ID=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["id"])' "$TMP/achievement-response.json")

# 4. baseline: heap after a full GC, with the backend warmed up by the calls above.
# Heap via jcmd GC.heap_info (live figures); jstat is no use here: with SerialGC on JDK 23+ its eden counter is
# refreshed only at a GC, so between collections it reads 0.
JCMD="$JAVA_HOME/bin/jcmd"
heap_used_kb() { "$JCMD" "$BPID" GC.heap_info 2>/dev/null | awk 'match($0, /total [0-9]+K, used [0-9]+K/) {s=substr($0, RSTART, RLENGTH); sub(/.*used /, "", s); u+=s+0} END {if (u) print u}'; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$BPID/status"; }
"$JCMD" "$BPID" GC.run > /dev/null
BASE_HEAP_KB=$(heap_used_kb) BASE_RSS_KB=$(rss_kb)
[ -n "$BASE_HEAP_KB" ] || die "jcmd GC.heap_info gave no heap figures for pid $BPID"
GC_LINES_BEFORE=$(wc -l < "$TMP/gc.log")

# 5. the upload; meanwhile heap (jcmd, one sample every 200 ms plus jcmd's own ~0.3 s) and RSS (/proc, every 200 ms)
say "uploading (confidentiality CONFIDENTIAL: no text extraction)..."
LOAD=$(cut -d' ' -f1 /proc/loadavg)
t0=$(date +%s%N)
curl -sS --max-time "$UPLOAD_TIMEOUT" -o "$TMP/upload-response.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Expect:' \
  -F "file=@$TMP/bench.zip;type=application/octet-stream" -F confidentiality=CONFIDENTIAL \
  "http://127.0.0.1:$TTX_PORT/api/v1/achievements/$ACH_ID/documents" > "$TMP/upload-code" 2> "$TMP/curl.err" & CURL_PID=$!
: > "$TMP/heap.samples"
if [ "$SAMPLE_HEAP" != 0 ]; then
  ( while kill -0 "$CURL_PID" 2>/dev/null; do heap_used_kb >> "$TMP/heap.samples" || true; sleep 0.2; done ) & SAMPLER_PID=$!
  PIDS+=($SAMPLER_PID)
fi
while kill -0 "$CURL_PID" 2>/dev/null; do rss_kb >> "$TMP/rss.samples" || true; sleep 0.2; done
wait "$CURL_PID" || die "curl failed after $(( ($(date +%s%N) - t0) / 1000000000 )) s: $(cat "$TMP/curl.err")"
t1=$(date +%s%N)
END_HEAP_KB=$(heap_used_kb || true)
[ -z "${SAMPLER_PID:-}" ] || wait "$SAMPLER_PID" 2>/dev/null || true
HWM_KB=$(awk '/^VmHWM/ {print $2}' "/proc/$BPID/status")
CODE=$(cat "$TMP/upload-code")

# 6. verify
[ "$CODE" = 201 ] || die "upload answered HTTP $CODE: $(head -c 1000 "$TMP/upload-response.json")"
read -r GOT_SIZE GOT_SHA < <(python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print(d["size"],d["sha256"])' "$TMP/upload-response.json") \
  || die "unreadable upload response: $(head -c 1000 "$TMP/upload-response.json")"
[ "$GOT_SIZE" = "$FILE_SIZE" ] || die "response size $GOT_SIZE != file size $FILE_SIZE"
[ "$GOT_SHA" = "$FILE_SHA" ] || die "response sha256 $GOT_SHA != sha256sum $FILE_SHA"
STORED=$(find "$TMP/data" -type f -size "+$((FILE_SIZE / 1024 - 1))k" -printf '%s\n' | sort -n | tail -n 1)
[ "${STORED:-0}" = "$FILE_SIZE" ] || say "note: no object of exactly $FILE_SIZE bytes found under the S3 data dir (largest: ${STORED:-none})"
say "verified: HTTP 201, size $GOT_SIZE, sha256 matches"

# 7. figures
max_of() { sort -n "$1" 2>/dev/null | tail -n 1; }
SAMPLES=$(wc -l < "$TMP/heap.samples")
PEAK_HEAP_KB=$(max_of "$TMP/heap.samples"); PEAK_HEAP_KB=${PEAK_HEAP_KB:-0}
[ "${END_HEAP_KB:-0}" -gt "$PEAK_HEAP_KB" ] && PEAK_HEAP_KB=$END_HEAP_KB
PEAK_RSS_KB=$(max_of "$TMP/rss.samples"); PEAK_RSS_KB=${PEAK_RSS_KB:-0}
# the gc log during the upload, lines "Pause Young (Allocation Failure) 95M->48M(185M)": before = heap used when the
# collection started (the true peaks of the sawtooth), after = what survived (live data)
read -r UP_GCS PEAK_BEFORE_MB PEAK_AFTER_MB < <(tail -n +"$((GC_LINES_BEFORE + 1))" "$TMP/gc.log" \
  | awk 'match($0, /[0-9]+M->[0-9]+M/) {n++; split(substr($0, RSTART, RLENGTH), v, "->"); b=v[1]+0; a=v[2]+0; if (b>mb) mb=b; if (a>ma) ma=a}
         END {printf "%d %d %d\n", n, mb, ma}')
ALL_GCS=$(grep -c 'Pause' "$TMP/gc.log" || true)
ms=$(( (t1 - t0) / 1000000 ))
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k/1024}'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.1f", a-b}'; }
BASE_MB=$(mb "$BASE_HEAP_KB") PEAK_MB=$(mb "$PEAK_HEAP_KB")
# peak heap used: the highest of the samples, the heap right after the 201 and the heap when each GC started
MAX_USED_MB=$(awk -v a="$PEAK_MB" -v b="$PEAK_BEFORE_MB" 'BEGIN {printf "%.1f", (a > b) ? a : b}')
BUDGET_MB=$((5 * PART_MB))
EDEN_KB=$("$JCMD" "$BPID" GC.heap_info 2>/dev/null | awk '/eden space/ {sub(/K,?/, "", $3); print $3; exit}')

printf '\n| measure | value |\n|---|---|\n'
printf '| file size | %s bytes (%s MB) |\n' "$FILE_SIZE" "$(awk -v s="$FILE_SIZE" 'BEGIN {printf "%.1f", s/1048576}')"
printf '| upload time (curl, until the 201) | %.2f s |\n' "$(awk -v m="$ms" 'BEGIN {print m/1000}')"
printf '| throughput | %s MB/s |\n' "$(awk -v s="$FILE_SIZE" -v m="$ms" 'BEGIN {printf "%.1f", s/1048576/(m/1000)}')"
printf '| backend heap | -Xmx%s, SerialGC (eden %s MB), S3 part size %s MB |\n' "$HEAP" "$(mb "${EDEN_KB:-0}")" "$PART_MB"
printf '| baseline heap (after a full GC, before the upload) | %s MB |\n' "$BASE_MB"
printf '| peak heap used, incl. garbage not yet collected (%s) | %s MB (%s MB) |\n' \
  "$([ "$SAMPLES" -gt 0 ] && echo "$SAMPLES jcmd GC.heap_info samples, " || echo "no samples (SAMPLE_HEAP=0), ")gc log before each GC, jcmd after the 201" \
  "$MAX_USED_MB" "$(minus "$MAX_USED_MB" "$BASE_MB")"
if [ "$UP_GCS" -gt 0 ]; then
  printf '| peak live heap (gc log, heap after a GC) | %s MB (%s MB) |\n' "$PEAK_AFTER_MB" "$(minus "$PEAK_AFTER_MB" "$BASE_MB")"
else # no collection during the upload: all that is known is that the live heap stayed below the heap used
  PEAK_AFTER_MB=$MAX_USED_MB
  printf '| peak live heap | no GC during the upload: at most the heap used, %s MB |\n' "$MAX_USED_MB"
fi
printf '| peak RSS during the upload (/proc every 200 ms) | %s MB (baseline %s MB, VmHWM %s MB) |\n' \
  "$(( PEAK_RSS_KB / 1024 ))" "$(( BASE_RSS_KB / 1024 ))" "$(( HWM_KB / 1024 ))"
printf '| GCs during the upload (since JVM start) | %s (%s) |\n' "$UP_GCS" "$ALL_GCS"
printf '| machine: cores, 1-min load average when the upload started | %s, %s |\n' "$(nproc)" "$LOAD"
echo
LIVE_DELTA=$(minus "$PEAK_AFTER_MB" "$BASE_MB")
if awk -v d="$LIVE_DELTA" -v b="$BUDGET_MB" 'BEGIN {exit !(d < b)}'; then
  echo "OK: live heap during the upload stayed below baseline + 5 x part size ($BASE_MB + $BUDGET_MB MB): $LIVE_DELTA MB."
else
  echo "OVER: live heap during the upload grew by $LIVE_DELTA MB, more than 5 x part size ($BUDGET_MB MB) above the baseline $BASE_MB MB."
  OVER=1
fi
echo "Heap used including garbage not yet collected peaked at $(minus "$MAX_USED_MB" "$BASE_MB") MB over the baseline:" \
  "$(awk -v d="$(minus "$MAX_USED_MB" "$BASE_MB")" -v b="$BUDGET_MB" 'BEGIN {print (d < b) ? "also below" : "above"}') $BUDGET_MB MB;" \
  "that figure is bounded by eden ($(mb "${EDEN_KB:-0}") MB), which SerialGC fills before it collects, not by the file size."

# 8. API against the store: the same file, raw S3 multipart put and API upload alternately, from one warm JVM that
# runs on the backend's own libraries (the same MinIO SDK)
if [ "$ROUNDS" -gt 0 ]; then
  mkdir -p "$TMP/lib" && (cd "$TMP/lib" && unzip -q -j "$TMP/backend.jar" 'BOOT-INF/lib/*.jar')
  say "API against raw S3, $ROUNDS rounds of $FILE_SIZE bytes..."
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
  "$JAVA" -Xmx256m -cp "$TMP/lib/*" scripts/bench/UploadRatio.java "http://127.0.0.1:$TTX_PORT" "$TOKEN" "$ACH_ID" \
    "http://127.0.0.1:$S3_PORT" ttx-dev ttx-dev-secret ttx-documents "$TMP/bench.zip" "$ROUNDS" "$PART_MB" > "$TMP/ratio.out" \
    || die "the comparison failed: $(tail -n 5 "$TMP/ratio.out")"
  printf '\n| round | raw S3 put (s) | API upload (s) | raw / API |\n|---|---|---|---|\n'
  awk '$1 == "round" {printf "| %d | %.2f | %.2f | %.2f |\n", $2, $3/1000, $4/1000, $3/$4}' "$TMP/ratio.out"
  read -r _ RAW_MS API_MS RATIO < <(grep '^median' "$TMP/ratio.out")
  printf '| median | %.2f | %.2f | **%s** |\n\n' "$(awk -v m="$RAW_MS" 'BEGIN {print m/1000}')" "$(awk -v m="$API_MS" 'BEGIN {print m/1000}')" "$RATIO"
  echo "file $FILE_SIZE bytes, S3 part size $PART_MB MB, backend -Xmx$HEAP; 1-min load average when the comparison started: $LOAD;" \
    "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- backend || echo ' (with uncommitted backend changes)')"
  if awk -v r="$RATIO" -v m="$MIN_RATIO" 'BEGIN {exit !(r < m)}'; then
    echo "BELOW: the API took $(awk -v r="$RATIO" 'BEGIN {printf "%.2f", 1/r}') times as long as the store (wanted at most $(awk -v m="$MIN_RATIO" 'BEGIN {printf "%.2f", 1/m}'))."
    OVER=1
  else
    echo "OK: the API uploads at $RATIO of the store's speed (wanted at least $MIN_RATIO)."
  fi
fi
[ -z "${OVER:-}" ] || exit 1
