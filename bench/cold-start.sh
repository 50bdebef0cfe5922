#!/usr/bin/env bash
# `tend check` cold start for a 10-target config, against the runbooks' raw-tool baseline (the same
# 10 probes done sequentially with curl, bash /dev/tcp and df), and against a bare JVM start
# (`java -version` of the same JDK), in one run. See docs/benchmarks.md.
#
#   bench/cold-start.sh [-r RUNS] [--timer hyperfine|loop] [--no-what-if]
#
# Config: 6 http targets against a local nginx, 3 tcp targets on nginx's port, 1 host volume (/);
# a second config has 2 targets (1 http, 1 tcp).
# Timed as whole processes, RUNS runs each after 2 warm-ups (page cache, build and start-up cache done):
#   tend check        ./tend check -c CONFIG, as a user runs it (launcher + JVM + checks + SQLite)
#   raw tools         bash baseline.sh: 6 x curl -fsS -m 5, 3 x bash -c '</dev/tcp/...', df -P and df -Pi
#   bare JVM          java -version
#   tend check, 2 targets and ./tend validate: their ratios to the bare JVM
#   and, to show what the time is made of: the launcher's Java lookup alone, ./tend --version,
#   and the java command ./tend runs, started directly (with its start-up cache);
#   without the cache (skip: --no-what-if): that java command on target/classes with -Xshare:auto,
#   as ./tend started it before its start-up cache (and still does on JDK 21-24).
# Then the peak RSS of `./tend check` (10 targets), median of RUNS, and bench/StartupPhases.java
# splits one in-JVM run into phases (median of 5).
# --timer: hyperfine when installed (apt-get install -y hyperfine), else a bash loop with date +%s%N.
# Everything listens on 127.0.0.1 and is stopped on exit. BENCH_KEEP=1 keeps the temp dir.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${BENCH_RUNS:-10}"
TIMER=auto
WHATIF=1
while [ $# -gt 0 ]; do
  case "$1" in
    -r) RUNS="$2"; shift 2 ;;
    --timer) TIMER="$2"; shift 2 ;;
    --no-what-if) WHATIF=0; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "-r must be a positive number"
case "$TIMER" in
  auto) if command -v hyperfine >/dev/null; then TIMER=hyperfine; else
          log "hyperfine is missing (apt-get install -y hyperfine): timing with a bash loop"; TIMER=loop; fi ;;
  hyperfine) need hyperfine hyperfine ;;
  loop) ;;
  *) die "--timer is hyperfine or loop" ;;
esac
need nginx nginx
need curl curl
need ss iproute2
need jq jq
need df coreutils

JAVA="$(bench_java)" || die "no Java 21+ found"
JAVA_MAJOR="$(java_major "${JAVA%/bin/java}")"
# The flags ./tend starts one-shot commands with (its start-up cache is added per row below).
JVM_FLAGS="--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
log "building / locating Tend..."
CP="$(tend_classpath)"

