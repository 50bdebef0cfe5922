#!/usr/bin/env bash
# Check-engine throughput: N HTTP checks against a local nginx, by Tend and by Prometheus
# blackbox_exporter, at the same concurrency, in one run. See docs/benchmarks.md.
#
#   bench/check-throughput.sh [-n "1000 10000"] [-c 100] [-r REPEATS] [-w WARMUP] [--no-wrk] [--no-keepalive]
#
# nginx serves /health on two ports: "fresh" (keepalive_timeout 0, so every check is a new TCP
# connection, as when each target is a different server; blackbox_exporter opens one per probe
# anyway) and "keep-alive" (Tend's HTTP client may reuse connections across targets on one host).
# For each N (and each repeat), in this order:
#   tend-engine     bench/EngineBench.java: CheckRunner in-process; warm-up on N/10 targets, then timed on N
#   tend-check      /usr/bin/time -v ./tend check --json -c CONFIG: the whole process as a user runs it
#   tend-engine+ka, tend-check+ka   the same against the keep-alive port (skip: --no-keepalive)
#   blackbox        bench/ProbeLoad.java: N x GET /probe?module=http_2xx&target=<same fresh URLs>, C in flight
#   blackbox-wrk    cross-check of the exporter with wrk + bench/probe.lua, C connections, bounded time
# Prints a markdown table and the Tend/blackbox ratios; exits 1 if any check or probe failed.
# Everything listens on 127.0.0.1 and is stopped on exit. Env: BENCH_KEEP=1 keeps the temp dir;
# BENCH_ENGINE_JVM_OPTS / BENCH_DRIVER_JVM_OPTS replace the JVM flags of EngineBench / ProbeLoad
# (default for both: the ones ./tend uses, -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NS="${BENCH_N:-1000 10000}"
C="${BENCH_C:-100}"
REPEATS="${BENCH_REPEATS:-1}"
WARMUP="${BENCH_WARMUP:-}"
WRK_SECONDS="${BENCH_WRK_SECONDS:-10}"
USE_WRK=1
KEEPALIVE=1
while [ $# -gt 0 ]; do
  case "$1" in
    -n) NS="$2"; shift 2 ;;
    -c) C="$2"; shift 2 ;;
    -r) REPEATS="$2"; shift 2 ;;
    -w) WARMUP="$2"; shift 2 ;;
    --no-wrk) USE_WRK=0; shift ;;
    --no-keepalive) KEEPALIVE=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
