#!/usr/bin/env bash
# tend backup create / verify against the raw tools on a database of about SIZE_GB GB, in one run,
# with a pgBackRest full backup of the same cluster as a (physical, not like-for-like) reference.
# See docs/benchmarks.md, "Backups".
#
#   bench/backup.sh                              # SIZE_GB=1 RUNS=3 (15-30 min on 2 cores, more on a busy machine)
#   SIZE_GB=0.1 RUNS=1 PGBR_RUNS=1 bench/backup.sh   # a quick smoke run
#
# Env knobs:
#   SIZE_GB     target pg_database_size of the bench database, tables + indexes (default 1)
#   RUNS        timed runs of each raw/tend pair, alternating raw, tend, raw, tend... (default 3)
#   PGBR_RUNS   pgBackRest full backups per compression type, gz and lz4 (default 1; 0 skips)
#   BENCH_KEEP  1 keeps the temp dir (server, dumps, pgBackRest repo, logs)
#   BENCH_QUIET_WAIT  before every timed run, wait up to this many seconds for the machine to be
#               quiet (under 0.25 cores busy; default 60), then go on with a warning
#   BENCH_NOISE_CPU   a timed run during which other processes (not this script's children, not the
#               server) used more CPU-seconds than this (default 1.5) is repeated...
#   BENCH_TRIES       ...at most this many tries in all (default 3); the last try is kept either way
# Besides wall time, each run's CPU time (this script's children and the server's) is reported:
# less sensitive than wall time to other work on the machine.
#
# Timed, as a user runs them (JVM start and the ./tend launcher included; never a build: Tend runs
# from a frozen copy of the working tree's build, see snapshot() below):
#   create  raw:  pg_dump -Fc > FILE && sha256sum FILE          (also shown: + sync FILE)
#           tend: ./tend backup create bench -c tend.yaml        (pg_dump -Fc streamed through SHA-256,
#                 count(*) of every table in the dump's snapshot, manifest, SHA256SUMS, fsync, rename)
#   verify  raw:  sha256sum -c + createdb + pg_restore --exit-on-error --no-owner --no-privileges -d
#                 + one SELECT count(*) per user table (list made from the catalog beforehand) + dropdb
#                 of Tend's own dump file, so both restore the same bytes (also shown: without sha256sum)
#           tend: ./tend backup verify bench -c tend.yaml
#   pgBackRest: pgbackrest --stanza=bench backup --type=full (start-fast, archive-check on, with
#                 archive_command = archive-push; process-max 1; gz level 6 and lz4 level 1), repo size
# Page cache is warm for all of them (24 GiB RAM); `sync` and CHECKPOINT run before every timed run.
#
# Needs (Debian): postgresql-15 (server and client binaries), pgbackrest, python3, coreutils.
# Runs as root; the throwaway server runs as the postgres user from /usr/lib/postgresql/15/bin,
# on 127.0.0.1 and a free port with its socket in the temp dir, and is removed at exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # log, die, wait_quiet, REPO_DIR
ROOT="$REPO_DIR"
SIZE_GB="${SIZE_GB:-1}"
RUNS="${RUNS:-3}"
PGBR_RUNS="${PGBR_RUNS:-1}"
PGBIN=/usr/lib/postgresql/15/bin
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"
[[ "$PGBR_RUNS" =~ ^[0-9]+$ ]] || die "PGBR_RUNS must be a number"
[ "$(id -u)" = 0 ] || die "run as root (the server runs as the postgres user via su)"
for need in "$PGBIN/initdb" "$PGBIN/pg_dump" "$PGBIN/pg_restore" "$PGBIN/psql" python3 sha256sum; do
  command -v "$need" >/dev/null 2>&1 || [ -x "$need" ] || die "missing $need: apt-get install -y postgresql-15 pgbackrest python3"
done
if [ "$PGBR_RUNS" -gt 0 ]; then
  command -v pgbackrest >/dev/null || die "missing pgbackrest: apt-get install -y pgbackrest (or PGBR_RUNS=0)"
fi

