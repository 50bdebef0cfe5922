#!/usr/bin/env bash
# The public status page under load: tend serve's /status and /status/api/v2/summary.json against
# nginx serving the very same bytes as static files (the ceiling: no application at all), same
# run, same machine, with wrk at concurrency 50 (keep-alive, 2 threads).
#
# Usage: bench/web.sh [-d SECONDS] [-c CONNECTIONS] [-t TARGETS]   (BENCH_WARMUP=10: seconds of unmeasured load first)
# Prints a markdown table: requests/s and latency p50/p90/p99 per URL, and Tend / nginx ratios.
# Needs (Debian): wrk, nginx, curl. Everything listens on 127.0.0.1; the temp dir is removed at exit
# (BENCH_KEEP=1 keeps it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=20
WARMUP="${BENCH_WARMUP:-10}"
CONNECTIONS=50
TARGETS=50
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DURATION="$2"; shift 2 ;;
    -c) CONNECTIONS="$2"; shift 2 ;;
    -t) TARGETS="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
for v in "$DURATION" "$CONNECTIONS" "$TARGETS"; do [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "-d, -c and -t take a positive number, not '$v'"; done
need wrk wrk
need nginx nginx
need curl curl
JAVA="$(bench_java)" || die "no Java 21+ found"

TMP="$(mktemp -d /tmp/tend-web.XXXXXX)"
TEND_PID=""
NGINX_PID=""
cleanup() {
  local rc=$?
  stop_pid "$TEND_PID" "$NGINX_PID"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

freeze_tend
tend_cli() { "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$CP" dev.tend.cli.Main "$@"; }

# A platform of $TARGETS targets in components of five, a weekly window with its runbook.
{
  echo "platform: { name: Bench, timezone: UTC }"
  echo "targets:"
  for i in $(seq 1 "$TARGETS"); do echo "  - { name: t$i, type: tcp, address: \"127.0.0.1:1\", timeout: 1s }"; done
  echo "statusPage:"
  echo "  title: Bench platform status"
  echo "  components:"
  for c in $(seq 1 $(( (TARGETS + 4) / 5 ))); do
    list=""; for j in 1 2 3 4 5; do i=$(( (c - 1) * 5 + j )); [ "$i" -le "$TARGETS" ] && list="$list${list:+, }t$i"; done
    echo "    - { name: \"Component $c\", targets: [$list] }"
  done
  echo "windows:"
  echo "  - { name: weekly, cron: \"0 2 * * SUN\", duration: 2h }"
  echo "store: { path: \"$TMP/tend.db\" }"
} >"$TMP/tend.yaml"
log "recording one check round of $TARGETS targets..."
tend_cli check -c "$TMP/tend.yaml" >/dev/null 2>&1 || true

TEND_PORT="$(free_port)"
"$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xshare:auto -cp "$CP" dev.tend.cli.Main serve --listen "127.0.0.1:$TEND_PORT" \
  -c "$TMP/tend.yaml" >"$TMP/serve.log" 2>&1 &
TEND_PID=$!
wait_http "http://127.0.0.1:$TEND_PORT/livez" 60

mkdir -p "$TMP/www"
curl -fsS -o "$TMP/www/status.html" "http://127.0.0.1:$TEND_PORT/status"
curl -fsS -o "$TMP/www/summary.json" "http://127.0.0.1:$TEND_PORT/status/api/v2/summary.json"
NGINX_PORT="$(free_port)"
user_line=""; [ "$(id -u)" = 0 ] && user_line="user root root;"
mkdir -p "$TMP/nginx/logs" "$TMP/nginx/tmp"
cat >"$TMP/nginx/nginx.conf" <<CONF
$user_line
worker_processes 2;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $TMP/nginx/tmp/body;
  proxy_temp_path $TMP/nginx/tmp/proxy;
  fastcgi_temp_path $TMP/nginx/tmp/fastcgi;
  uwsgi_temp_path $TMP/nginx/tmp/uwsgi;
  scgi_temp_path $TMP/nginx/tmp/scgi;
  keepalive_requests 1000000;
  types { text/html html; application/json json; }
  server { listen 127.0.0.1:$NGINX_PORT backlog=4096; root $TMP/www; etag on; }
}
CONF
nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
NGINX_PID=$!
wait_http "http://127.0.0.1:$NGINX_PORT/summary.json" 30

# run NAME URL: wrk, then one line "NAME rps p50 p90 p99" (ms).
declare -A RPS P50 P90 P99
run() {
  local name="$1" url="$2" out
  # Warm-up at the same concurrency, not measured: the JVM compiles the hot paths in its first seconds.
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null 2>&1 || true
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")"
  echo "$out" >"$TMP/$name.wrk"
  RPS[$name]="$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')"
  P50[$name]="$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")"
  P90[$name]="$(to_ms "$(echo "$out" | awk '$1 == "90%" { print $2 }')")"
  P99[$name]="$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")"
  if echo "$out" | grep -q "Non-2xx"; then die "$name: non-2xx answers: $(echo "$out" | grep Non-2xx)"; fi
  log "$name: ${RPS[$name]} req/s, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms"
}
run tend-summary "http://127.0.0.1:$TEND_PORT/status/api/v2/summary.json"
run nginx-summary "http://127.0.0.1:$NGINX_PORT/summary.json"
run tend-status "http://127.0.0.1:$TEND_PORT/status"
run nginx-status "http://127.0.0.1:$NGINX_PORT/status.html"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }
echo "## Status page under load: tend serve vs nginx serving the same bytes ($(date -u +%F))"
echo "Machine: $(nproc) cores, $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'), $(nginx -v 2>&1 | sed 's/^nginx version: //'), wrk -t2 -c$CONNECTIONS -d${DURATION}s"
echo "Tend $TEND_COMMIT$([ "$TEND_DIRTY" = 0 ] || echo " (+$TEND_DIRTY uncommitted files under src/)"), $TARGETS targets in $(( (TARGETS + 4) / 5 )) components; bodies $(stat -c %s "$TMP/www/summary.json") B (summary.json), $(stat -c %s "$TMP/www/status.html") B (/status)"
echo
echo "| URL | server | requests/s | p50 ms | p90 ms | p99 ms |"
echo "|---|---|---:|---:|---:|---:|"
for pair in "summary.json:tend-summary:nginx-summary" "/status:tend-status:nginx-status"; do
  IFS=: read -r label t n <<<"$pair"
  echo "| $label | tend serve | ${RPS[$t]} | ${P50[$t]} | ${P90[$t]} | ${P99[$t]} |"
  echo "| $label | nginx (static copy) | ${RPS[$n]} | ${P50[$n]} | ${P90[$n]} | ${P99[$n]} |"
done
echo
echo "Ratio Tend / nginx, requests/s: summary.json $(ratio "${RPS[tend-summary]}" "${RPS[nginx-summary]}"), /status $(ratio "${RPS[tend-status]}" "${RPS[nginx-status]}"); p99: summary.json $(ratio "${P99[tend-summary]}" "${P99[nginx-summary]}"), /status $(ratio "${P99[tend-status]}" "${P99[nginx-status]}")"
echo "Goal (/status and summary.json p99 < 20 ms, >= 5,000 requests/s): summary.json $([ "$(awk -v p="${P99[tend-summary]}" -v r="${RPS[tend-summary]}" 'BEGIN { print (p < 20 && r >= 5000) ? 1 : 0 }')" = 1 ] && echo met || echo "NOT met"), /status $([ "$(awk -v p="${P99[tend-status]}" -v r="${RPS[tend-status]}" 'BEGIN { print (p < 20 && r >= 5000) ? 1 : 0 }')" = 1 ] && echo met || echo "NOT met")"
