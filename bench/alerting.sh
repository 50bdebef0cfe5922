#!/usr/bin/env bash
# Alerting: detection to delivery, and an alert storm, Tend (`tend serve` on an SQLite store, webhook
# notifier) against Prometheus Alertmanager (webhook receiver), in one run. See docs/benchmarks.md.
#
#   bench/alerting.sh [-n INCIDENTS] [-w WARMUP] [-s SPREAD_S] [-t TARGETS] [-d DEPENDENTS] [--only WHICH]
#
# Defaults: 1,000 incidents (after 50 not counted) spread evenly over 60 s, 100 targets; a storm of 1,000
# dependents behind one dependency. In this order (bench/AlertBench.java runs each phase and owns the
# webhook receivers and the http targets):
#   latency tend      tend serve checks 100 http targets every 1s (fireAfter 1, resolveAfter 1); every 60 ms
#                     one healthy target starts answering 503 until its page arrives. Latency = webhook
#                     received - the incident's openedAt (when the round holding the crossing result was
#                     handed to evaluation); also - when the crossing check's request reached the target.
#   latency am        Alertmanager, defaults (group_wait 30s), group_by [alertname]: the same 1,000 + 50
#                     alerts at the same pace, each its own alertname (its own group), one POST
#                     /api/v2/alerts each. Latency = webhook received - just before the POST.
#   latency am-gw0    the same with group_wait: 0s.
#   storm tend        tend serve with `dep` and 1,000 targets that dependsOn [dep], one schedule `check`
#                     every 5s; first one warm-up incident on another target (paged and resolved, not
#                     counted); then, right after a round found all healthy, dep and the 1,000 answer 503.
#                     Counts the webhook deliveries in 30 s, the time to the first page, and (tend
#                     incidents / alerts / incident show on the store afterwards) who is in which incident.
#   storm am, am-gw0  the same 1,001 alerts (alertname TargetDown, label target), POSTed back to back in
#                     batches of 64 as Prometheus sends them (endsAt 4 min ahead, sent again every
#                     minute), group_by [alertname]; counts the deliveries in 40 s.
# --only latency|storm runs one of the two benchmarks; --only tend only Tend's phases (for what-ifs);
# --only latency-tend|latency-am|storm-tend|storm-am one tool's phases of one benchmark.
# Percentiles are nearest-rank. Before each phase the script waits for a quiet machine; it reports the
# CPU other processes used during each phase and marks a phase noisy above a quarter of a core.
# Prints markdown tables with the Tend / Alertmanager ratios and whether the goals hold (p99 < 1 s; one
# incident, one page, within 1 s, every affected target listed). Exits 1 if a phase did not complete.
# Knobs (env): BENCH_INCIDENTS, BENCH_WARMUP, BENCH_SPREAD, BENCH_TARGETS, BENCH_DEPENDENTS (= the
# options); BENCH_STORM_EVERY (default 5s); BENCH_POLL (tend serve's serve.pollInterval, default its
# own 250ms); BENCH_AM_OBSERVE (s to watch Alertmanager after a storm, default 40; 330 shows what
# group_interval 5m sends next); BENCH_QUIET_WAIT (default 180); BENCH_KEEP=1 keeps the temp dir
# (configs, stores, logs, each latency). Needs (Debian): prometheus-alertmanager, jq, procps.
# Everything listens on 127.0.0.1; everything started is stopped and the temp dir removed at exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

INCIDENTS="${BENCH_INCIDENTS:-1000}"
WARMUP="${BENCH_WARMUP:-50}"
SPREAD="${BENCH_SPREAD:-60}"
TARGETS="${BENCH_TARGETS:-100}"
DEPENDENTS="${BENCH_DEPENDENTS:-1000}"
STORM_EVERY="${BENCH_STORM_EVERY:-5s}"
POLL="${BENCH_POLL:-}"
AM_OBSERVE="${BENCH_AM_OBSERVE:-40}"
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) INCIDENTS="$2"; shift 2 ;;
    -w) WARMUP="$2"; shift 2 ;;
    -s) SPREAD="$2"; shift 2 ;;
    -t) TARGETS="$2"; shift 2 ;;
    -d) DEPENDENTS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    -h|--help) sed -n '2,38p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
