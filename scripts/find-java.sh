# Finds a java >= 21: $JAVA_HOME first, then the newest under /usr/lib/jvm. Prints its path.
# Sourced by ./tend and ./scripts/test.

# The major version of a JDK home. Reads its `release` file (no JVM start, which would cost
# ~100 ms per candidate on every `tend` run); asks the JVM only when that file is missing.
java_major() {
  local home="$1" version=""
  if [ -f "$home/release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$home/release" | head -n1)"
  fi
  if [ -z "$version" ] && [ -x "$home/bin/java" ]; then
    version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)"
  fi
  version="${version#1.}"          # 1.8 -> 8
  echo "${version%%[.+-]*}"
}

find_java() {
  local home major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(java_major "$JAVA_HOME")"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      echo "$JAVA_HOME/bin/java"; return 0
    fi
    echo "tend: JAVA_HOME=$JAVA_HOME is Java ${major:-?}; looking for Java 21 or newer in /usr/lib/jvm" >&2
  fi
  for home in /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] && [ ! -L "$home" ] || continue
    major="$(java_major "$home")"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$home/bin/java"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "tend: no Java 21 or newer found (checked \$JAVA_HOME and /usr/lib/jvm)." >&2
    echo "tend: install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME." >&2
    return 1
  fi
  echo "$best"
}
