#!/usr/bin/env bash
# tend pg report against check_postgres on the same database: wall time and the load each puts on
# the server (statements and their execution time, from pg_stat_statements), in one run.
#
#   bench/pg-report.sh                 # 1,000 tables x 3 indexes, 5 runs each
#   TABLES=200 RUNS=3 bench/pg-report.sh
#
# Needs (Debian): postgresql-15 (server binaries), check-postgres, python3. Runs as root; the
# throwaway server runs as the postgres user, on 127.0.0.1 and a free port, and is removed at exit.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
TABLES="${TABLES:-1000}"
RUNS="${RUNS:-5}"
PGBIN=/usr/lib/postgresql/15/bin
for need in "$PGBIN/initdb" /usr/bin/check_postgres /usr/bin/psql python3; do
  command -v "$need" >/dev/null 2>&1 || [ -x "$need" ] || { echo "missing $need: apt-get install -y postgresql-15 check-postgres python3" >&2; exit 2; }
done

TMP="$(mktemp -d /tmp/tend-pgreport.XXXXXX)"
chown postgres "$TMP"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_pg() { su postgres -s /bin/bash -c "$*"; }
cleanup() { as_pg "$PGBIN/pg_ctl -D $TMP/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$TMP"; }
trap cleanup EXIT

as_pg "$PGBIN/initdb -D $TMP/data -A trust -U postgres" >/dev/null
as_pg "$PGBIN/pg_ctl -D $TMP/data -l $TMP/server.log -w -o \"-p $PORT -k $TMP -c listen_addresses=127.0.0.1 \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c max_locks_per_transaction=256\" start" >/dev/null
psql_() { psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_ -d postgres -c "CREATE DATABASE bench"
psql_ -d bench -c "CREATE EXTENSION pg_stat_statements"
echo "[bench] creating $TABLES tables with 3 indexes each..." >&2
psql_ -d bench <<SQL
DO \$\$
BEGIN
  FOR i IN 1..$TABLES LOOP
    EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, a int, b text)', i);
    EXECUTE format('CREATE INDEX t%s_a ON t%s (a)', i, i);
    EXECUTE format('CREATE INDEX t%s_b ON t%s (b)', i, i);
    EXECUTE format('INSERT INTO t%s SELECT g, g %% 7, md5(g::text) FROM generate_series(1, 20) g', i);
  END LOOP;
END
\$\$;
ANALYZE;
SQL

CFG="$TMP/tend.yaml"
cat >"$CFG" <<YAML
platform: { name: Bench }
targets:
  - { name: db, type: postgres, url: "postgresql://postgres@127.0.0.1:$PORT/bench", timeout: 30s }
store: { path: "$TMP/tend.db" }
YAML
"$ROOT/tend" --version >/dev/null   # build outside the timing

TEND=("$ROOT/tend" pg report db -c "$CFG" --json)
check_postgres_all() {
  for action in bloat locks last_vacuum txn_wraparound sequence backends; do
    check_postgres --action="$action" --host=127.0.0.1 --port="$PORT" --dbuser=postgres --dbname=bench >/dev/null 2>&1 || true
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
server_load() {  # statements and their total execution time since the last reset, our own bookkeeping excluded
  psql_ -d bench -At -c "SELECT coalesce(sum(calls), 0), round(coalesce(sum(total_exec_time), 0)::numeric, 1)
    FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'"
}
measure() {  # name, command...: prints "name median_ms statements server_ms" (load of the last run)
  local name="$1"; shift
  local times=()
  for run in $(seq 1 "$RUNS"); do
    psql_ -d bench -At -c "SELECT pg_stat_statements_reset()" >/dev/null
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local load; load="$(server_load)"
  echo "$name $(printf '%s\n' "${times[@]}" | median) ${load%%|*} ${load##*|}"
}

echo "[bench] timing $RUNS runs each (tend: whole process; check_postgres: the 6 actions in sequence)" >&2
T="$(measure tend "${TEND[@]}")"
C="$(measure check_postgres check_postgres_all)"
read -r _ t_ms t_stmts t_server <<<"$T"
read -r _ c_ms c_stmts c_server <<<"$C"
"${TEND[@]}" >"$TMP/report.json" 2>"$TMP/report.err" || true   # exit 1 = there are findings
findings="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$TMP/report.json" 2>/dev/null \
  || { echo "tend pg report failed: $(head -c 500 "$TMP/report.err")" >&2; exit 1; })"

echo
echo "## tend pg report vs check_postgres ($(date +%F), $TABLES tables, $((TABLES * 3)) indexes, median of $RUNS runs)"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), check_postgres $(check_postgres --version 2>&1 | awk '{print $NF}' | head -1)"
echo
echo "| tool | wall ms (median) | statements on the server | server execution ms |"
echo "|---|---:|---:|---:|"
echo "| tend pg report (whole process, $findings findings) | $t_ms | $t_stmts | $t_server |"
echo "| check_postgres: bloat, locks, last_vacuum, txn_wraparound, sequence, backends | $c_ms | $c_stmts | $c_server |"
python3 - "$t_ms" "$c_ms" "$t_server" "$c_server" <<'PY'
import sys
t, c, ts, cs = map(float, sys.argv[1:])
print(f"\nRatio tend / check_postgres: wall {t / c:.2f}x, server execution time {ts / cs:.2f}x" if c and cs else "")
PY