for v in "$INCIDENTS" "$SPREAD" "$TARGETS" "$DEPENDENTS"; do [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "-n, -s, -t and -d take a positive number, not '$v'"; done
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "-w takes a number"
case "$ONLY" in ""|latency|storm|tend|latency-tend|latency-am|storm-tend|storm-am) ;; *) die "--only takes latency, storm, tend, latency-tend, latency-am, storm-tend or storm-am" ;; esac
[[ "$AM_OBSERVE" =~ ^[1-9][0-9]*$ ]] || die "BENCH_AM_OBSERVE takes a number of seconds"
TEND_OPTS=(); [ -z "$POLL" ] || TEND_OPTS=(poll="$POLL")
# want PHASE: whether --only lets it run.
want() {
  case "$ONLY" in
    "") return 0 ;;
    tend) [[ "$1" == *-tend ]] ;;
    *) [[ "$1" == "$ONLY" || "$1" == "$ONLY"-* ]] ;;
  esac
}

need prometheus-alertmanager prometheus-alertmanager
need jq jq
need ps procps
JAVA="$(bench_java)" || die "no Java 21+ found"

TMP="$(mktemp -d /tmp/tend-alerting.XXXXXX)"
DRIVER_PID=""
cleanup() {
  local rc=$? pid
  [ -z "$DRIVER_PID" ] || stop_pid "$DRIVER_PID"
  # What the driver started (tend serve, Alertmanager), if it could not stop them itself: only
  # processes whose command line names this run's directory.
  if [ -f "$TMP/children.pids" ]; then
    while read -r pid; do
      [ -n "$pid" ] && grep -qF "$TMP" "/proc/$pid/cmdline" 2>/dev/null && stop_pid "$pid"
    done <"$TMP/children.pids"
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Tend from a frozen copy of the build ---------------------------------------------------------
# tend serve runs the java command ./tend runs for serve, on a copy of target/classes, so that a
# concurrent edit or rebuild of the working tree can neither start a build nor swap classes under it.
freeze_tend
# ./tend's flags for serve: the optimizing compiler, Serial GC (its start-up cache is left out: start is not measured).
printf '%s\n' "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xshare:auto -cp "$CP" dev.tend.cli.Main >"$TMP/tend-serve.cmd"
tend_cli() { "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$CP" dev.tend.cli.Main "$@"; }
# The driver: C1 only and Serial GC keep its share of the 2 cores small.
DRIVER=("$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$CP" "$BENCH_DIR/AlertBench.java")

# --- noise accounting ----------------------------------------------------------------------------
# other CPU = CPU the machine spent during a phase minus what this script and its children used (the
# driver, and through it tend serve or Alertmanager: each is reaped by its parent, so its CPU is counted
# in ours). Kernel time not charged to a process (softirq of the loopback traffic) counts as other.
HZ="$(getconf CLK_TCK)"
proc_cpu_all() { awk -v hz="$HZ" '{printf "%.3f\n", ($14 + $15 + $16 + $17) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
phase_start() { P_T0="$(date +%s%N)"; P_BUSY="$(machine_busy)"; P_OWN="$(proc_cpu_all $$)"; }
phase_end() {  # sets P_OTHER (CPU-s), P_WALL (s), P_NOISY (yes/no)
  read -r P_OTHER P_WALL P_NOISY < <(awk -v b0="$P_BUSY" -v b1="$(machine_busy)" -v o0="$P_OWN" -v o1="$(proc_cpu_all $$)" \
    -v t0="$P_T0" -v t1="$(date +%s%N)" 'BEGIN { o = (b1 - b0) - (o1 - o0); if (o < 0) o = 0; w = (t1 - t0) / 1e9;
      printf "%.1f %.1f %s\n", o, w, (o / w > 0.25 ? "yes" : "no") }')
}

kv() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }   # kv LINE KEY
FAILED=0
declare -A RESULT OTHER WALL NOISY

# phase NAME DRIVER-PHASE [key=value...]: runs one phase of the driver; its RESULT line in RESULT[NAME].
phase() {
  local name="$1" rc=0 line; shift
  wait_quiet
  log "=== $name ==="
  phase_start
  "${DRIVER[@]}" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" &
  DRIVER_PID=$!
  wait "$DRIVER_PID" || rc=$?
  DRIVER_PID=""
  phase_end
  sed 's/^/    /' "$TMP/$name.err" >&2
  grep -q '^error: compilation failed' "$TMP/$name.err" && die "bench/AlertBench.java does not compile"
  line="$(grep '^RESULT' "$TMP/$name.out" || true)"
  if [ -z "$line" ]; then log "$name printed no result (exit $rc)"; FAILED=1; RESULT[$name]=""; return; fi
  [ "$rc" = 0 ] || { log "$name did not complete (exit $rc)"; FAILED=1; }
  RESULT[$name]="$line"; OTHER[$name]="$P_OTHER"; WALL[$name]="$P_WALL"; NOISY[$name]="$P_NOISY"
  log "$line"
  log "$name: wall $P_WALL s, other CPU on the machine $P_OTHER s (noisy: $P_NOISY)"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a < 0 || b <= 0) print "-"; else if (a / b < 0.01) printf "%.4f\n", a / b; else printf "%.3f\n", a / b }'; }

