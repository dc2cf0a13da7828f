#!/usr/bin/env bash
# A throwaway PostgreSQL server for the MdoBot tests (never the system cluster / service).
#
#   scripts/postgres-test-server.sh start    start it (idempotent); prints the Npgsql connection string
#   scripts/postgres-test-server.sh url      print the connection string of the running server
#   scripts/postgres-test-server.sh status   exit 0 when it is running and accepts connections
#   scripts/postgres-test-server.sh stop     stop it (pg_ctl stop, by its PID file) and delete its files
#
# The server comes from Debian's `postgresql` package (/usr/lib/postgresql/<ver>/bin; installed with
# apt-get when absent). It is initdb'ed into $MDOBOT_PG_DIR (default ${TMPDIR:-/tmp}/mdobot-pg),
# listens on 127.0.0.1 only (port 55432, or a free port when that is taken), trusts every local
# connection (test use only!) and has a database `mdobot_test` owned by the superuser `mdobot`.
# The connection string is also written to $MDOBOT_PG_DIR/url (a postgresql:// URI to .../uri).
# Run as root, the server runs as the system user $MDOBOT_PG_OS_USER (default mdobot-pg, created
# when missing), since PostgreSQL refuses to run as root.
#
# Environment: MDOBOT_PG_DIR, MDOBOT_PG_PORT (preferred port), MDOBOT_PG_OS_USER, MDOBOT_PG_BIN
# (directory with initdb/pg_ctl), MDOBOT_PG_KEEP=1 (stop keeps the data directory).
# Only the connection string goes to stdout; progress and errors go to stderr.
set -euo pipefail

DB_NAME="mdobot_test"
DB_USER="mdobot"
DEFAULT_PORT="${MDOBOT_PG_PORT:-55432}"