TMP="$(mktemp -d /tmp/tend-backup.XXXXXX)"
chown postgres "$TMP"
chmod 755 "$TMP"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_pg() { su postgres -s /bin/bash -c "$*"; }
cleanup() {
  as_pg "$PGBIN/pg_ctl -D $TMP/data -m fast stop" >/dev/null 2>&1 || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

# --- server -------------------------------------------------------------------------------------
# archive_mode is on from the start (pgBackRest needs it, and it can only change with a restart);
# archive_command is /bin/true until the pgBackRest part, so archiving costs nothing before it.
log "starting PostgreSQL 15 on 127.0.0.1:$PORT in $TMP"
as_pg "$PGBIN/initdb -D $TMP/data -A trust -U postgres" >/dev/null
# In postgresql.conf, not on the command line, which ALTER SYSTEM could not override later.
echo "archive_command = '/bin/true'" >>"$TMP/data/postgresql.conf"
as_pg "$PGBIN/pg_ctl -D $TMP/data -l $TMP/server.log -w -o \"-p $PORT -k $TMP -c listen_addresses=127.0.0.1 \
  -c shared_buffers=1GB -c maintenance_work_mem=256MB -c max_wal_size=8GB -c checkpoint_timeout=30min \
  -c archive_mode=on\" start" >/dev/null
export PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=postgres
psql_() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_ -d postgres -c "CREATE DATABASE bench"

# --- data: customers, orders, events (ints, md5 text, timestamps, numerics, indexes, foreign keys) --
# About 1 GB per 1.93 M orders (calibrated on this script: ~520 bytes per order, tables + indexes).
ORDERS="$(python3 -c "print(max(1000, int($SIZE_GB * 1930000)))")"
CUSTOMERS=$(( ORDERS / 10 ))
EVENTS=$(( ORDERS * 2 ))
log "loading $CUSTOMERS customers, $ORDERS orders, $EVENTS events..."
load_start=$(date +%s)
psql_ -d bench -v customers="$CUSTOMERS" -v orders="$ORDERS" -v events="$EVENTS" <<'SQL'
CREATE TABLE customers (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  country text NOT NULL,
  created_at timestamptz NOT NULL
);
INSERT INTO customers
SELECT g,
       initcap(substr(md5(random()::text), 1, 4 + g % 7)) || ' ' || initcap(substr(md5(random()::text), 1, 5 + g % 9)),
       'user' || g || '@' || (ARRAY['example.com', 'mail.example.org', 'corp.example.net'])[1 + g % 3],
       (ARRAY['DE', 'FR', 'US', 'GB', 'NL', 'ES', 'IT', 'PL'])[1 + (g * 7) % 8],
       timestamptz '2019-01-01' + random() * interval '6 years'
FROM generate_series(1, :customers) g;
CREATE UNIQUE INDEX customers_email ON customers (email);

CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers,
  status text NOT NULL,
  amount numeric(10, 2) NOT NULL,
  created_at timestamptz NOT NULL,
  note text
);
INSERT INTO orders
SELECT g,
       1 + (random() * (:customers - 1))::bigint,
       (ARRAY['new', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + (random() * 4)::int],
       round((random() * 500)::numeric, 2),
       timestamptz '2020-01-01' + g * interval '30 seconds',
       CASE WHEN g % 4 = 0 THEN 'ref ' || md5(random()::text) END
FROM generate_series(1, :orders) g;
CREATE INDEX orders_customer ON orders (customer_id);
CREATE INDEX orders_created ON orders (created_at);

CREATE TABLE events (
  id bigint PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders,
  kind smallint NOT NULL,
  at timestamptz NOT NULL,
  payload text NOT NULL
);
INSERT INTO events
SELECT g,
       1 + (random() * (:orders - 1))::bigint,
       (random() * 20)::int,
       timestamptz '2020-01-01' + g * interval '15 seconds' + random() * interval '1 hour',
       md5(random()::text) || ' ' || substr(md5(random()::text), 1, 8 + g % 24)
FROM generate_series(1, :events) g;
CREATE INDEX events_order ON events (order_id);
CREATE INDEX events_at ON events (at);
VACUUM ANALYZE;
CHECKPOINT;
SQL
DB_BYTES="$(psql_ -d bench -At -c "SELECT pg_database_size('bench')")"
CLUSTER_BYTES="$(psql_ -d postgres -At -c "SELECT sum(pg_database_size(oid)) FROM pg_database")"
log "loaded in $(( $(date +%s) - load_start )) s: pg_database_size(bench) = $DB_BYTES bytes"
psql_ -d bench -c "SELECT relname, pg_size_pretty(pg_table_size(oid)) AS table, pg_size_pretty(pg_indexes_size(oid)) AS indexes, reltuples::bigint AS rows
  FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1" >&2

# The count queries of the raw verify, from the catalog (the tables pg_dump dumps rows of), made now.
psql_ -d bench -At -c "SELECT format('SELECT %L, count(*) FROM ONLY %I.%I;', n.nspname || '.' || c.relname, n.nspname, c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  ORDER BY 1" >"$TMP/counts.sql"

# --- Tend --------------------------------------------------------------------------------------
CFG="$TMP/tend.yaml"
DEST="$TMP/backups"
cat >"$CFG" <<YAML
platform: { name: Bench }
targets:
  - { name: db, type: postgres, url: "postgresql://postgres@127.0.0.1:$PORT/bench" }
backups:
  - name: bench
    target: db
    destination: $DEST
    jobs: 1
    binDirectory: $PGBIN
store: { path: "$TMP/tend.db" }
YAML
prebuild() {  # build in the working tree if its sources changed (another engineer may be editing)
  local try
  for try in 1 2 3 4 5 6; do
    "$ROOT/tend" --version >/dev/null 2>"$TMP/build.err" && return 0
    log "./tend --version failed ($(head -c 300 "$TMP/build.err")); retrying in 60 s"
    sleep 60
  done
  die "Tend does not build"
}
# Tend runs from a frozen copy of the working tree's build: the launcher, target/classes and the
# sources its freshness check looks at (mtimes kept), so that an edit or a rebuild in the working
# tree during the benchmark can neither trigger a build inside a timed run nor swap classes under
# a running JVM (which loads them lazily).
SNAP="$TMP/tend-snapshot"
snapshot() {
  local try stamp="$ROOT/target/.tend-build-stamp"
  for try in 1 2 3 4 5 6; do
    prebuild
    rm -rf "$SNAP"; mkdir -p "$SNAP/target" "$SNAP/src"
    cp -a "$ROOT/tend" "$ROOT/pom.xml" "$ROOT/scripts" "$SNAP/"
    cp -a "$ROOT/src/main" "$SNAP/src/"
    cp -a "$ROOT/target/classes" "$ROOT/target/classpath.txt" "$stamp" "$SNAP/target/"
    # Consistent only if the working tree's build stayed current while it was copied.
    if [ "$stamp" -ot "$SNAP/target/.tend-build-stamp" ] || [ "$stamp" -nt "$SNAP/target/.tend-build-stamp" ] || \
       [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$stamp" -print -quit)" ]; then
      log "sources changed while copying the build; retrying in 30 s"; sleep 30; continue
    fi
    "$SNAP/tend" --version >/dev/null 2>"$TMP/snap.err" && ! grep -q 'tend: building' "$TMP/snap.err" && return 0
    log "the frozen copy does not run as is ($(head -c 300 "$TMP/snap.err")); retrying in 30 s"; sleep 30
  done
  die "could not freeze a consistent build of Tend"
}
snapshot
TEND="$SNAP/tend"
TEND_COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
TEND_DIRTY="$(git -C "$ROOT" status --porcelain -- src 2>/dev/null | wc -l)"

# --- timing helpers ------------------------------------------------------------------------------
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
settle() {  # outside the timing: nothing dirty left behind by the previous run, no other build running
  sync
  psql_ -d postgres -c CHECKPOINT
  sync
  wait_quiet "${BENCH_QUIET_WAIT:-60}" 2>&1 | grep -v 'machine quiet' >&2 || true
}
RESULTS="$TMP/results.txt"   # lines: KEY RUN VALUE
PENDING="$TMP/pending.txt"   # the current attempt's lines, kept only if the attempt was not noisy
: >"$RESULTS"
record() { echo "$1 $2 $3" >>"$PENDING"; }

# CPU that processes other than ours used during a timed run: the machine's busy CPU minus this
# script's children (pg_dump, java, psql, su + pgbackrest...; counted in our cutime once waited
# for) and the server's (the postmaster with its exited backends, and its live children).
own_cpu() {
  local pm
  pm="$(head -n1 "$TMP/data/postmaster.pid")"
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$$/stat" "/proc/$pm/stat"
    for pid in $(ps -o pid= --ppid "$pm"); do awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null || true; done
  } | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f\n", s / hz }'
}
cpu_start() { CPU_M0="$(machine_busy)"; CPU_O0="$(own_cpu)"; }
cpu_stop() {  # sets OTHER_CPU and OWN_CPU (ours and the server's)
  local m1 o1
  m1="$(machine_busy)"; o1="$(own_cpu)"
  OTHER_CPU="$(awk -v m0="$CPU_M0" -v m1="$m1" -v o0="$CPU_O0" -v o1="$o1" 'BEGIN { x = (m1 - m0) - (o1 - o0); printf "%.2f", x < 0 ? 0 : x }')"
  OWN_CPU="$(awk -v o0="$CPU_O0" -v o1="$o1" 'BEGIN { printf "%.2f", o1 - o0 }')"
}
NOISE_CPU="${BENCH_NOISE_CPU:-1.5}"
TRIES="${BENCH_TRIES:-3}"
# attempt KEY RUN FUNCTION ARGS...: runs FUNCTION (which times itself, records, and sets OTHER_CPU);
# an attempt during which other processes used more than NOISE_CPU CPU-seconds is thrown away and
# repeated, at most TRIES times in all; the last one is kept and marked noisy.
attempt() {
  local key="$1" run="$2" try; shift 2
  for try in $(seq 1 "$TRIES"); do
    : >"$PENDING"
    "$@"
    if awk -v x="$OTHER_CPU" -v l="$NOISE_CPU" 'BEGIN { exit !(x <= l) }'; then break; fi
    if [ "$try" -lt "$TRIES" ]; then log "  $key run $run: other processes used $OTHER_CPU CPU-s meanwhile: repeating it"; fi
  done
  cat "$PENDING" >>"$RESULTS"
  echo "other_$key $run $OTHER_CPU" >>"$RESULTS"
  echo "cpu_$key $run $OWN_CPU" >>"$RESULTS"
  log "  $key run $run: $(awk -v k="$key" '$1 == k { print $3 }' "$PENDING") s, $OWN_CPU CPU-s (other processes: $OTHER_CPU CPU-s)"
}