TMP="$(mktemp -d /tmp/tend-cold.XXXXXX)"
NGINX_PID=""
cleanup() {
  local rc=$?
  stop_pid "$NGINX_PID"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT="$(free_port)"
start_nginx "$TMP/nginx" "$PORT"
log "nginx on 127.0.0.1:$PORT (pid $NGINX_PID)"

CFG="$TMP/tend.yaml"
cat >"$CFG" <<EOF
platform: { name: ColdStart }
store: { path: "$TMP/store/tend.db" }
targets:
  - { name: api-1, type: http, url: "http://127.0.0.1:$PORT/health?i=1", timeout: 5s }
  - { name: api-2, type: http, url: "http://127.0.0.1:$PORT/health?i=2", timeout: 5s }
  - { name: api-3, type: http, url: "http://127.0.0.1:$PORT/health?i=3", timeout: 5s }
  - { name: api-4, type: http, url: "http://127.0.0.1:$PORT/health?i=4", timeout: 5s }
  - { name: api-5, type: http, url: "http://127.0.0.1:$PORT/health?i=5", timeout: 5s }
  - { name: api-6, type: http, url: "http://127.0.0.1:$PORT/health?i=6", timeout: 5s }
  - { name: port-1, type: tcp, address: "127.0.0.1:$PORT", timeout: 5s }
  - { name: port-2, type: tcp, address: "127.0.0.1:$PORT", timeout: 5s }
  - { name: port-3, type: tcp, address: "127.0.0.1:$PORT", timeout: 5s }
  - { name: disk, type: host, volumes: [/] }
EOF
CFG2="$TMP/two.yaml"
cat >"$CFG2" <<EOF
platform: { name: ColdStartTwo }
store: { path: "$TMP/store2/tend.db" }
targets:
  - { name: api, type: http, url: "http://127.0.0.1:$PORT/health", timeout: 5s }
  - { name: port, type: tcp, address: "127.0.0.1:$PORT", timeout: 5s }
EOF
BASELINE="$TMP/baseline.sh"
{
  echo '#!/usr/bin/env bash'
  echo '# The runbooks today: the same 10 probes, one after the other, with the raw tools.'
  echo 'set -eu'
  for k in 1 2 3 4 5 6; do echo "curl -fsS -m 5 'http://127.0.0.1:$PORT/health?i=$k'; echo"; done
  for k in 1 2 3; do echo "bash -c '</dev/tcp/127.0.0.1/$PORT' && echo 'port $PORT open'"; done
  echo 'df -P /'
  echo 'df -Pi /'
} >"$BASELINE"

# Both must succeed before anything is timed (a failing run would be timed as a fast one).
"$REPO_DIR/tend" check -c "$CFG" >"$TMP/check.out" 2>&1 || { cat "$TMP/check.out" >&2; die "tend check failed on the bench config"; }
bash "$BASELINE" >"$TMP/baseline.out" 2>&1 || { cat "$TMP/baseline.out" >&2; die "the baseline script failed"; }
[ "$(grep -c ' OK ' "$TMP/check.out")" = 10 ] || { cat "$TMP/check.out" >&2; die "expected 10 OK checks"; }

NAMES=(); CMDS=()
bench_cmd() { NAMES+=("$1"); CMDS+=("$2"); }
bench_cmd "tend check" "$REPO_DIR/tend check -c $CFG"
bench_cmd "raw tools (curl, /dev/tcp, df)" "bash $BASELINE"
bench_cmd "bare JVM (java -version)" "$JAVA -version"
bench_cmd "tend check, 2 targets" "$REPO_DIR/tend check -c $CFG2"
bench_cmd "./tend validate" "$REPO_DIR/tend validate -c $CFG"
bench_cmd "launcher: find_java only" "bash -c 'source $REPO_DIR/scripts/find-java.sh; find_java'"
bench_cmd "./tend --version" "$REPO_DIR/tend --version"
# A snapshot of target/classes for the in-JVM rows, so a rebuild meanwhile cannot break them.
cp -r "$REPO_DIR/target/classes" "$TMP/classes"
SNAP_CP="$TMP/classes:${CP#*:}"
"$REPO_DIR/tend" check -c "$CFG" >/dev/null 2>&1   # trains check's start-up cache if it is missing
if [ -f "$REPO_DIR/target/tend-check.aot" ]; then
  # The cache is valid only with the class path it was trained on, so this row uses the build's own jar,
  # and the launcher's other flags (small heap, sqlite's library loaded directly).
  native="$REPO_DIR/target/native/org/sqlite/native/Linux/$(uname -m)"
  bench_cmd "java direct (no launcher)" "$JAVA $JVM_FLAGS -Xms16m -XX:AOTCache=$REPO_DIR/target/tend-check.aot -Dorg.sqlite.lib.path=$native -Dorg.sqlite.lib.name=libsqlitejdbc.so -cp $REPO_DIR/target/tend.jar:${CP#*:} dev.tend.cli.Main check -c $CFG"
else
  log "no start-up cache (JDK < 25, or it could not be trained): ./tend runs without one"
fi
if [ "$WHATIF" = 1 ]; then
  bench_cmd "java direct, no start-up cache" "$JAVA $JVM_FLAGS -Xshare:auto -cp $SNAP_CP dev.tend.cli.Main check -c $CFG"
fi

"$REPO_DIR/tend" --version >/dev/null   # any pending build (and cache training) happens now, not in a timed run
wait_quiet
stamp="$REPO_DIR/target/.tend-build-stamp"
stamp_before="$(stat -c %Y "$stamp" 2>/dev/null || echo none)"
RESULTS="$TMP/results.tsv"   # name \t median_ms \t mean_ms \t sd_ms \t min_ms \t max_ms

if [ "$TIMER" = hyperfine ]; then
  args=()
  for i in "${!NAMES[@]}"; do args+=(-n "${NAMES[$i]}" "${CMDS[$i]}"); done
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$TMP/hyperfine.json" "${args[@]}" >&2
  jq -r '.results[] | [.command, .median * 1000, .mean * 1000, .stddev * 1000, .min * 1000, .max * 1000]
    | map(if type == "number" then (. * 10 | round / 10) else . end) | @tsv' "$TMP/hyperfine.json" >"$RESULTS"
else
  # Interleaved rounds (each command once per round), so a slow minute hits all of them alike.
  for round in $(seq 1 $(( RUNS + 2 ))); do
    for i in "${!CMDS[@]}"; do
      t0="$(date +%s%N)"
      eval "${CMDS[$i]}" >/dev/null 2>&1 || die "'${NAMES[$i]}' failed in round $round"
      t1="$(date +%s%N)"
      [ "$round" -le 2 ] || echo "$i $(( (t1 - t0) / 1000 ))" >>"$TMP/loop.txt"   # µs; first 2 rounds warm up
    done
  done
  for i in "${!NAMES[@]}"; do
    awk -v i="$i" '$1 == i { print $2 / 1000 }' "$TMP/loop.txt" | sort -n | awk -v name="${NAMES[$i]}" '
      { v[NR] = $1; s += $1; ss += $1 * $1 }
      END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; mean = s / NR
            sd = (NR > 1) ? sqrt((ss - NR * mean * mean) / (NR - 1)) : 0
            printf "%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\n", name, m, mean, sd, v[1], v[NR] }' >>"$RESULTS"
  done
