#!/usr/bin/env bash
# http.load against ab and wrk on the same nginx endpoint at the same concurrency, same run:
# requests/s and p99, and Tend's ratio to each. Keep-alive (ab -k, wrk, tend --keep-alive) and one
# connection per request (ab, wrk -H "Connection: close", tend), against an answer from memory
# (/health: the tools' own cost shows) and against a page nginx must compute (/work, server-side
# includes, a tenth of the requests: the server is the bottleneck, as when testing an application).
# Goal: the same figures within 10% (a load tool must measure, not distort).
#
# Usage: bench/http-load.sh [-n REQUESTS] [-c CONCURRENCY] [-r ROUNDS] [-p]
#   -p  pinned: nginx (one worker) on CPU 0, each load tool on CPU 1 (wrk with one thread), so no
#       tool's figures include the cycles it takes from the server; without -p everything shares
#       both cores (the worst case for a load generator).
# Needs (Debian): apache2-utils (ab), wrk, nginx, curl. Everything listens on 127.0.0.1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REQUESTS=50000
CONCURRENCY=50
ROUNDS=3
PINNED=0
while [ $# -gt 0 ]; do
  case "$1" in
    -p) PINNED=1; shift ;;
    -n) REQUESTS="$2"; shift 2 ;;
    -c) CONCURRENCY="$2"; shift 2 ;;
    -r) ROUNDS="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
for v in "$REQUESTS" "$CONCURRENCY" "$ROUNDS"; do [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "-n, -c and -r take a positive number, not '$v'"; done
need ab apache2-utils
need wrk wrk
need nginx nginx
need curl curl

TMP="$(mktemp -d /tmp/tend-load.XXXXXX)"
NGINX_PID=""
cleanup() {
  local rc=$?
  stop_pid "$NGINX_PID"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

PORT="$(free_port)"; CLOSE_PORT="$(free_port)"
TOOL=()
WRK_THREADS=2
if [ "$PINNED" = 1 ]; then
  need taskset util-linux
  [ "$(nproc)" -ge 2 ] || die "-p needs two CPUs"
  TOOL=(taskset -c 1)
  WRK_THREADS=1
  NGINX_WORKERS=1 NGINX_PREFIX="taskset -c 0" start_nginx "$TMP/nginx" "$PORT" "$CLOSE_PORT"
else
  start_nginx "$TMP/nginx" "$PORT" "$CLOSE_PORT"
fi
printf '%s\n' "platform: { name: bench }" "store: { path: $TMP/tend.db }" "targets:" \
  "  - { name: keep, type: http, url: \"http://127.0.0.1:$PORT/health\" }" \
  "  - { name: close, type: http, url: \"http://127.0.0.1:$CLOSE_PORT/health\" }" >"$TMP/tend.yaml"

# to_ms VALUE-WITH-UNIT (wrk prints 812.00us, 1.23ms, 1.01s)
to_ms() { awk -v v="$1" 'BEGIN { u = v; sub(/[0-9.]+/, "", u); n = v + 0; if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }

ab_run() { # ab_run URL [-k] -> "rps p99"
  local out; out="$("${TOOL[@]}" ab "${@:2}" -n "$REQUESTS" -c "$CONCURRENCY" "$1" 2>&1)"
  printf '%s %s\n' "$(awk '/^Requests per second:/ { print $4 }' <<<"$out")" "$(awk '$1 == "99%" { print $2 }' <<<"$out")"
}
wrk_run() { # wrk_run URL SECONDS [HEADER...] -> "rps p99"
  local out url="$1" seconds="$2"; shift 2
  out="$("${TOOL[@]}" wrk -t"$WRK_THREADS" -c "$CONCURRENCY" -d "${seconds}s" --latency "$@" "$url" 2>&1)"
  printf '%s %s\n' "$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")" "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
}
tend_run() { # tend_run TARGET [--keep-alive] -> "rps p99"
  local json; json="$("${TOOL[@]}" "$REPO_DIR/tend" -c "$TMP/tend.yaml" run http.load "$1" --requests "$REQUESTS" --concurrency "$CONCURRENCY" --margin 10000 "${@:2}" --json)"
  json="${json#*\"after\":}" # the figures of this run, not the previous run's ("before")
  printf '%s %s\n' "$(grep -o '"requests_per_second":{"value":[0-9.]*' <<<"$json" | grep -o '[0-9.]*$')" \
    "$(grep -o '"p99":{"value":[0-9.]*' <<<"$json" | grep -o '[0-9.]*$')"
}
# wrk runs by time: as long as ab's run took (2 to 30 s), so all three send about as many requests.
seconds_for() { awk -v n="$REQUESTS" -v r="$1" 'BEGIN { s = int(n / r + 0.5); print (s < 2 ? 2 : s > 30 ? 30 : s) }'; }

log "warming up nginx and Tend's build"
ab -k -n 20000 -c "$CONCURRENCY" "http://127.0.0.1:$PORT/health" >/dev/null 2>&1
"$REPO_DIR/tend" -c "$TMP/tend.yaml" run http.load keep --requests 20000 --concurrency "$CONCURRENCY" --keep-alive >/dev/null

echo "| connections | round | ab req/s | wrk req/s | Tend req/s | Tend/ab | Tend/wrk | ab p99 ms | wrk p99 ms | Tend p99 ms |"
echo "|---|---|---|---|---|---|---|---|---|---|"
# keep-alive and close: /health, an answer from memory (the tools' own cost shows). server keep-alive and
# server close: /work, a page nginx must compute (server-side includes), so the server is what runs out
# of CPU and every tool should report the same figures; a tenth of the requests. ab speaks HTTP/1.0, so
# nginx sends it the page unchunked and closes each connection even with -k (other work than the
# HTTP/1.1 answers, chunked, that wrk and Tend get).
for mode in keep-alive close "server keep-alive" "server close"; do
  for round in $(seq 1 "$ROUNDS"); do
    path=/health
    saved="$REQUESTS"
    case "$mode" in server*) path=/work; REQUESTS=$(( REQUESTS / 10 > 0 ? REQUESTS / 10 : 1 )) ;; esac
    if [ "${mode#server }" = keep-alive ]; then
      url="http://127.0.0.1:$PORT$path"
      read -r ab_rps ab_p99 < <(ab_run "$url" -k)
      read -r wrk_rps wrk_p99 < <(wrk_run "$url" "$(seconds_for "$ab_rps")")
      read -r tend_rps tend_p99 < <(tend_run keep --keep-alive --path "$path")
    else
      url="http://127.0.0.1:$CLOSE_PORT$path"
      read -r ab_rps ab_p99 < <(ab_run "$url")
      read -r wrk_rps wrk_p99 < <(wrk_run "$url" "$(seconds_for "$ab_rps")" -H "Connection: close")
      read -r tend_rps tend_p99 < <(tend_run close --path "$path")
    fi
    REQUESTS="$saved"
    awk -v m="$mode" -v r="$round" -v a="$ab_rps" -v w="$wrk_rps" -v t="$tend_rps" -v ap="$ab_p99" -v wp="$wrk_p99" -v tp="$tend_p99" \
      'BEGIN { printf "| %s | %d | %.0f | %.0f | %.0f | %.2f | %.2f | %s | %s | %.2f |\n", m, r, a, w, t, t / a, t / w, ap, wp, tp }'
  done
done