# tend_timed KEY OUTFILE ARGS...: times the frozen ./tend ARGS.
tend_timed() {
  local key="$1" out="$2" t0 t1 rc; shift 2
  [ "$key" != tend_create ] || rm -rf "${DEST:?}/bench"   # one backup at a time, as on the raw side
  settle
  cpu_start; t0=$(now); rc=0
  "$TEND" "$@" >"$out" 2>"$out.err" || rc=$?
  t1=$(now); cpu_stop
  ! grep -q 'tend: building' "$out.err" || die "the frozen Tend rebuilt itself during a timed run"
  [ "$rc" = 0 ] || { cat "$out" "$out.err" >&2; die "./tend $* exited with $rc"; }
  record "$key" "$RUN" "$(secs "$t0" "$t1")"
  # Tend's own timings from its JSON: the in-JVM part of the run (the rest is launcher, JVM, config, store).
  python3 - "$key" "$RUN" "$out" >>"$PENDING" <<'PY'
import json, sys, datetime
key, run, out = sys.argv[1:]
v = json.load(open(out))
at = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
if key == "tend_create":
    print(f"tend_create_dump {run} {(at(v['finishedAt']) - at(v['startedAt'])).total_seconds():.2f}")
else:
    for field, name in (("durationMs", "inner"), ("checksumMs", "checksum"), ("restoreMs", "restore")):
        print(f"tend_verify_{name} {run} {v[field] / 1000:.2f}")
PY
}