fi
stamp_after="$(stat -c %Y "$stamp" 2>/dev/null || echo none)"

# Peak resident memory of one `./tend check` (10 targets): GNU time's maximum RSS, median of RUNS.
need /usr/bin/time time
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -f '%M' -o "$TMP/rss.$run" "$REPO_DIR/tend" check -c "$CFG" >/dev/null 2>&1
done
RSS_KB="$(cat "$TMP"/rss.* | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"

# Phases of one `tend check`, inside the JVM (median of 5 fresh JVMs).
mkdir -p "$TMP/phases"
"${JAVA%/java}/javac" -d "$TMP/phases" -cp "$SNAP_CP" "$BENCH_DIR/StartupPhases.java"
for run in 1 2 3 4 5; do
  # shellcheck disable=SC2086
  "$JAVA" $JVM_FLAGS -cp "$TMP/phases:$SNAP_CP" StartupPhases "$CFG" 2>/dev/null | sed -n 's/^PHASE //p' >"$TMP/phases/run$run.txt"
done

echo
echo "## tend check cold start, 10 targets ($(date -u +%F), $RUNS runs each, timer: $TIMER)"
echo "Machine: $(machine_line "$JAVA")"
echo "JAVA_HOME in this environment: ${JAVA_HOME:-unset}; ./tend's Java: $JAVA"
echo
echo "| command | median ms | mean ± sd ms | min ms | max ms | / raw tools |"
echo "|---|---:|---:|---:|---:|---:|"
base="$(awk -F'\t' 'NR == 2 { print $2 }' "$RESULTS")"
while IFS=$'\t' read -r name median mean sd min max; do
  printf '| %s | %s | %s ± %s | %s | %s | %s |\n' "$name" "$median" "$mean" "$sd" "$min" "$max" \
    "$(awk -v a="$median" -v b="$base" 'BEGIN { printf "%.1fx", a / b }')"
done <"$RESULTS"
echo
median_of() { awk -F'\t' -v name="$1" '$1 == name { print $2 }' "$RESULTS"; }
ratio() { awk -v a="$(median_of "$1")" -v b="$(median_of "$2")" 'BEGIN { printf "%.1fx (%.0f ms vs %.0f ms)", a / b, a, b }'; }
echo "Ratio (median): tend check / raw tools = $(ratio "tend check" "raw tools (curl, /dev/tcp, df)")"
echo "Ratio (median): tend check, 2 targets / bare JVM = $(ratio "tend check, 2 targets" "bare JVM (java -version)")"
echo "Ratio (median): tend validate / bare JVM = $(ratio "./tend validate" "bare JVM (java -version)")"
echo "Peak RSS of ./tend check (10 targets), median of $RUNS: $(( RSS_KB / 1024 )) MiB"
echo
echo "Phases of one tend check inside the JVM (bench/StartupPhases.java, median of 5 runs, ms):"
echo
echo "| phase | median ms |"
echo "|---|---:|"
cut -d'|' -f1 "$TMP/phases/run1.txt" | while IFS= read -r phase; do
  printf '| %s | %s |\n' "$phase" "$(cat "$TMP"/phases/run*.txt | awk -F'|' -v p="$phase" '$1 == p { print $2 }' | sort -n | sed -n 3p)"
done
if [ "$stamp_before" != "$stamp_after" ]; then
  log "WARNING: Tend was rebuilt while timing (sources changed meanwhile): rerun for clean numbers"
  exit 1
fi
