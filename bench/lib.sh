# Shared helpers for the benchmark scripts in bench/. Sourced, not run.
# Everything here binds 127.0.0.1 only, and every wait loop is bounded.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# need CMD PACKAGE: fail with the install line when CMD is missing.
need() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is missing: apt-get install -y $2"
}

# shellcheck source=../scripts/find-java.sh
source "$REPO_DIR/scripts/find-java.sh"   # find_java, java_major

# A JDK >= 21, found the way ./tend finds it.
bench_java() { find_java; }

# Tend's runtime class path; builds Tend first (via ./tend) when needed.
tend_classpath() {
  "$REPO_DIR/tend" --version >/dev/null || die "./tend --version failed (does Tend build?)"
  [ -f "$REPO_DIR/target/classpath.txt" ] || die "target/classpath.txt missing after the build"
  printf '%s:%s' "$REPO_DIR/target/classes" "$(cat "$REPO_DIR/target/classpath.txt")"
}

# A TCP port on 127.0.0.1 that nothing listens on now (random, at most 100 tries).
free_port() {
  local port try
  for try in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 12000 ))
    if [ -z "$(ss -Htan "( sport = :$port )" 2>/dev/null)" ]; then
      echo "$port"; return 0
    fi
  done
  die "no free port found in 100 tries"
}

# wait_http URL SECONDS: until URL answers 2xx, at most SECONDS.
wait_http() {
  local url="$1" deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    curl -fsS -m 1 -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.1
  done
  die "$url did not answer within $2 s"
}

# start_nginx DIR PORT [CLOSE_PORT]: nginx in its own prefix DIR, foreground, on 127.0.0.1:PORT
# (NGINX_WORKERS workers, 2 unless set; NGINX_PREFIX runs it under a command such as "taskset -c 0")
# (keep-alive on) and, if given, on 127.0.0.1:CLOSE_PORT with keepalive_timeout 0 (one connection
# per request, as when every target is a different server). Sets NGINX_PID.
# /health answers {"status":"ok"}; /nginx_status is stub_status (counts accepted connections).
start_nginx() {
  local dir="$1" port="$2" close_port="${3:-}" user_line="" close_server=""
  mkdir -p "$dir/logs" "$dir/tmp"
  [ "$(id -u)" = 0 ] && user_line="user root root;"
  if [ -n "$close_port" ]; then
    close_server="server {
    listen 127.0.0.1:$close_port backlog=4096;
    keepalive_timeout 0;
    location = /health { default_type application/json; return 200 '{\"status\":\"ok\"}'; }
    location = /work { ssi on; default_type text/html; alias $dir/work.shtml; }
  }"
  fi
  # /work: a page nginx must work for (server-side includes, ${NGINX_WORK:-400} variables formatted per
  # request), so the server, not the load tool, is what runs out of CPU.
  for _ in $(seq 1 "${NGINX_WORK:-400}"); do printf '<!--# echo var="date_gmt" -->\n'; done >"$dir/work.shtml"
  cat >"$dir/nginx.conf" <<EOF
$user_line
worker_processes ${NGINX_WORKERS:-2};
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$port backlog=4096;
    location = /health { default_type application/json; return 200 '{"status":"ok"}'; }
    location = /nginx_status { stub_status; }
    location = /work { ssi on; default_type text/html; alias $dir/work.shtml; }
  }
  $close_server
}
EOF
  ${NGINX_PREFIX:-} nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" -g 'daemon off;' &
  NGINX_PID=$!
  wait_http "http://127.0.0.1:$port/health" 10
  [ -z "$close_port" ] || wait_http "http://127.0.0.1:$close_port/health" 10
}

# nginx_cpu: CPU seconds nginx's workers have used so far.
nginx_cpu() {
  local pid total=0
  for pid in $(ps -o pid= --ppid "$NGINX_PID"); do
    total="$(awk -v t="$total" -v c="$(cpu_seconds "$pid" 2>/dev/null || echo 0)" 'BEGIN { printf "%.3f", t + c }')"
  done
  echo "$total"
}

# machine_busy: CPU seconds all cores have spent not idle since boot (from /proc/stat).
machine_busy() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.3f\n", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}

# nginx_accepts PORT: connections nginx has accepted so far.
nginx_accepts() {
  curl -fsS -m 2 "http://127.0.0.1:$1/nginx_status" | awk 'NR==3 {print $1}'
}

# stop_pid PID...: TERM, wait up to 5 s, then KILL. Only the PIDs given.
stop_pid() {
  local pid i
  for pid in "$@"; do
    [ -n "$pid" ] || continue
    kill -TERM "$pid" 2>/dev/null || continue
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}