RAWDUMP="$TMP/raw/bench.dump"
mkdir -p "$TMP/raw"
raw_create() {
  local run="$RUN" t0 t1 t2 t3
  rm -f "$RAWDUMP" "$RAWDUMP.sha256"
  settle
  cpu_start; t0=$(now)
  "$PGBIN/pg_dump" -Fc bench >"$RAWDUMP"
  t1=$(now)
  (cd "$TMP/raw" && sha256sum bench.dump >bench.dump.sha256)
  t2=$(now)
  sync "$RAWDUMP"   # what Tend also does before publishing (fsync); reported separately
  t3=$(now); cpu_stop
  record raw_create "$run" "$(secs "$t0" "$t2")"
  record raw_create_pg_dump "$run" "$(secs "$t0" "$t1")"
  record raw_create_sha256sum "$run" "$(secs "$t1" "$t2")"
  record raw_create_sync "$run" "$(secs "$t0" "$t3")"
}

raw_verify() {  # restores Tend's own dump file, so both sides restore the same bytes
  local run="$RUN" dir file t0 t1 t2 t3 t4
  dir="$(dirname "$TEND_DUMP")"; file="$(basename "$TEND_DUMP")"
  PGOPTIONS='-c client_min_messages=warning' psql_ -d postgres -c "DROP DATABASE IF EXISTS raw_verify"
  settle
  cpu_start; t0=$(now)
  (cd "$dir" && sha256sum --quiet -c "$TMP/tend-dump.sha256")
  t1=$(now)
  "$PGBIN/createdb" -T template0 raw_verify
  "$PGBIN/pg_restore" --exit-on-error --no-owner --no-privileges -d raw_verify "$TEND_DUMP"
  t2=$(now)
  psql_ -d raw_verify -At -f "$TMP/counts.sql" >"$TMP/raw-counts.txt"
  t3=$(now)
  "$PGBIN/dropdb" raw_verify
  t4=$(now); cpu_stop
  record raw_verify "$run" "$(secs "$t0" "$t4")"
  record raw_verify_nosha "$run" "$(secs "$t1" "$t4")"
  record raw_verify_sha256sum "$run" "$(secs "$t0" "$t1")"
  record raw_verify_restore "$run" "$(secs "$t1" "$t2")"
  record raw_verify_counts "$run" "$(secs "$t2" "$t3")"
}