LAT=(incidents="$INCIDENTS" warmup="$WARMUP" spread="$SPREAD" targets="$TARGETS")
! want latency-tend || phase latency-tend latency-tend "$TMP" "${LAT[@]}" "${TEND_OPTS[@]}"
! want latency-am || phase latency-am latency-am "$TMP" "${LAT[@]}" groupwait=default label=am-default
! want latency-am || phase latency-am-gw0 latency-am "$TMP" "${LAT[@]}" groupwait=0s label=am-gw0

STORM_CHECK=""
if want storm-tend; then
  phase storm-tend storm-tend "$TMP" dependents="$DEPENDENTS" every="$STORM_EVERY" observe=30 "${TEND_OPTS[@]}"
  # What the store says afterwards, through Tend's own commands.
  if [ -f "$TMP/storm-tend.db" ]; then
    tend_cli incidents --json -c "$TMP/storm-tend.yaml" >"$TMP/storm-incidents.json" 2>>"$TMP/storm-cli.err" || true
    tend_cli alerts --all --json -c "$TMP/storm-tend.yaml" >"$TMP/storm-alerts.json" 2>>"$TMP/storm-cli.err" || true
    DEP_INCIDENT="$(jq -r '[.alerts[] | select(.subject == "dep")][0].incident // empty' "$TMP/storm-alerts.json" 2>/dev/null || true)"
    if [ -n "$DEP_INCIDENT" ]; then
      tend_cli incident show "$DEP_INCIDENT" -c "$TMP/storm-tend.yaml" >"$TMP/storm-incident-show.txt" 2>>"$TMP/storm-cli.err" || true
    fi
    S_INCIDENTS="$(jq '.incidents | length' "$TMP/storm-incidents.json" 2>/dev/null || echo '?')"
    S_TITLES="$(jq -r '[.incidents[] | "\(.id): \(.title)"] | join("; ")' "$TMP/storm-incidents.json" 2>/dev/null || echo '?')"
    S_IN_DEP="$(jq --argjson i "${DEP_INCIDENT:-0}" '[.alerts[] | select(.incident == $i)] | length' "$TMP/storm-alerts.json" 2>/dev/null || echo '?')"
    S_DEPENDENTS_IN="$(jq --argjson i "${DEP_INCIDENT:-0}" '[.alerts[] | select(.incident == $i and (.subject | startswith("d-")))] | length' "$TMP/storm-alerts.json" 2>/dev/null || echo '?')"
    S_SHOW_ALERTS="$(awk '/^alerts:/ {on = 1; next} /^timeline:/ {on = 0} on' "$TMP/storm-incident-show.txt" 2>/dev/null | wc -l)"
    S_SHOW_NOTIFY="$(awk '/^notifications:/ {on = 1; next} on' "$TMP/storm-incident-show.txt" 2>/dev/null | wc -l)"
    STORM_CHECK="open incidents in the store: $S_INCIDENTS ($S_TITLES); alerts in the dependency's incident $DEP_INCIDENT: $S_IN_DEP (dependents: $S_DEPENDENTS_IN of $DEPENDENTS); lines under 'alerts:' in \`tend incident show $DEP_INCIDENT\`: $S_SHOW_ALERTS; its notifications: $S_SHOW_NOTIFY"
    log "storm, the store: $STORM_CHECK"
  fi
