# Finds a java >= 21: $JAVA_HOME first, then the newest under /usr/lib/jvm. Prints its path.
# Sourced by ./tend and ./scripts/test.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

find_java() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(java_major "$JAVA_HOME/bin/java")"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      echo "$JAVA_HOME/bin/java"; return 0
    fi
    echo "tend: JAVA_HOME=$JAVA_HOME is Java ${major:-?}; looking for Java 21 or newer in /usr/lib/jvm" >&2
  fi
  for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major="$(java_major "$candidate")"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "tend: no Java 21 or newer found (checked \$JAVA_HOME and /usr/lib/jvm)." >&2
    echo "tend: install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME." >&2
    return 1
  fi
  echo "$best"
}
