#!/usr/bin/env bash
# The operator UI and the status page over a long history: TARGETS checks every 5 minutes for DAYS
# days (1,000 x 90 days = about 26 million results), generated straight into the store (SQLite, or
# with -s postgresql a throwaway PostgreSQL 15). Then tend serve's server time, measured by wrk at
# one connection (p50/p90/p99) for the overview, a check's page, /status and summary.json, and
# /status at concurrency 50 (requests/s).
#
# Usage: bench/web-history.sh [-s sqlite|postgresql] [-t TARGETS] [-n DAYS] [-d SECONDS]
# Needs (Debian): wrk, curl; for PostgreSQL postgresql-15 and root. Everything listens on
# 127.0.0.1; the temp dir (several GB at full size) is removed at exit (BENCH_KEEP=1 keeps it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TARGETS=1000
DAYS=90
DURATION=15
STORE=sqlite
while [ $# -gt 0 ]; do
  case "$1" in
    -s) STORE="$2"; shift 2 ;;
    -t) TARGETS="$2"; shift 2 ;;
    -n) DAYS="$2"; shift 2 ;;
    -d) DURATION="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
for v in "$TARGETS" "$DAYS" "$DURATION"; do [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "-t, -n and -d take a positive number, not '$v'"; done
case "$STORE" in sqlite|postgresql) ;; *) die "-s takes sqlite or postgresql, not '$STORE'" ;; esac
need wrk wrk
need curl curl
JAVA="$(bench_java)" || die "no Java 21+ found"
TMP="$(mktemp -d /tmp/tend-web-history.XXXXXX)"
TEND_PID=""
cleanup() {
  local rc=$?
  stop_pid "$TEND_PID"
  stop_postgres "$TMP/pg"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
freeze_tend
chmod 711 "$TMP"

if [ "$STORE" = postgresql ]; then
  # Room for the working set, as a platform would give it; fsync off only because the store is thrown away.
  start_postgres "$TMP/pg" -c shared_buffers=2GB -c effective_cache_size=8GB -c max_wal_size=8GB -c fsync=off -c full_page_writes=off ${PG_OPTIONS:-}
  STORE_LINE="store: { url: \"postgresql://postgres@127.0.0.1:$PGPORT/postgres\" }"
  STORE_NAME="PostgreSQL $(psql -X -h 127.0.0.1 -p "$PGPORT" -U postgres -At -c 'SHOW server_version' postgres | awk '{print $1}')"
else
  STORE_LINE="store: { path: \"$TMP/tend.db\" }"
  STORE_NAME=SQLite
fi

{
  echo "platform: { name: Bench, timezone: UTC }"
  echo "targets:"
  for i in $(seq 1 "$TARGETS"); do echo "  - { name: t$i, type: tcp, address: \"127.0.0.1:1\", timeout: 1s }"; done
  echo "statusPage:"
  echo "  components:"
  for c in $(seq 1 $(( (TARGETS + 9) / 10 ))); do
    list=""; for j in $(seq 1 10); do i=$(( (c - 1) * 10 + j )); [ "$i" -le "$TARGETS" ] && list="$list${list:+, }t$i"; done
    echo "    - { name: \"Component $c\", targets: [$list] }"
  done
  echo "windows:"
  echo "  - { name: weekly, cron: \"0 2 * * SUN\", duration: 2h }"
  echo "people:"
  echo "  - { name: alice, roles: [On-call Engineer] }"
  echo "$STORE_LINE"
} >"$TMP/tend.yaml"

log "generating $TARGETS checks x $DAYS days every 5 min into $STORE_NAME..."
GEN="$("$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g -XX:+UseSerialGC -cp "$CP" "$BENCH_DIR/HistoryData.java" "$TARGETS" "$DAYS" 5 "$TMP/tend.yaml")"
log "$GEN"
if [ "$STORE" = postgresql ]; then
  DB_SIZE="$(psql -X -h 127.0.0.1 -p "$PGPORT" -U postgres -At -c 'SELECT pg_size_pretty(pg_database_size(current_database()))' postgres)"
else
  DB_SIZE="$(du -sh "$TMP/tend.db" | cut -f1)"
fi

PORT="$(free_port)"
"$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xshare:auto -cp "$CP" dev.tend.cli.Main serve --listen "127.0.0.1:$PORT" \
  -c "$TMP/tend.yaml" >"$TMP/serve.log" 2>&1 &
TEND_PID=$!
wait_http "http://127.0.0.1:$PORT/livez" 120
printf 'a long enough password\n' | "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.tend.cli.Main user passwd alice --role viewer --password-stdin -c "$TMP/tend.yaml" >/dev/null
COOKIE="$(curl -fsS -o /dev/null -D - -d 'name=alice&password=a+long+enough+password&next=/' "http://127.0.0.1:$PORT/login" \
  | sed -n 's/^[Ss]et-[Cc]ookie: \(tend_session=[^;]*\).*/\1/p')"
[ -n "$COOKIE" ] || die "could not log in"
cat >"$TMP/cookie.lua" <<LUA
wrk.headers["Cookie"] = "$COOKIE"
LUA

declare -A RPS P50 P90 P99
run() {
  local name="$1" connections="$2" path="$3" out
  wrk -t1 -c"$connections" -d5s -s "$TMP/cookie.lua" "http://127.0.0.1:$PORT$path" >/dev/null 2>&1 || true
  out="$(wrk -t"$(( connections > 1 ? 2 : 1 ))" -c"$connections" -d"${DURATION}s" --latency -s "$TMP/cookie.lua" "http://127.0.0.1:$PORT$path")"
  echo "$out" >"$TMP/$name.wrk"
  if echo "$out" | grep -q "Non-2xx"; then die "$name: non-2xx answers: $(echo "$out" | grep Non-2xx)"; fi
  RPS[$name]="$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')"
  P50[$name]="$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")"
  P90[$name]="$(to_ms "$(echo "$out" | awk '$1 == "90%" { print $2 }')")"
  P99[$name]="$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")"
  log "$name: ${RPS[$name]} req/s, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms"
}
run overview 1 "/"
run check-page 1 "/checks/t$(( (TARGETS + 1) / 2 ))/connect"
run status 1 "/status"
run summary 1 "/status/api/v2/summary.json"
run status-c50 50 "/status"

echo "## UI and status page over $DAYS days of $TARGETS checks every 5 min, $STORE_NAME ($(date -u +%F))"
echo "Machine: $(nproc) cores, $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'); Tend $TEND_COMMIT; store $DB_SIZE"
echo "Data: $GEN"
echo "Bodies: /status $(curl -fsS "http://127.0.0.1:$PORT/status" | wc -c) B, summary.json $(curl -fsS "http://127.0.0.1:$PORT/status/api/v2/summary.json" | wc -c) B, overview $(curl -fsS -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/" | wc -c) B"
echo
echo "| page | connections | requests/s | p50 ms | p90 ms | p99 ms |"
echo "|---|---:|---:|---:|---:|---:|"
for name in overview check-page status summary status-c50; do
  echo "| $name | $([ "$name" = status-c50 ] && echo 50 || echo 1) | ${RPS[$name]} | ${P50[$name]} | ${P90[$name]} | ${P99[$name]} |"
done