fi
if want storm-am; then
  phase storm-am storm-am "$TMP" dependents="$DEPENDENTS" observe="$AM_OBSERVE" groupwait=default label=am-default
  phase storm-am-gw0 storm-am "$TMP" dependents="$DEPENDENTS" observe="$AM_OBSERVE" groupwait=0s label=am-gw0
fi

# --- report ----------------------------------------------------------------------------------------
AM_VERSION="$(prometheus-alertmanager --version 2>&1 | sed -n '1s/.*version \([^ ]*\).*/\1/p')"
echo
echo "## Alerting: Tend vs Alertmanager ($(date -u +%F))"
echo "Machine: $(nproc) cores ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1)), $("$JAVA" -version 2>&1 | sed -n '2p'), Alertmanager $AM_VERSION"
echo "Tend $TEND_COMMIT$([ "$TEND_DIRTY" = 0 ] || echo " + $TEND_DIRTY uncommitted file(s) under src/")"

if [ -n "${RESULT[latency-tend]:-}${RESULT[latency-am]:-}" ]; then
  echo
  echo "### Detection to delivery: $INCIDENTS incidents (after $WARMUP not counted), spread over $SPREAD s"
  echo
  [ -z "$POLL" ] || printf 'tend serve with serve.pollInterval %s\n\n' "$POLL"
  echo "| tool | from | incidents paged | p50 ms | p90 ms | p99 ms | max ms | first (cold) ms | other notifications | subject CPU s | other CPU s | noisy |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for name in latency-tend latency-am latency-am-gw0; do
    line="${RESULT[$name]:-}"; [ -n "$line" ] || continue
    case "$name" in
      latency-tend)
        echo "| tend serve (webhook) | incident openedAt | $(kv "$line" measured) | $(kv "$line" p50_ms) | $(kv "$line" p90_ms) | $(kv "$line" p99_ms) | $(kv "$line" max_ms) | $(kv "$line" cold_first_ms) | $(kv "$line" other) (+$(kv "$line" resolved) resolved) | $(kv "$line" cpu_s) | ${OTHER[$name]} | ${NOISY[$name]} |"
        echo "| tend serve (webhook) | crossing check's request | $(kv "$line" measured) | $(kv "$line" check_p50_ms) | | $(kv "$line" check_p99_ms) | $(kv "$line" check_max_ms) | | | | | |" ;;
      *)
        echo "| Alertmanager, group_wait $(kv "$line" group_wait | sed 's/default/30s (default)/') | POST /api/v2/alerts | $(kv "$line" measured) | $(kv "$line" p50_ms) | $(kv "$line" p90_ms) | $(kv "$line" p99_ms) | $(kv "$line" max_ms) | $(kv "$line" cold_first_ms) | $(( $(kv "$line" notifications) - $(kv "$line" received) )) | $(kv "$line" cpu_s) | ${OTHER[$name]} | ${NOISY[$name]} |" ;;
    esac
  done
  t="${RESULT[latency-tend]:-}"
  if [ -n "$t" ]; then
    echo
    for name in latency-am latency-am-gw0; do
      a="${RESULT[$name]:-}"; [ -n "$a" ] || continue
      echo "Ratio Tend / Alertmanager group_wait $(kv "$a" group_wait | sed 's/default/30s/'): p50 $(ratio "$(kv "$t" p50_ms)" "$(kv "$a" p50_ms)")x, p99 $(ratio "$(kv "$t" p99_ms)" "$(kv "$a" p99_ms)")x"
    done
    echo "Goal p99 < 1 s: $(awk -v p="$(kv "$t" p99_ms)" 'BEGIN { print (p >= 0 && p < 1000 ? "met" : "NOT met") }') ($(kv "$t" p99_ms) ms)."
    echo "Tend: $(kv "$t" pages) pages for $(( INCIDENTS + WARMUP )) incidents, duplicates $(kv "$t" duplicates), bad signatures $(kv "$t" bad_signatures), events dispatched > 100 ms late: $(kv "$t" late_events)."
  fi
