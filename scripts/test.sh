#!/usr/bin/env bash
# The whole test suite: unit tests (surefire, *Tests) and integration tests (failsafe, *IT) against real servers.
# The integration tests start the dev stack (Elasticsearch, MongoDB wire server, S3Proxy) and the dev IdP as child
# processes on free loopback ports and stop them afterwards, also when a test fails or the test JVM dies.
#   scripts/test.sh [extra maven arguments, e.g. -Dit.test=SecurityIT]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/jdk.sh
source scripts/lib/jdk.sh
select_jdk
echo "test.sh: JDK $JAVA_MAJOR at $JAVA_HOME; $(mvn -v 2>/dev/null | head -n 1)"
exec mvn clean verify "$@"