for n in $NS; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number, not '$n'"; done
[[ "$C" =~ ^[1-9][0-9]*$ ]] || die "C must be a positive number"
[[ "$REPEATS" =~ ^[1-9][0-9]*$ ]] || die "-r must be a positive number"
[[ "$WRK_SECONDS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_WRK_SECONDS must be a positive number"

need nginx nginx
need prometheus-blackbox-exporter prometheus-blackbox-exporter
need curl curl
need ss iproute2
need jq jq
need ps procps
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: apt-get install -y time"
if [ "$USE_WRK" = 1 ] && ! command -v wrk >/dev/null; then
  log "wrk is missing (apt-get install -y wrk): skipping the wrk cross-check"; USE_WRK=0
fi
if [ "$(ulimit -n)" -lt $(( C * 4 + 256 )) ]; then
  ulimit -n $(( C * 4 + 256 )) 2>/dev/null || die "open-file limit $(ulimit -n) is too low for C=$C"
fi

JAVA="$(bench_java)" || die "no Java 21+ found"
ENGINE_JVM_OPTS="${BENCH_ENGINE_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"
# The load driver shares the 2 cores with the exporter: C1 only and Serial GC keep its CPU use about a
# third of what G1 + C2 cost it (C2 compiling during a short run), leaving the exporter the most room.
DRIVER_JVM_OPTS="${BENCH_DRIVER_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"
log "building / locating Tend..."
LIVE_CP="$(tend_classpath)"

TMP="$(mktemp -d /tmp/tend-bench.XXXXXX)"
NGINX_PID=""; EXPORTER_PID=""
cleanup() {
  local rc=$?
  stop_pid "$EXPORTER_PID" "$NGINX_PID"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The engine runs on a snapshot of target/classes, so a rebuild during the run cannot disturb it.
cp -r "$REPO_DIR/target/classes" "$TMP/classes"
CP="$TMP/classes:${LIVE_CP#*:}"

KA_PORT="$(free_port)"
FRESH_PORT="$(free_port)"
while [ "$FRESH_PORT" = "$KA_PORT" ]; do FRESH_PORT="$(free_port)"; done
start_nginx "$TMP/nginx" "$KA_PORT" "$FRESH_PORT"
log "nginx on 127.0.0.1:$FRESH_PORT (fresh connections) and :$KA_PORT (keep-alive), pid $NGINX_PID"

EXPORTER_PORT="$(free_port)"
while [ "$EXPORTER_PORT" = "$KA_PORT" ] || [ "$EXPORTER_PORT" = "$FRESH_PORT" ]; do EXPORTER_PORT="$(free_port)"; done
cat >"$TMP/blackbox.yml" <<'EOF'
modules:
  http_2xx:
    prober: http
    timeout: 5s
EOF
prometheus-blackbox-exporter --config.file="$TMP/blackbox.yml" \
  --web.listen-address="127.0.0.1:$EXPORTER_PORT" >"$TMP/blackbox.log" 2>&1 &
EXPORTER_PID=$!
EXPORTER="http://127.0.0.1:$EXPORTER_PORT"
wait_http "$EXPORTER/-/healthy" 10
log "blackbox_exporter on 127.0.0.1:$EXPORTER_PORT (pid $EXPORTER_PID)"

FRESH_PREFIX="http://127.0.0.1:$FRESH_PORT/health?i="
KA_PREFIX="http://127.0.0.1:$KA_PORT/health?i="
ENC_PREFIX="$(jq -rn --arg s "$FRESH_PREFIX" '$s|@uri')"
curl -fsS -m 5 "$EXPORTER/probe?module=http_2xx&target=${ENC_PREFIX}0" | grep -qx 'probe_success 1' || \
  die "blackbox_exporter cannot probe nginx (see $TMP/blackbox.log)"

# make_config N PREFIX FILE: N http targets, one distinct ?i=K each, runner concurrency C.
make_config() {
  local n="$1" prefix="$2" file="$3" k
  {
    echo "platform: { name: Bench }"
    echo "runner: { concurrency: $C }"
    echo "store: { path: \"$TMP/store/tend.db\" }"
    echo "targets:"
    for (( k = 1; k <= n; k++ )); do
      echo "  - { name: api-$k, type: http, url: \"${prefix}$k\", timeout: 5s }"
    done
  } >"$file"
}

kv() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }   # kv LINE KEY
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a + b }'; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
ROWS=()   # "n tool rate p50 p99 tool_cpu per_cpu rss conns nginx_cpu other_cpu not_ok"
FAILED=0
BB_PROBE=()   # the exporter's own probe_duration_seconds, per blackbox run

# Per-phase accounting: nginx connections and CPU, and the whole machine's busy CPU, so the CPU no
# benchmark process used ("other") shows whether something else was running on the machine.
phase_start() { P_ACC="$(nginx_accepts "$KA_PORT")"; P_NGX="$(nginx_cpu)"; P_BUSY="$(machine_busy)"; }
phase_end() {  # phase_end CPU_OF_OUR_OTHER_PROCESSES -> sets P_CONNS P_NGX_CPU P_OTHER
  local busy ngx
  busy="$(machine_busy)"; ngx="$(nginx_cpu)"
  P_CONNS=$(( $(nginx_accepts "$KA_PORT") - P_ACC - 1 ))   # minus the stub_status request itself
  P_NGX_CPU="$(sub "$ngx" "$P_NGX")"
  P_OTHER="$(sub "$(sub "$busy" "$P_BUSY")" "$(add "$1" "$P_NGX_CPU")")"
}

# timed OUTFILE CMD...: runs CMD under /usr/bin/time; sets T_WALL T_RSS T_CPU (whole process).
timed() {
  local out="$1" rc=0 u s; shift
  /usr/bin/time -f '%e %M %U %S' -o "$out.time" "$@" >"$out" 2>"$out.err" || rc=$?
  read -r T_WALL T_RSS u s < <(tail -n1 "$out.time") || true
  T_CPU="$(add "${u:-0}" "${s:-0}")"
  grep -v '^Command exited' "$out.err" | sed 's/^/    /' >&2 || true
  return "$rc"
}

engine_phase() {  # engine_phase N CONFIG LABEL
  local n="$1" cfg="$2" label="$3" line
  phase_start
  # shellcheck disable=SC2086
  timed "$TMP/engine.out" "$JAVA" --enable-native-access=ALL-UNNAMED $ENGINE_JVM_OPTS \
    -cp "$CP" "$BENCH_DIR/EngineBench.java" "$cfg" "$W" || { log "$label FAILED"; FAILED=1; }
  phase_end "$T_CPU"
  line="$(grep '^RESULT' "$TMP/engine.out" || true)"
  [ -n "$line" ] || die "EngineBench printed no result (see above)"
  log "$line"
  log "$label whole process (external /usr/bin/time): wall $T_WALL s, max RSS $(( T_RSS / 1024 )) MiB, CPU $T_CPU s; nginx CPU $P_NGX_CPU s, other CPU on the machine $P_OTHER s"
  ROWS+=("$n $label $(kv "$line" rate) $(kv "$line" p50_ms) $(kv "$line" p99_ms) $(kv "$line" cpu_s) $(kv "$line" per_cpu_s) $(( $(kv "$line" rss_peak_kb) / 1024 )) $P_CONNS $P_NGX_CPU $P_OTHER $(kv "$line" failures)")
}

cli_phase() {  # cli_phase N CONFIG LABEL
  local n="$1" cfg="$2" label="$3" rc=0 wall rss cpu count notok p50 p99 rate
  "$REPO_DIR/tend" --version >/dev/null 2>&1 || die "./tend does not start (build failed?)"   # never time a build
  rm -rf "$TMP/store"
  phase_start
  /usr/bin/time -v -o "$TMP/cli.time" "$REPO_DIR/tend" check --json -c "$cfg" >"$TMP/cli.json" 2>"$TMP/cli.err" || rc=$?
  wall="$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$TMP/cli.time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/cli.time")"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$TMP/cli.time")"
  phase_end "$cpu"
  grep -q 'tend: building' "$TMP/cli.err" && { log "$label included a build of Tend: run void"; FAILED=1; }
  count="$(jq '.results | length' "$TMP/cli.json" 2>/dev/null || echo 0)"
  notok="$(jq '[.results[] | select(.status != "OK")] | length' "$TMP/cli.json" 2>/dev/null || echo "$n")"
  read -r p50 p99 < <(jq -r '[.results[].durationMs] | sort | . as $d | length as $l
    | [$d[(((50 * $l / 100) | ceil) - 1)], $d[(((99 * $l / 100) | ceil) - 1)]] | @tsv' "$TMP/cli.json" 2>/dev/null || echo "- -")
  if [ "$rc" != 0 ] || [ "$count" != "$n" ] || [ "$notok" != 0 ]; then
    log "$label FAILED: exit $rc, $count results, $notok not OK"; sed 's/^/    /' "$TMP/cli.err" >&2
    jq -r '[.results[] | select(.status != "OK")][:5][] | "    \(.target): \(.status) \(.reason)"' "$TMP/cli.json" >&2 || true
    FAILED=1
  fi
  rate="$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')"
  log "$label: wall $wall s (/usr/bin/time -v), $rate checks/s whole process, p50 $p50 ms, p99 $p99 ms, max RSS $(( rss / 1024 )) MiB, CPU $cpu s; nginx CPU $P_NGX_CPU s, other CPU $P_OTHER s"
  ROWS+=("$n $label $rate $p50 $p99 $cpu $(awk -v n="$n" -v c="$cpu" 'BEGIN { printf "%.1f", n / c }') $(( rss / 1024 )) $P_CONNS $P_NGX_CPU $P_OTHER $notok")
}

