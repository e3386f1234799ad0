# shellcheck shell=bash
# Sourced by every script: selects a JDK 21+ and exports JAVA_HOME, JAVA, MAVEN_OPTS.
# Order: JAVA_HOME if it is 21+, otherwise the newest JDK under /usr/lib/jvm (or $TTX_JDK_DIRS). Fails clearly.

jdk_major() { # $1 = java binary -> prints the feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

select_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(jdk_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then best="$JAVA_HOME"; best_major=$major; fi
  fi
  if [ -z "$best" ]; then
    for candidate in ${TTX_JDK_DIRS:-/usr/lib/jvm/*}; do
      [ -x "$candidate/bin/javac" ] || continue
      major=$(jdk_major "$candidate/bin/java")
      if [ "${major:-0}" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
    done
    [ "$best_major" -ge 21 ] || best=""
  fi
  if [ -z "$best" ]; then
    echo "ERROR: TTX needs a JDK 21 or newer (javac included)." >&2
    echo "  JAVA_HOME=${JAVA_HOME:-<unset>} is not one, and none was found under ${TTX_JDK_DIRS:-/usr/lib/jvm}." >&2
    echo "  Install a JDK 21+ (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best" JAVA_MAJOR="$best_major"
  export JAVA="$JAVA_HOME/bin/java"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven 3.8's bundled Guava touches sun.misc.Unsafe: JDK 23+ warn unless allowed, older JDKs refuse the flag
  if [ "$best_major" -ge 23 ]; then
    case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe-memory-access*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
  fi
  command -v mvn >/dev/null 2>&1 || { echo "ERROR: Maven (mvn) is not on the PATH; install Apache Maven 3.8+." >&2; return 1; }
}