wait_quiet 120 >/dev/null

# --- JVM start, for reference ----------------------------------------------------------------------
tend_version() { local t0 t1; cpu_start; t0=$(now); "$TEND" --version >/dev/null; t1=$(now); cpu_stop; record tend_version "$RUN" "$(secs "$t0" "$t1")"; }
for RUN in 1 2 3; do attempt tend_version "$RUN" tend_version; done

# --- create ----------------------------------------------------------------------------------------
log "create: $RUNS runs each, alternating raw and tend"
for RUN in $(seq 1 "$RUNS"); do
  attempt raw_create "$RUN" raw_create
  attempt tend_create "$RUN" tend_timed tend_create "$TMP/create.json" backup create bench -c "$CFG" --json
done
TEND_DUMP="$(find "$DEST/bench" -name bench.dump -type f | head -n1)"
[ -f "$TEND_DUMP" ] || die "no bench.dump under $DEST/bench after tend backup create"
(cd "$(dirname "$TEND_DUMP")" && sha256sum bench.dump >"$TMP/tend-dump.sha256")
grep -q "$(cut -d' ' -f1 "$TMP/tend-dump.sha256")" "$(dirname "$TEND_DUMP")/SHA256SUMS" \
  || die "Tend's SHA256SUMS does not match sha256sum of its dump"
RAW_DUMP_BYTES="$(stat -c %s "$RAWDUMP")"
TEND_DUMP_BYTES="$(stat -c %s "$TEND_DUMP")"
TEND_BACKUP_BYTES="$(du -sb "$(dirname "$TEND_DUMP")" | cut -f1)"

# --- verify ----------------------------------------------------------------------------------------
log "verify: $RUNS runs each, alternating raw and tend (the same dump file: $TEND_DUMP)"
for RUN in $(seq 1 "$RUNS"); do
  attempt raw_verify "$RUN" raw_verify
  attempt tend_verify "$RUN" tend_timed tend_verify "$TMP/verify.json" backup verify bench -c "$CFG" --json
done
python3 - "$TMP/verify.json" "$TMP/raw-counts.txt" <<'PY' || die "Tend's verification and the raw counts disagree"
import json, sys
v = json.load(open(sys.argv[1]))
raw = sum(int(line.split('|')[1]) for line in open(sys.argv[2]) if '|' in line)
text = json.dumps(v)
print(f"[bench] tend verify: {text[:400]}", file=sys.stderr)
print(f"[bench] raw counts: {raw} rows", file=sys.stderr)
PY
leftover="$(psql_ -d postgres -At -c "SELECT string_agg(datname, ', ') FROM pg_database WHERE datname NOT IN ('postgres', 'bench', 'template0', 'template1')")"
[ -z "$leftover" ] || log "WARNING: databases left behind: $leftover"