blackbox_phase() {  # blackbox_phase N
  local n="$1" line c0 c1
  phase_start
  c0="$(cpu_seconds "$EXPORTER_PID")"
  # shellcheck disable=SC2086
  timed "$TMP/probe.out" "$JAVA" $DRIVER_JVM_OPTS "$BENCH_DIR/ProbeLoad.java" "$EXPORTER" "$FRESH_PREFIX" "$n" "$C" "$W" "$EXPORTER_PID" \
    || { log "blackbox run FAILED"; FAILED=1; }
  line="$(grep '^RESULT' "$TMP/probe.out" || true)"
  [ -n "$line" ] || die "ProbeLoad printed no result (see above)"
  c1="$(cpu_seconds "$EXPORTER_PID")"
  phase_end "$(add "$T_CPU" "$(sub "$c1" "$c0")")"   # ours: the driver's whole process, the exporter incl. warm-up
  log "$line"
  log "load driver whole process (external /usr/bin/time): wall $T_WALL s, max RSS $(( T_RSS / 1024 )) MiB, CPU $T_CPU s; nginx CPU $P_NGX_CPU s, other CPU $P_OTHER s"
  BB_PROBE+=("N=$n: p50 $(kv "$line" probe_p50_ms) ms, p99 $(kv "$line" probe_p99_ms) ms (load driver CPU in the timed part: $(kv "$line" driver_cpu_s) s)")
  ROWS+=("$n blackbox $(kv "$line" rate) $(kv "$line" p50_ms) $(kv "$line" p99_ms) $(kv "$line" cpu_s) $(kv "$line" per_cpu_s) $(( $(kv "$line" rss_peak_kb) / 1024 )) $P_CONNS $P_NGX_CPU $P_OTHER $(kv "$line" failures)")
}