fi

if [ -n "${RESULT[storm-tend]:-}${RESULT[storm-am]:-}" ]; then
  echo
  echo "### Alert storm: $DEPENDENTS targets behind one dependency go down at once"
  echo
  echo "| tool | notifications | pages (triggered) | time to first page ms | from | targets listed in the first page | targets listed, all notifications | other CPU s | noisy |"
  echo "|---|---:|---:|---:|---|---:|---:|---:|---|"
  t="${RESULT[storm-tend]:-}"
  if [ -n "$t" ]; then
    echo "| tend serve (webhook)$([ -z "$POLL" ] || echo ", pollInterval $POLL"), 30 s | $(kv "$t" notifications) | $(kv "$t" pages) | $(kv "$t" first_page_ms) | incident openedAt | $(kv "$t" listed_in_dep_page) | $(kv "$t" targets_listed_in_all) | ${OTHER[storm-tend]} | ${NOISY[storm-tend]} |"
    echo "| | | | $(kv "$t" first_page_from_check_ms) | first failed check's request | | | | |"
  fi
  for name in storm-am storm-am-gw0; do
    a="${RESULT[$name]:-}"; [ -n "$a" ] || continue
    echo "| Alertmanager, group_wait $(kv "$a" group_wait | sed 's/default/30s (default)/'), $AM_OBSERVE s | $(kv "$a" notifications) | $(kv "$a" notifications) | $(kv "$a" first_page_ms) | first POST | $(kv "$a" listed_in_first) | $(kv "$a" listed_in_all) | ${OTHER[$name]} | ${NOISY[$name]} |"
  done
  if [ -n "$t" ]; then
    echo
    echo "Tend: the warm-up incident's page (the process's first) came $(kv "$t" warmup_page_ms) ms after its openedAt."
    echo "Tend, what arrived (type[incident: targets +ms after the first failed check]): $(kv "$t" what | tr '_' ' ')"
    echo "Tend, the storm round's end (every target evaluated, so listed in the incident): $(kv "$t" round_end_ms) ms after openedAt, $(kv "$t" round_from_check_ms) ms after the first failed check."
    [ -z "$STORM_CHECK" ] || echo "Tend, $STORM_CHECK"
  fi
  for name in storm-am storm-am-gw0; do
    a="${RESULT[$name]:-}"; [ -n "$a" ] || continue
    echo "Alertmanager group_wait $(kv "$a" group_wait | sed 's/default/30s/'), arrivals (ms after the first POST:alerts listed): $(kv "$a" arrivals)$([ -z "$t" ] || echo "; time to first page Tend / Alertmanager: $(ratio "$(kv "$t" first_page_ms)" "$(kv "$a" first_page_ms)")x")"
  done
  if [ -n "$t" ]; then
    verdict="$(awk -v i="$(kv "$t" incidents_paged)" -v p="$(kv "$t" pages)" -v f="$(kv "$t" first_page_ms)" -v l="$(kv "$t" listed_in_dep_page)" -v n="$(( DEPENDENTS + 1 ))" \
      'BEGIN { print (i == 1 && p == 1 && f >= 0 && f < 1000 && l == n ? "met" : "NOT met") }')"
    echo "Goal one incident, one page, within 1 s, every affected target listed: $verdict (incidents paged $(kv "$t" incidents_paged), pages $(kv "$t" pages), first page $(kv "$t" first_page_ms) ms after openedAt, targets listed in the dependency's page $(kv "$t" listed_in_dep_page) of $(( DEPENDENTS + 1 )))."
  fi
fi
exit "$FAILED"