# --- pgBackRest (a reference: physical, whole cluster) ---------------------------------------------
PGBR_CONF="$TMP/pgbackrest.conf"
if [ "$PGBR_RUNS" -gt 0 ]; then
  as_pg "mkdir -p $TMP/pgbackrest/repo $TMP/pgbackrest/log $TMP/pgbackrest/lock $TMP/pgbackrest/spool"
  cat >"$PGBR_CONF" <<EOF
[global]
repo1-path=$TMP/pgbackrest/repo
repo1-retention-full=100
log-path=$TMP/pgbackrest/log
lock-path=$TMP/pgbackrest/lock
spool-path=$TMP/pgbackrest/spool
log-level-console=warn
log-level-file=info
start-fast=y

[bench]
pg1-path=$TMP/data
pg1-port=$PORT
pg1-socket-path=$TMP
pg1-user=postgres
EOF
  chown postgres "$PGBR_CONF"
  PGBR="pgbackrest --config=$PGBR_CONF --stanza=bench"
  psql_ -d postgres -c "ALTER SYSTEM SET archive_command = '$PGBR archive-push %p'" -c "SELECT pg_reload_conf()" >/dev/null
  for try in $(seq 1 51); do  # the reload is asynchronous
    [ "$(psql_ -d postgres -At -c 'SHOW archive_command')" = "$PGBR archive-push %p" ] && break
    [ "$try" -le 50 ] || die "archive_command was not reloaded: $(psql_ -d postgres -At -c 'SHOW archive_command')"
    sleep 0.1
  done
  as_pg "$PGBR stanza-create" >/dev/null
  as_pg "$PGBR check" >/dev/null || die "pgbackrest check failed: see $TMP/pgbackrest/log"
  pgbr_backup() {
    local compress="$1" t0 t1 label
    settle
    cpu_start; t0=$(now)
    as_pg "$PGBR --compress-type=$compress backup --type=full" || die "pgbackrest backup failed: see $TMP/pgbackrest/log"
    t1=$(now); cpu_stop
    record "pgbr_$compress" "$RUN" "$(secs "$t0" "$t1")"
    label="$(ls -t "$TMP/pgbackrest/repo/backup/bench" | grep -E '^[0-9]{8}-[0-9]{6}F$' | head -n1)"
    record "pgbr_${compress}_bytes" "$RUN" "$(du -sb "$TMP/pgbackrest/repo/backup/bench/$label" | cut -f1)"
  }
  for compress in gz lz4; do
    for RUN in $(seq 1 "$PGBR_RUNS"); do
      attempt "pgbr_$compress" "$RUN" pgbr_backup "$compress"
    done
  done
  PGBR_VERSION="$(pgbackrest version | awk '{print $2}')"
fi

# --- results ---------------------------------------------------------------------------------------
echo
echo "## Backups: tend backup create / verify vs raw tools ($(date +%F), SIZE_GB=$SIZE_GB, $RUNS runs each)"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), Tend $TEND_COMMIT ($TEND_DIRTY files under src/ differ from it), $(nproc) cores, $(awk '/MemTotal/ {printf "%d", $2/1048576}' /proc/meminfo) GiB RAM"
echo "pg_database_size(bench) = $DB_BYTES bytes; whole cluster $CLUSTER_BYTES bytes"
echo
python3 - "$RESULTS" "$RAW_DUMP_BYTES" "$TEND_DUMP_BYTES" "$TEND_BACKUP_BYTES" "$DB_BYTES" "${PGBR_VERSION:-}" "$NOISE_CPU" <<'PY'
import sys, statistics
from collections import defaultdict
res = defaultdict(list)
for line in open(sys.argv[1]):
    k, _, v = line.split()
    res[k].append(float(v))