wrk_phase() {  # wrk_phase N
  local n="$1" line c0 c1 ecpu
  phase_start
  c0="$(cpu_seconds "$EXPORTER_PID")"
  WRK_N="$n" WRK_PREFIX="$ENC_PREFIX" timed "$TMP/wrk.out" wrk -t 2 -c "$C" -d "${WRK_SECONDS}s" --timeout 10s \
    -s "$BENCH_DIR/probe.lua" "$EXPORTER" || true
  c1="$(cpu_seconds "$EXPORTER_PID")"
  ecpu="$(sub "$c1" "$c0")"
  phase_end "$(add "$T_CPU" "$ecpu")"
  line="$(grep '^WRK' "$TMP/wrk.out" || true)"
  if [ -z "$line" ]; then log "wrk printed no result:"; sed 's/^/    /' "$TMP/wrk.out" >&2; FAILED=1; return; fi
  log "$line exporter_cpu_s=$ecpu wrk_cpu_s=$T_CPU nginx_cpu_s=$P_NGX_CPU other_cpu_s=$P_OTHER"
  if [ "$(kv "$line" failures)" != 0 ] || [ "$(kv "$line" errors)" != 0 ]; then log "wrk saw failed probes"; FAILED=1; fi
  ROWS+=("$n blackbox-wrk $(kv "$line" rate) $(kv "$line" p50_ms) $(kv "$line" p99_ms) $ecpu $(awk -v c="$ecpu" -v r="$(kv "$line" requests)" 'BEGIN { printf "%.1f", r / c }') - $P_CONNS $P_NGX_CPU $P_OTHER $(( $(kv "$line" failures) + $(kv "$line" errors) ))")
}

