#!/usr/bin/env bash
# Loads the demo catalogue (336 bilingual achievements, 120 technology demands, 8 PDF briefs; see infra/demo-data)
# into a running TTX (scripts/run-local.sh) through its public API, as the dev IdP's demo clients: achievements are
# created, submitted and approved by the broker, demands created and submitted. Does nothing when the catalogue is
# already there (its first achievement is found among its owner's listings) unless --force. Builds the loader if its jar is missing (or --rebuild).
#   scripts/seed-demo.sh [--force] [--rebuild] [--concurrency=8]
# Ports (env): TTX_PORT=8080 IDP_PORT=9100
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/jdk.sh
source scripts/lib/jdk.sh
select_jdk

TTX_PORT=${TTX_PORT:-8080} IDP_PORT=${IDP_PORT:-9100}
JAR="infra/demo-data/target/demo-data-0.1.0-SNAPSHOT.jar"

say() { printf '[seed-demo] %s\n' "$*"; }

REBUILD=""
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    --force|--concurrency=*) ARGS+=("$arg") ;;
    *) say "unknown option $arg (usage: scripts/seed-demo.sh [--force] [--rebuild] [--concurrency=N])"; exit 2 ;;
  esac
done

if [ -n "$REBUILD" ] || [ ! -f "$JAR" ]; then
  say "building the demo-data loader..."
  mvn -q -DskipTests -pl infra/demo-data package || { say "build failed (run: mvn -DskipTests -pl infra/demo-data package)"; exit 1; }
fi

exec "$JAVA" -cp "$JAR" io.ttx.demodata.SeedLoader \
  --api="http://127.0.0.1:$TTX_PORT" --idp="http://127.0.0.1:$IDP_PORT" ${ARGS[@]+"${ARGS[@]}"}