say() { printf 'postgres-test-server: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

usage() {
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# --- who runs the server ---------------------------------------------------------------------
RUN_AS=""
if [ "$(id -u)" -eq 0 ]; then
    RUN_AS="${MDOBOT_PG_OS_USER:-mdobot-pg}"
fi

ensure_os_user() {
    [ -n "$RUN_AS" ] || return 0
    id -u "$RUN_AS" >/dev/null 2>&1 && return 0
    say "creating system user $RUN_AS"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
        --user-group "$RUN_AS" >/dev/null 2>&1 \
        || id -u "$RUN_AS" >/dev/null 2>&1 \
        || die "could not create the system user $RUN_AS (set MDOBOT_PG_OS_USER to an existing non-root user)."
}

as_owner() {
    if [ -n "$RUN_AS" ]; then
        runuser -u "$RUN_AS" -- "$@"
    else
        "$@"
    fi
}

# --- where ------------------------------------------------------------------------------------
BASE="${MDOBOT_PG_DIR:-${TMPDIR:-/tmp}/mdobot-pg}"
case "$BASE" in /*) ;; *) BASE="$PWD/$BASE" ;; esac
BASE="${BASE%/}"
DATA="$BASE/data"
SOCK="$BASE/run"
LOG="$BASE/server.log"
URL_FILE="$BASE/url"
URI_FILE="$BASE/uri"
PORT_FILE="$BASE/port"
INIT_MARK="$BASE/initialized"

take_lock() {
    mkdir -p "$(dirname "$BASE")"
    exec 9>"$BASE.lock"
    flock -w 300 9 || die "timed out waiting for $BASE.lock"
}

# --- binaries -----------------------------------------------------------------------------------
BIN=""
find_bin() {
    if [ -n "${MDOBOT_PG_BIN:-}" ]; then
        BIN="$MDOBOT_PG_BIN"
    else
        BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
        if [ -z "$BIN" ] && command -v pg_ctl >/dev/null 2>&1; then
            BIN="$(dirname "$(command -v pg_ctl)")"
        fi
    fi
    [ -n "$BIN" ] && [ -x "$BIN/initdb" ] && [ -x "$BIN/pg_ctl" ]
}

install_postgres() {
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is not available."
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "PostgreSQL is not installed: run 'apt-get install -y postgresql' as root."
        sudo="sudo"
    fi
    say "installing postgresql with apt-get ..."
    # Keep the package scripts from starting the system cluster.
    local policy_created=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
        $sudo chmod +x /usr/sbin/policy-rc.d
        policy_created=1
    fi
    local code=0
    { DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends postgresql >&2 \
        || { $sudo apt-get update >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends postgresql >&2; }; } \
        || code=$?
    [ -z "$policy_created" ] || $sudo rm -f /usr/sbin/policy-rc.d
    [ "$code" -eq 0 ] || die "apt-get install postgresql failed."
}

# --- ports ----------------------------------------------------------------------------------------
port_busy() {
    if command -v ss >/dev/null 2>&1; then
        ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
    fi
}

choose_port() {
    local p
    for p in "$@" $(seq 55433 55532); do
        [ -n "$p" ] || continue
        port_busy "$p" || { echo "$p"; return 0; }
    done
    for _ in $(seq 1 50); do
        p=$((20000 + RANDOM % 40000))
        port_busy "$p" || { echo "$p"; return 0; }
    done
    die "no free TCP port found on 127.0.0.1"
}

# --- state ------------------------------------------------------------------------------------------
saved_port() { cat "$PORT_FILE" 2>/dev/null || true; }

conn_string() { printf 'Host=127.0.0.1;Port=%s;Username=%s;Database=%s' "$1" "$DB_USER" "$DB_NAME"; }

# Running = the postmaster of our data directory is alive and accepts connections on our port.
is_running() {
    local port
    port="$(saved_port)"
    [ -n "$port" ] && [ -f "$DATA/postmaster.pid" ] || return 1
    as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || return 1
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$DB_USER" -d postgres -t 5
}

psql_admin() {
    "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U "$DB_USER" -d postgres -tA -c "$2"
}

init_cluster() {
    say "initdb into $DATA"
    if [ -d "$DATA" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    remove_files
    mkdir -p "$BASE" "$SOCK"
    chmod 0755 "$BASE"
    if [ -n "$RUN_AS" ]; then
        chown "$RUN_AS" "$BASE" "$SOCK"
        as_owner test -w "$BASE" || die "$RUN_AS cannot write to $BASE (a parent directory is not reachable); set MDOBOT_PG_DIR, e.g. /tmp/mdobot-pg."
    fi
    as_owner "$BIN/initdb" -D "$DATA" -U "$DB_USER" --auth=trust --encoding=UTF8 --locale=C --no-sync >"$BASE/initdb.log" 2>&1 \
        || { cat "$BASE/initdb.log" >&2; die "initdb failed"; }
    [ -z "$RUN_AS" ] || chown "$RUN_AS" "$BASE/initdb.log"
    as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<EOF

# --- mdobot test server: throwaway, loopback only, not durable ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK'
max_connections = 200
shared_buffers = 32MB
dynamic_shared_memory_type = mmap
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF
    touch "$INIT_MARK"
}

# Only our own files: MDOBOT_PG_DIR may point anywhere.
remove_files() {
    rm -rf "$DATA" "$SOCK"
    rm -f "$LOG" "$BASE/initdb.log" "$URL_FILE" "$URI_FILE" "$PORT_FILE" "$INIT_MARK"
}

start_server() {
    local port="$1"
    [ -f "$DATA/postmaster.pid" ] && ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 && rm -f "$DATA/postmaster.pid"
    : >"$LOG"
    [ -z "$RUN_AS" ] || chown "$RUN_AS" "$LOG"
    say "starting PostgreSQL ($("$BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -o "-p $port" -w -t 60 start >/dev/null 9>&-; then
        tail -n 30 "$LOG" >&2 || true
        die "pg_ctl start failed (log: $LOG)"
    fi
    echo "$port" >"$PORT_FILE"
}

cmd_start() {
    take_lock
    if ! find_bin; then
        install_postgres
        find_bin || die "PostgreSQL binaries not found after installing (looked in /usr/lib/postgresql/*/bin)."
    fi
    ensure_os_user
    if [ -f "$INIT_MARK" ] && [ -f "$URL_FILE" ] && is_running; then
        say "already running"
        cat "$URL_FILE"
        echo
        return 0
    fi

    if [ ! -f "$INIT_MARK" ] || [ ! -f "$DATA/PG_VERSION" ]; then
        init_cluster
    elif as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        # Alive but not answering on its port: restart it cleanly.
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi

    local port
    port="$(choose_port "$(saved_port)" "$DEFAULT_PORT")"
    start_server "$port"
    if [ "$(psql_admin "$port" "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
        psql_admin "$port" "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null
    fi
    conn_string "$port" >"$URL_FILE"
    printf 'postgresql://%s@127.0.0.1:%s/%s' "$DB_USER" "$port" "$DB_NAME" >"$URI_FILE"
    chmod 0644 "$URL_FILE" "$URI_FILE"
    say "ready: $(cat "$URI_FILE")"
    cat "$URL_FILE"
    echo
}

cmd_url() {
    find_bin || die "PostgreSQL is not installed."
    [ -f "$URL_FILE" ] && is_running || die "not running (use: $0 start)"
    cat "$URL_FILE"
    echo
}

cmd_status() {
    find_bin || { say "PostgreSQL is not installed"; return 3; }
    if [ -f "$URL_FILE" ] && is_running; then
        say "running: $(cat "$URI_FILE")"
        return 0
    fi
    say "not running"
    return 3
}

cmd_stop() {
    take_lock
    if [ -f "$DATA/postmaster.pid" ] && find_bin; then
        say "stopping PostgreSQL in $DATA"
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null 2>&1 \
            || as_owner "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 \
            || say "pg_ctl stop failed (was it running?)"
    fi
    if [ "${MDOBOT_PG_KEEP:-}" != "1" ]; then
        remove_files
        rmdir "$BASE" 2>/dev/null || true
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    url) cmd_url ;;
    status) cmd_status ;;
    stop) cmd_stop ;;
    *) usage ;;
esac