# start_postgres DIR [SERVER OPTION...]: a throwaway PostgreSQL 15 cluster under DIR on a free
# loopback port, run as the postgres user (needs root and Debian's postgresql-15). Sets PGPORT;
# stop_postgres DIR stops it (call it from the EXIT trap).
PGBIN=/usr/lib/postgresql/15/bin
start_postgres() {
  local dir="$1"; shift
  [ -x "$PGBIN/initdb" ] || die "PostgreSQL 15 server binaries are missing: apt-get install -y postgresql-15"
  [ "$(id -u)" = 0 ] || die "run as root (the throwaway PostgreSQL runs as the postgres user)"
  PGPORT="$(free_port)"
  mkdir -p "$dir"; chown postgres "$dir"
  su postgres -s /bin/bash -c "$PGBIN/initdb -D $dir/data -A trust -U postgres" >/dev/null
  su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $dir/data -l $dir/server.log -w -t 60 -o \"-p $PGPORT -k $dir -c listen_addresses=127.0.0.1 $*\" start" >/dev/null
}
stop_postgres() {
  [ -d "$1/data" ] || return 0
  su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $1/data -m fast -t 30 stop" >/dev/null 2>&1 || true
}

# Peak RSS (VmHWM, kB) of PID, and resetting it (Linux >= 4.0: "5" > clear_refs).
vm_hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
reset_hwm() { echo 5 >"/proc/$1/clear_refs" 2>/dev/null || log "could not reset VmHWM of $1 (peak is since start)"; }
# CPU seconds (user+system) PID has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f\n", ($14 + $15) / hz}' "/proc/$1/stat"; }

# machine_line: what the numbers were measured on.
machine_line() {
  local cpu java_ver
  cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1)"
  java_ver="$("$1" -version 2>&1 | sed -n '2p')"
  printf '%s cores (%s), %s GiB RAM, %s, kernel %s, %s, nginx %s, blackbox_exporter %s\n' \
    "$(nproc)" "${cpu:-?}" "$(awk '/MemTotal/ {printf "%d", $2/1048576}' /proc/meminfo)" \
    "$(. /etc/os-release && echo "$PRETTY_NAME")" "$(uname -r)" "$java_ver" \
    "$(nginx -v 2>&1 | sed 's/.*nginx\///')" \
    "$(prometheus-blackbox-exporter --version 2>&1 | sed -n '1s/.*version \([^ ]*\).*/\1/p')"
}

# wait_quiet [SECONDS]: waits (bounded, default BENCH_QUIET_WAIT or 180 s) until the machine is
# quiet, i.e. under 0.25 of a core busy over 2 s, so another build or test run does not skew the
# numbers; after the bound it goes on with a warning. Prints the busy level it saw last.
wait_quiet() {
  local limit="${1:-${BENCH_QUIET_WAIT:-180}}" deadline busy a b
  deadline=$(( $(date +%s) + limit ))
  while :; do
    a="$(machine_busy)"; sleep 2; b="$(machine_busy)"
    busy="$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b - a) / 2 }')"
    if awk -v x="$busy" 'BEGIN { exit !(x < 0.25) }'; then log "machine quiet ($busy cores busy)"; return 0; fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log "WARNING: machine still busy ($busy cores busy by other processes) after ${limit} s: numbers may be skewed"
      return 0
    fi
    log "machine busy ($busy cores): waiting for it to be quiet..."
    sleep 3
  done
}

# freeze_tend: builds Tend (via ./tend) and copies target/classes to $TMP/classes, so that a
# concurrent edit or rebuild of the working tree can neither start a build nor swap classes under a
# running JVM. Sets CP (the frozen class path), TEND_COMMIT and TEND_DIRTY (changed files under src).
freeze_tend() {
  local try stamp="$REPO_DIR/target/.tend-build-stamp"
  log "building / freezing Tend..."
  for try in 1 2 3 4 5 6; do
    if ! "$REPO_DIR/tend" --version >/dev/null 2>"$TMP/build.err"; then
      log "./tend --version failed ($(head -c 300 "$TMP/build.err")); retrying in 60 s"; sleep 60; continue
    fi
    rm -rf "$TMP/classes"
    cp -a "$REPO_DIR/target/classes" "$TMP/classes"
    cp "$REPO_DIR/target/classpath.txt" "$TMP/classpath.txt"
    if [ -n "$(find "$REPO_DIR/src/main" "$REPO_DIR/pom.xml" -newer "$stamp" -print -quit)" ] || \
       [ "$stamp" -nt "$TMP/classpath.txt" ]; then
      log "sources changed while copying the build; retrying in 30 s"; sleep 30; continue
    fi
    CP="$TMP/classes:$(cat "$TMP/classpath.txt")"
    TEND_COMMIT="$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
    TEND_DIRTY="$(git -C "$REPO_DIR" status --porcelain -- src 2>/dev/null | wc -l)"
    return 0
  done
  die "could not freeze a consistent build of Tend"
}

# to_ms VALUE: one of wrk's latencies ("850.00us", "1.53ms", "1.20s") in milliseconds, two decimals.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