raw_dump, tend_dump, tend_backup, db, pgbr_version = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
med = lambda k: statistics.median(res[k])
def rng(k): return f"{min(res[k]):.2f}–{max(res[k]):.2f}"
mb = lambda b: f"{b / 1e6:,.1f} MB"
rows = [
    ("create", "raw: pg_dump -Fc > file && sha256sum file", "raw_create", "raw_create", mb(raw_dump)),
    ("create", "  of which pg_dump", "raw_create_pg_dump", None, ""),
    ("create", "  of which sha256sum", "raw_create_sha256sum", None, ""),
    ("create", "raw + sync file (fsync, as Tend does)", "raw_create_sync", "raw_create", ""),
    ("create", "tend backup create", "tend_create", "raw_create", f"{mb(tend_dump)} (dir {mb(tend_backup)})"),
    ("create", "  of which startedAt–finishedAt in the manifest (snapshot, pg_dump + SHA-256, counts)", "tend_create_dump", None, ""),
    ("verify", "raw: sha256sum -c + createdb + pg_restore + count(*) + dropdb", "raw_verify", "raw_verify", ""),
    ("verify", "  raw without sha256sum", "raw_verify_nosha", "raw_verify", ""),
    ("verify", "  of which sha256sum -c", "raw_verify_sha256sum", None, ""),
    ("verify", "  of which createdb + pg_restore", "raw_verify_restore", None, ""),
    ("verify", "  of which count(*) queries", "raw_verify_counts", None, ""),
    ("verify", "tend backup verify", "tend_verify", "raw_verify", ""),
    ("verify", "  of which durationMs (its JSON: checksum to drop)", "tend_verify_inner", None, ""),
    ("verify", "  of which checksumMs", "tend_verify_checksum", None, ""),
    ("verify", "  of which restoreMs (pg_restore)", "tend_verify_restore", None, ""),
    ("-", "./tend --version (JVM start, for reference)", "tend_version", None, ""),
]
for c in ("gz", "lz4"):
    if res.get(f"pgbr_{c}"):
        rows.append(("reference", f"pgBackRest {pgbr_version} full, compress-type={c}", f"pgbr_{c}", "raw_create",
                     f"{mb(statistics.median(res[f'pgbr_{c}_bytes']))}"))
print("| step | command | median s | min–max s | / raw | CPU-s (median) | CPU / raw | size | other CPU-s (max) |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for step, name, key, base, size in rows:
    if not res.get(key): continue
    ratio = f"{med(key) / med(base):.3f}x" if base else ""
    other = f"{max(res['other_' + key]):.2f}" if res.get("other_" + key) else ""
    cpu = f"{med('cpu_' + key):.2f}" if res.get("cpu_" + key) else ""
    cpu_ratio = f"{med('cpu_' + key) / med('cpu_' + base):.3f}x" if res.get("cpu_" + key) and base and res.get("cpu_" + base) else ""
    print(f"| {step} | {name} | {med(key):.2f} | {rng(key)} | {ratio} | {cpu} | {cpu_ratio} | {size} | {other} |")
print()
for op in ("create", "verify"):
    t, r = med(f"tend_{op}"), med(f"raw_{op}")
    print(f"tend backup {op} / raw: {t / r:.3f}x (median {t:.2f} s vs {r:.2f} s, {t - r:+.2f} s); "
          f"overhead goal <= 10%: {'met' if t / r <= 1.10 else 'NOT met'}")
for op in ("create", "verify"):
    t, r = med(f"cpu_tend_{op}"), med(f"cpu_raw_{op}")
    print(f"tend backup {op} / raw, CPU time (ours + the server's): {t / r:.3f}x (median {t:.2f} vs {r:.2f} CPU-s)")
t, r = med("tend_verify"), med("raw_verify_nosha")
print(f"tend backup verify / raw without sha256sum: {t / r:.3f}x ({t - r:+.2f} s)")
print(f"dump: {mb(tend_dump)} = {tend_dump / db:.1%} of pg_database_size ({mb(db)})")
print("\nper run (s):")
for k in sorted(res):
    print(f"  {k}: {' '.join(f'{v:.2f}' if v < 1e6 else f'{int(v)}' for v in res[k])}")
noisy = sorted({k[6:] for k in res if k.startswith("other_") and max(res[k]) > float(sys.argv[7])})
if noisy:
    print(f"\nWARNING: noisy (other processes used > {sys.argv[7]} CPU-s in all tries): {', '.join(noisy)}")
PY
