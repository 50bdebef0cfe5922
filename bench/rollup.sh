#!/usr/bin/env bash
# Daily rollups and the capacity report over a long history: TARGETS checks every 5 minutes for
# DAYS days (1,000 x 90 = about 26 million results), each result with its measurements (DISKS of
# the targets are hosts whose disk:/data use grows; the others measure latency), generated into
# the store (SQLite, or with -s postgresql a throwaway PostgreSQL 15). Then: the first rollup of
# every day, one day's increment as tend serve runs it after midnight, against the raw tool — the
# same day's aggregates in one SQL statement each (sqlite3 / psql, json_each / jsonb) — the
# capacity report (forecasts, charts, HTML), and the peak memory of rolling up one day and all.
#
# Usage: bench/rollup.sh [-s sqlite|postgresql] [-t TARGETS] [-n DAYS] [-k DISKS]
# Needs (Debian): sqlite3; for PostgreSQL postgresql-15 and root. Listens on 127.0.0.1 only; the
# temp dir (several GB at full size) is removed at exit (BENCH_KEEP=1 keeps it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TARGETS=1000
DAYS=90
DISKS=50
STORE=sqlite
while [ $# -gt 0 ]; do
  case "$1" in
    -s) STORE="$2"; shift 2 ;;
    -t) TARGETS="$2"; shift 2 ;;
    -n) DAYS="$2"; shift 2 ;;
    -k) DISKS="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
