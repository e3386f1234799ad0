#!/usr/bin/env bash
# Times valuations with a 100,000-path Monte Carlo through ValuationEngine (plain Java main on the backend's test class
# path, no Spring, no HTTP): real option alone and all six methods, Monte Carlo payoffs sequential and parallel;
# prints p50 / p99 / mean / max in ms. Figures for docs/performance.md ("Valuation"); the target is under 1 s.
#   scripts/bench/valuation.sh [runs=200] [warmup=50] [paths=100000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
# shellcheck source=../lib/jdk.sh
source scripts/lib/jdk.sh; select_jdk
echo "valuation.sh: JDK $JAVA_MAJOR at $JAVA_HOME"
# From the reactor root, in one Maven run with the compile phases: the sibling modules (frontend-api-spec, demo-data)
# resolve to their target/classes, so nothing needs to be installed; the dependency plugin named with its version (the
# one Spring Boot manages for the backend) and resolved online when missing (see scripts/bench/search).
CP_FILE=backend/target/bench.classpath
mvn -B -q -pl backend -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA" -XX:+UseParallelGC -Xms512m -Xmx512m -cp "backend/target/test-classes:backend/target/classes:$(cat "$CP_FILE")" \
  io.ttx.valuation.domain.ValuationBenchmark "$@"
