#!/usr/bin/env bash
# Reclaiming expired Redis keys: the runbook's Lua loop (redis-cli --eval) against tend run
# redis.expire-scan, on the same data loaded afresh for each: KEYS keys, PERCENT% of them already
# expired, active expiry off (so the tool alone reclaims). Time, keys reclaimed (INFO expired_keys)
# and the longest single command (SLOWLOG, everything over 100 µs logged).
#
# Usage: bench/redis-expire.sh [-k KEYS] [-p PERCENT]      (defaults: 1000000 keys, 30%)
# Needs (Debian): redis-server, redis-tools. Listens on 127.0.0.1 only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KEYS=1000000
PERCENT=30
while [ $# -gt 0 ]; do
  case "$1" in
    -k) KEYS="$2"; shift 2 ;;
    -p) PERCENT="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[[ "$KEYS" =~ ^[1-9][0-9]*$ ]] && [[ "$PERCENT" =~ ^[0-9]+$ ]] && [ "$PERCENT" -le 100 ] || die "-k takes a positive number, -p 0..100"
need redis-server redis-server
need redis-cli redis-tools
JAVA="$(bench_java)" || die "no Java 21+ found"
CP="$(tend_classpath)"

TMP="$(mktemp -d /tmp/tend-redis.XXXXXX)"
REDIS_PID=""
cleanup() {
  local rc=$?
  stop_pid "$REDIS_PID"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

PORT="$(free_port)"
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$TMP" --enable-debug-command local >"$TMP/redis.log" 2>&1 &
REDIS_PID=$!
for i in $(seq 1 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
printf '%s\n' "platform: { name: bench }" "store: { path: $TMP/tend.db }" "targets:" \
  "  - { name: cache, type: redis, url: \"redis://127.0.0.1:$PORT\", timeout: 30s }" >"$TMP/tend.yaml"
"$REPO_DIR/tend" -c "$TMP/tend.yaml" validate >/dev/null

log "$KEYS keys, $PERCENT% expired, loaded afresh for each way"
echo "Redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p'), $(nproc) cores"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" "$BENCH_DIR/RedisExpireBench.java" "$PORT" "$KEYS" "$PERCENT" "$REPO_DIR/tend" "$TMP/tend.yaml"