for v in "$TARGETS" "$DAYS" "$DISKS"; do [[ "$v" =~ ^[0-9]+$ ]] || die "-t, -n and -k take a number, not '$v'"; done
[ "$DISKS" -le "$TARGETS" ] || die "-k cannot exceed -t"
case "$STORE" in sqlite|postgresql) ;; *) die "-s takes sqlite or postgresql, not '$STORE'" ;; esac
need sqlite3 sqlite3
need /usr/bin/time time
JAVA="$(bench_java)" || die "no Java 21+ found"
TMP="$(mktemp -d /tmp/tend-rollup.XXXXXX)"
cleanup() {
  local rc=$?
  stop_postgres "$TMP/pg"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
freeze_tend
chmod 711 "$TMP"

if [ "$STORE" = postgresql ]; then
  start_postgres "$TMP/pg" -c shared_buffers=2GB -c effective_cache_size=8GB -c max_wal_size=8GB -c fsync=off -c full_page_writes=off ${PG_OPTIONS:-}
  STORE_LINE="store: { url: \"postgresql://postgres@127.0.0.1:$PGPORT/postgres\" }"
  STORE_NAME="PostgreSQL $(psql -X -h 127.0.0.1 -p "$PGPORT" -U postgres -At -c 'SHOW server_version' postgres | awk '{print $1}')"
  sql() { PGOPTIONS="-c search_path=tend" psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -At -c "$1" postgres >/dev/null; }
  MEASURES="jsonb_array_elements(r.measurements::jsonb) m(value)"; RESULTS="check_result r"
  NAME="m.value->>'name'"; VALUE="(m.value->>'value')::float8"; OK="count(*) FILTER (WHERE r.status = 'OK')"
else
  STORE_LINE="store: { path: \"$TMP/tend.db\" }"
  STORE_NAME=SQLite
  sql() { sqlite3 "$TMP/tend.db" "$1" >/dev/null; }
  MEASURES="json_each(r.measurements) m"
  # Left alone, SQLite's planner walks the (target, check) index to save the GROUP BY's sort: all 26
  # million rows for one day's. Someone writing this by hand would pin the time index, so we do.
  RESULTS="check_result r INDEXED BY check_result_started"
  NAME="json_extract(m.value, '\$.name')"; VALUE="json_extract(m.value, '\$.value')"; OK="sum(r.status = 'OK')"
fi

{
  echo "platform: { name: Bench, timezone: UTC }"
  echo "targets:"
  for i in $(seq 1 "$TARGETS"); do
    if [ "$i" -le "$DISKS" ]; then echo "  - { name: t$i, type: host, volumes: [/data], resources: { enabled: false } }"
    else echo "  - { name: t$i, type: tcp, address: \"127.0.0.1:1\", timeout: 1s }"; fi
  done
  echo "$STORE_LINE"
} >"$TMP/tend.yaml"

JVM=("$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -cp "$CP")
log "generating $TARGETS checks x $DAYS days every 5 min ($DISKS disks) into $STORE_NAME, then the first rollup..."
GEN="$("${JVM[@]}" -Xmx2g "$BENCH_DIR/HistoryData.java" "$TARGETS" "$DAYS" 5 "$TMP/tend.yaml" "$DISKS")"
log "$GEN"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

# One day's increment, three times (a day is rebuilt whole, so each run does the same work).
INCREMENTS=(); YESTERDAYS=()
for run in 1 2 3; do
  out="$("${JVM[@]}" -Xmx512m "$BENCH_DIR/RollupBench.java" "$TMP/tend.yaml" increment)"
  INCREMENTS+=("$(echo "$out" | field increment_s)"); YESTERDAYS+=("$(echo "$out" | field yesterday_s)")
  log "increment $run: $out"
done
INCREMENT="$(printf '%s\n' "${INCREMENTS[@]}" | median)"
YESTERDAY="$(printf '%s\n' "${YESTERDAYS[@]}" | median)"

# The raw tool: yesterday's result aggregates and measurement aggregates, one statement each.
FROM=$(( ($(date -u +%s) / 86400 - 1) * 86400000 )); TO=$(( FROM + 86400000 ))
RESULTS_SQL="SELECT r.target, r.check_name, count(*), $OK, min(r.duration_ms), max(r.duration_ms), sum(r.duration_ms) FROM $RESULTS WHERE r.started_at >= $FROM AND r.started_at < $TO GROUP BY 1, 2"
MEASURES_SQL="SELECT r.target, r.check_name, $NAME, count(*), min($VALUE), max($VALUE), sum($VALUE) FROM $RESULTS, $MEASURES WHERE r.started_at >= $FROM AND r.started_at < $TO GROUP BY 1, 2, 3"
RAWS=()
for run in 1 2 3; do
  began=$(date +%s.%N); sql "$RESULTS_SQL"; sql "$MEASURES_SQL"; ended=$(date +%s.%N)
  RAWS+=("$(awk -v a="$began" -v b="$ended" 'BEGIN { printf "%.2f", b - a }')")
  log "raw SQL $run: ${RAWS[-1]} s"
done
RAW="$(printf '%s\n' "${RAWS[@]}" | median)"

REPORTS=()
for run in 1 2 3; do
  out="$("${JVM[@]}" -Xmx512m -Djava.awt.headless=true "$BENCH_DIR/RollupBench.java" "$TMP/tend.yaml" report)"
  REPORTS+=("$(echo "$out" | field report_s)"); FORECASTS="$(echo "$out" | field forecasts)"; HTML="$(echo "$out" | field html_bytes)"
  log "report $run: $out"
done
REPORT="$(printf '%s\n' "${REPORTS[@]}" | median)"
began=$(date +%s.%N)
"$REPO_DIR/tend" report capacity --out "$TMP/capacity.html" -c "$TMP/tend.yaml" >/dev/null || [ $? -eq 1 ]
ended=$(date +%s.%N)
CLI_REPORT="$(awk -v a="$began" -v b="$ended" 'BEGIN { printf "%.2f", b - a }')"

# Peak memory (max RSS) of one day's rollup and of all days', each in a fresh JVM with a 96 MB heap.
/usr/bin/time -f %M -o "$TMP/day.rss" "${JVM[@]}" -Xmx96m "$BENCH_DIR/RollupBench.java" "$TMP/tend.yaml" day
began=$(date +%s.%N)
/usr/bin/time -f %M -o "$TMP/all.rss" "${JVM[@]}" -Xmx96m "$BENCH_DIR/RollupBench.java" "$TMP/tend.yaml" all
ended=$(date +%s.%N)
ALL_S="$(awk -v a="$began" -v b="$ended" 'BEGIN { printf "%.1f", b - a }')"

echo "## Rollups and the capacity report over $DAYS days of $TARGETS checks every 5 min, $STORE_NAME ($(date -u +%F))"
echo "Machine: $(nproc) cores, $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'); Tend $TEND_COMMIT"
echo "Data: $GEN"
echo
echo "| | seconds |"
echo "|---|---:|"
echo "| first rollup, every day (HistoryData) | $(echo "$GEN" | field rollup_s) |"
echo "| one day's increment (yesterday whole + today so far), median of 3 | **$INCREMENT** |"
echo "| of which yesterday (288,000 results at full size) | $YESTERDAY |"
echo "| raw SQL: yesterday's result and measurement aggregates, median of 3 | $RAW |"
echo "| ratio Tend yesterday / raw SQL | $(awk -v a="$YESTERDAY" -v b="$RAW" 'BEGIN { printf "%.2f", a / b }') |"
echo "| capacity report in process ($FORECASTS forecasts, $HTML B of HTML), median of 3 | **$REPORT** |"
echo "| tend report capacity --out (the command, JVM start included) | $CLI_REPORT |"
echo "| every day again in a fresh JVM (RollupBench all) | $ALL_S |"
echo
echo "Peak RSS with a 96 MB heap: one day's rollup $(( $(cat "$TMP/day.rss") / 1024 )) MB, all days' $(( $(cat "$TMP/all.rss") / 1024 )) MB."