for rep in $(seq 1 "$REPEATS"); do
  for n in $NS; do
    W="${WARMUP:-$(( n / 10 ))}"
    make_config "$n" "$FRESH_PREFIX" "$TMP/fresh-$n.yaml"
    [ "$KEEPALIVE" = 0 ] || make_config "$n" "$KA_PREFIX" "$TMP/ka-$n.yaml"
    log "=== N=$n C=$C warm-up $W (repeat $rep/$REPEATS) ==="
    wait_quiet
    engine_phase "$n" "$TMP/fresh-$n.yaml" tend-engine
    cli_phase "$n" "$TMP/fresh-$n.yaml" tend-check
    if [ "$KEEPALIVE" = 1 ]; then
      engine_phase "$n" "$TMP/ka-$n.yaml" tend-engine+ka
      cli_phase "$n" "$TMP/ka-$n.yaml" tend-check+ka
    fi
    blackbox_phase "$n"
    [ "$USE_WRK" = 0 ] || wrk_phase "$n"
  done
done

echo
echo "## Check throughput: Tend vs blackbox_exporter ($(date -u +%F), C=$C, repeats $REPEATS)"
echo "Machine: $(machine_line "$JAVA")"
echo
echo "| N | tool | checks/s | p50 ms | p99 ms | tool CPU s | checks per CPU-s | peak RSS MiB | nginx conns | nginx CPU s | other CPU s | not OK |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
NOISY=0
for r in "${ROWS[@]}"; do
  read -r n tool rate p50 p99 cpu percpu rss conns ncpu other bad <<<"$r"
  if awk -v o="$other" 'BEGIN { exit !(o > 0.5) }'; then other="$other (noisy)"; NOISY=1; fi
  echo "| $n | $tool | $rate | $p50 | $p99 | $cpu | $percpu | $rss | $conns | $ncpu | $other | $bad |"
done
echo
echo "blackbox_exporter's own probe_duration_seconds (the exporter's view, without the hop from the load driver):"
for b in "${BB_PROBE[@]}"; do echo "  $b"; done
echo
echo "Ratios Tend/blackbox_exporter (checks/s and checks per CPU-s: >1 means Tend is ahead; p99: <1 means Tend's tail is shorter):"
for r in "${ROWS[@]}"; do echo "$r"; done | awk '
  $2 ~ /^tend-/ { rate[$2] = $3; p99[$2] = $5; per[$2] = $7 }
  $2 == "blackbox" { run[$1]++; split("tend-engine tend-check tend-engine+ka tend-check+ka", tools, " ")
    for (i = 1; i <= 4; i++) { t = tools[i]; if (!(t in rate)) continue
      printf "  N=%s run %d %-15s %5.2fx checks/s  %5.2fx checks per CPU-s  p99 %5.2fx\n", $1, run[$1], t,
        rate[t] / $3, per[t] / $7, p99[t] / $5 }
    split("", rate); split("", p99); split("", per) }'
echo
echo "p50/p99: Tend = per-check duration from the runner (tend-check: JSON durationMs, whole ms);"
echo "blackbox = per-request latency at the load driver. tool CPU = the checking process only (engine: timed"
echo "run; tend-check: whole process; blackbox: the exporter during the timed run, not the load driver)."
echo "peak RSS: engine = whole JVM incl. javac of the source launcher; tend-check = /usr/bin/time; blackbox ="
echo "exporter VmHWM over the timed run. other CPU = machine busy time not spent by nginx or the processes"
echo "of the phase (load driver and exporter included): large values mean something else ran on the machine."
[ "$NOISY" = 0 ] || echo "(noisy): over 0.5 CPU-s went to other processes during that phase; rerun it before quoting it."
if [ "$FAILED" != 0 ]; then log "SOME CHECKS OR PROBES FAILED: the numbers above are void"; exit 1; fi
