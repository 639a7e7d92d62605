#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite.
#
#   scripts/test-postgres.sh start    init (if needed) and start the cluster; create an EMPTY
#                                     database yecai_test (dropped and re-created at each start,
#                                     unless YECAI_TEST_PG_KEEP_DB=1); prints the URL
#   scripts/test-postgres.sh stop     stop it (the data stays for a fast next start)
#   scripts/test-postgres.sh url      print postgresql+asyncpg://postgres@127.0.0.1:PORT/yecai_test
#   scripts/test-postgres.sh status   exit 0 when running
#   scripts/test-postgres.sh destroy  stop and delete the cluster
#
# The cluster lives in var/test-pg (YECAI_TEST_PG_DIR to change), listens on 127.0.0.1 only,
# on port 55432 (YECAI_TEST_PG_PORT) or a free port when that one is taken, with its unix
# socket in its own directory and trust authentication. As root, it runs as the `postgres`
# system user (initdb refuses root). fsync is off: never keep data you care about in it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DB=yecai_test
PGUSER_NAME=postgres

die() { echo "test-postgres: $*" >&2; exit 1; }

# --- binaries ---------------------------------------------------------------------------
BIN=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
  [ -x "$d/initdb" ] && { BIN=$d; break; }
done
if [ -z "$BIN" ] && command -v pg_config >/dev/null 2>&1; then
  d=$(pg_config --bindir); [ -x "$d/initdb" ] && BIN=$d
fi
[ -n "$BIN" ] || die "PostgreSQL server binaries not found (run scripts/ensure-system.sh)"
BIN_VERSION=$("$BIN/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/')

# --- who runs the server ----------------------------------------------------------------
if [ "$(id -u)" -eq 0 ]; then
  id "$PGUSER_NAME" >/dev/null 2>&1 || die "running as root but there is no '$PGUSER_NAME' system user (install the postgresql package)"
  AS=(runuser -u "$PGUSER_NAME" --)
  command -v runuser >/dev/null 2>&1 || AS=(su -s /bin/sh "$PGUSER_NAME" -c)
else
  AS=()
fi
as_pg() {  # paths given to it are absolute; run from / (the checkout may be closed to it)
  if [ "${#AS[@]}" -eq 0 ]; then "$@";
  elif [ "${AS[0]}" = su ]; then (cd / && "${AS[@]}" "$(printf '%q ' "$@")");
  else (cd / && "${AS[@]}" "$@"); fi
}

# --- where ------------------------------------------------------------------------------
DIR=${YECAI_TEST_PG_DIR:-$ROOT/var/test-pg}
fallback_dir() { echo "${TMPDIR:-/tmp}/yecai-test-pg-$(echo "$ROOT" | sha256sum | cut -c1-12)"; }
if [ -z "${YECAI_TEST_PG_DIR:-}" ]; then
  # The server user must reach the directory, and a unix socket path must stay short.
  mkdir -p "$DIR"
  if [ "${#DIR}" -gt 70 ] || { [ "${#AS[@]}" -gt 0 ] && ! as_pg test -x "$DIR"; }; then
    DIR=$(fallback_dir)
  fi
fi
DATA=$DIR/data
SOCK=$DIR/sock
LOG=$DIR/server.log
PORT_FILE=$DIR/port

prepare_dir() {
  mkdir -p "$DATA" "$SOCK"
  if [ "${#AS[@]}" -gt 0 ]; then chown -R "$PGUSER_NAME": "$DIR"; fi
  chmod 700 "$DATA" "$SOCK"
}

pgctl() { as_pg "$BIN/pg_ctl" -D "$DATA" "$@"; }

pid_alive() {  # a live (not zombie) postgres process
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] || return 1
  grep -q postgres "/proc/$1/comm" 2>/dev/null || return 1
  [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

postmaster_pid() { head -1 "$DATA/postmaster.pid" 2>/dev/null || true; }

running() {
  [ -f "$DATA/postmaster.pid" ] && pid_alive "$(postmaster_pid)" || return 1
  local port; port=$(sed -n 4p "$DATA/postmaster.pid")
  "$BIN/pg_isready" -q -h "$SOCK" -p "$port" -t 5
}

current_port() {
  if running; then sed -n 4p "$DATA/postmaster.pid"; return; fi
  cat "$PORT_FILE" 2>/dev/null || echo "${YECAI_TEST_PG_PORT:-55432}"
}

# Whether the server could not listen on the port. A connect test is not enough: 55432 lies in Linux's
# ephemeral range, so a client socket lingering in TIME_WAIT on it blocks a listener without answering.
port_in_use() {
  ! python3 -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null
}

free_port() {
  local p=${YECAI_TEST_PG_PORT:-55432}
  if ! port_in_use "$p"; then echo "$p"; return; fi
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

url() { echo "postgresql+asyncpg://$PGUSER_NAME@127.0.0.1:$(current_port)/$DB"; }

psql_() { as_pg env PGOPTIONS='-c client_min_messages=warning' "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$(current_port)" -U "$PGUSER_NAME" -d postgres "$@"; }

start() {
  if ! running; then
    # A postmaster that is alive but does not answer (wedged, or half dead): end it.
    local pid; pid=$(postmaster_pid)
    if pid_alive "$pid"; then
      echo "test-postgres: ending unresponsive server $pid" >&2
      kill -QUIT "$pid" 2>/dev/null || true; sleep 2; kill -KILL "$pid" 2>/dev/null || true
    fi
    # A cluster from an older PostgreSQL, or a half-made one: start over.
    if [ -d "$DATA" ] && [ "$(cat "$DATA/PG_VERSION" 2>/dev/null || true)" != "$BIN_VERSION" ]; then
      echo "test-postgres: discarding unusable cluster in $DATA" >&2
      rm -rf "$DATA"
    fi
    prepare_dir
    if [ ! -f "$DATA/PG_VERSION" ]; then
      echo "test-postgres: initdb in $DATA" >&2
      as_pg "$BIN/initdb" -D "$DATA" -U "$PGUSER_NAME" --auth=trust --encoding=UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    # Stale lock files from a killed server would block the start (postgres takes a zombie
    # process for a live one).
    rm -f "$DATA/postmaster.pid" "$SOCK"/.s.PGSQL.*
    local port; port=$(free_port)
    echo "$port" > "$PORT_FILE"
    : > "$LOG"; [ "${#AS[@]}" -eq 0 ] || chown "$PGUSER_NAME": "$LOG" "$PORT_FILE"
    if ! pgctl -l "$LOG" -w -t 60 start -o "-c listen_addresses=127.0.0.1 -p $port -k $SOCK \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
        -c unix_socket_permissions=0777" >/dev/null; then
      cat "$LOG" >&2
      die "the server did not start (log above, $LOG)"
    fi
    echo "test-postgres: started on 127.0.0.1:$port ($DATA)" >&2
  fi
  if [ "${YECAI_TEST_PG_KEEP_DB:-0}" = 1 ]; then
    if [ -z "$(psql_ -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
      psql_ -c "CREATE DATABASE $DB"
    fi
  else
    psql_ -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  fi
  url
}

stop() {
  if running; then
    pgctl -m fast -w -t 60 stop >/dev/null
    echo "test-postgres: stopped" >&2
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  status) running && { echo "running: $(url)"; exit 0; } || { echo "not running"; exit 1; } ;;
  destroy) stop; rm -rf "$DIR"; echo "test-postgres: removed $DIR" >&2 ;;
  *) echo "usage: $0 start|stop|url|status|destroy" >&2; exit 2 ;;
esac
