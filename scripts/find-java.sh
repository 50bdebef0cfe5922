# Finds a java >= 21: $JAVA_HOME first, then the newest under /usr/lib/jvm. Prints its path.
# Sourced by ./tend and ./scripts/test.
#
# Every `tend` start runs this, so it uses shell builtins only: each `$(...)`, sed or head is a
# fork, and the lookup cost ~40 ms that way; the *_into functions set a variable instead of printing.

# Sets JAVA_MAJOR to the major version of a JDK home. Reads its `release` file (no JVM start,
# which would cost ~100 ms per candidate); asks the JVM only when that file is missing.
java_major_into() {
  local home="$1" version="" line
  if [ -f "$home/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"*) version="${line#JAVA_VERSION=\"}"; version="${version%%\"*}"; break ;;
      esac
    done <"$home/release"
  fi
  if [ -z "$version" ] && [ -x "$home/bin/java" ]; then
    version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)"
  fi
  version="${version#1.}"          # 1.8 -> 8
  JAVA_MAJOR="${version%%[.+-]*}"
}

# Prints the major version of a JDK home.
java_major() {
  java_major_into "$1"
  echo "$JAVA_MAJOR"
}

# Sets JAVA to the java to use, or explains on stderr and returns 1.
find_java_into() {
  local home best="" best_major=0
  JAVA=""
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_major_into "$JAVA_HOME"
    if [ "${JAVA_MAJOR:-0}" -ge 21 ] 2>/dev/null; then
      JAVA="$JAVA_HOME/bin/java"; return 0
    fi
    echo "tend: JAVA_HOME=$JAVA_HOME is Java ${JAVA_MAJOR:-?}; looking for Java 21 or newer in /usr/lib/jvm" >&2
  fi
  for home in /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] && [ ! -L "$home" ] || continue
    java_major_into "$home"
    if [ "${JAVA_MAJOR:-0}" -ge 21 ] 2>/dev/null && [ "$JAVA_MAJOR" -gt "$best_major" ]; then
      best="$home/bin/java"; best_major="$JAVA_MAJOR"
    fi
  done
  if [ -z "$best" ]; then
    echo "tend: no Java 21 or newer found (checked \$JAVA_HOME and /usr/lib/jvm)." >&2
    echo "tend: install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME." >&2
    return 1
  fi
  JAVA="$best"
  JAVA_MAJOR="$best_major"
}

# Prints the path of the java to use.
find_java() {
  find_java_into || return 1
  echo "$JAVA"
}
