#!/usr/bin/env bash
# with_postgres.sh — run one command against a throwaway PostgreSQL cluster.
#
# Usage: tests/scripts/with_postgres.sh COMMAND [ARGS...]
#
# Creates a fresh cluster in a temporary directory under /tmp, listening on a free
# TCP port on 127.0.0.1 only (trust authentication, unix socket inside the temporary
# directory), creates the database `crossdock_test`, runs COMMAND with these
# variables exported, then stops the cluster and deletes the directory, whatever
# happens (success, failure, Ctrl-C). The exit code is COMMAND's.
#
#   CROSSDOCK_TEST_DB  postgresql://crossdock@127.0.0.1:PORT/crossdock_test
#   PGHOST PGPORT PGUSER PGDATABASE   the same, for psql, createdb and friends
#
# The superuser is `crossdock` (no password). Any suite that needs PostgreSQL can
# use this script: storage_tests, the integration tests of the real server, benches.
#
# When run as root, the server runs as the `postgres` system user (or `nobody` when
# there is none), as PostgreSQL refuses to run as root. The command itself runs as
# the caller.
#
# Environment (all optional):
#   PG_BINDIR            where initdb/pg_ctl/postgres live (default: /usr/lib/postgresql/15/bin,
#                        else the newest /usr/lib/postgresql/*/bin, else `pg_config --bindir`)
#   CROSSDOCK_PG_KEEP=1  keep the data directory and its log on exit (for debugging)
#
# Exit code 77 (CTest's SKIP_RETURN_CODE) when the PostgreSQL server binaries are
# not installed: install them with `scripts/install-deps.sh test` (postgresql-15).
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

readonly db_user=crossdock
readonly db_name=crossdock_test

log() { echo "with_postgres: $*" >&2; }

findBindir() {
    if [ -n "${PG_BINDIR:-}" ]; then
        echo "$PG_BINDIR"
        return
    fi
    if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
        echo /usr/lib/postgresql/15/bin
        return
    fi
    local newest
    newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then
        echo "$newest"
        return
    fi
    if command -v pg_config >/dev/null 2>&1; then
        pg_config --bindir
    fi
}

bindir=$(findBindir)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
    log "PostgreSQL server binaries not found (install postgresql-15 or set PG_BINDIR); skipping"
    exit 77
fi

# PostgreSQL refuses to run as root: pick an unprivileged user and run the server
# binaries through runuser.
as_server=()
server_user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then server_user=postgres; else server_user=nobody; fi
    as_server=(runuser -u "$server_user" --)
fi

# mktemp makes the directory 0700 and owned by the caller; /tmp itself is
# world-traversable, so chown/chmod is enough for the server user to reach it.
tmp_dir=$(mktemp -d /tmp/crossdock-pg.XXXXXX)
chmod 755 "$tmp_dir"
data_dir=$tmp_dir/data
socket_dir=$tmp_dir/socket
log_file=$tmp_dir/postgres.log
mkdir -p "$socket_dir"
if [ ${#as_server[@]} -gt 0 ]; then
    chown -R "$server_user" "$tmp_dir"
fi

started=0
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ "$started" -eq 1 ]; then
        "${as_server[@]}" "$bindir/pg_ctl" -D "$data_dir" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            "${as_server[@]}" "$bindir/pg_ctl" -D "$data_dir" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ "${CROSSDOCK_PG_KEEP:-0}" = 1 ]; then
        log "kept $tmp_dir"
    else
        rm -rf "$tmp_dir"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A port nobody listens on. Another process may still take it before the server
# binds it, so starting is retried with a new port below.
pickPort() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then
            echo "$port"
            return 0
        fi
    done
    log "no free TCP port found"
    return 1
}

if ! "${as_server[@]}" "$bindir/initdb" -D "$data_dir" -U "$db_user" -A trust -E UTF8 --locale=C \
        --no-sync >"$tmp_dir/initdb.log" 2>&1; then
    log "initdb failed:"
    cat "$tmp_dir/initdb.log" >&2
    exit 1
fi

# Only 127.0.0.1 and the private socket; a throwaway cluster needs no durability.
cat >"$data_dir/pg_hba.conf" <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF
cat >>"$data_dir/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket_dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

port=
for attempt in 1 2 3 4 5; do
    port=$(pickPort)
    if "${as_server[@]}" "$bindir/pg_ctl" -D "$data_dir" -l "$log_file" -o "-p $port" -w -t 60 start \
            >/dev/null 2>&1; then
        started=1
        break
    fi
    log "start on port $port failed (attempt $attempt)"
    port=
done
if [ "$started" -ne 1 ]; then
    log "could not start PostgreSQL; server log:"
    tail -n 30 "$log_file" >&2 || true
    exit 1
fi

if ! "${as_server[@]}" "$bindir/createdb" -h "$socket_dir" -p "$port" -U "$db_user" "$db_name"; then
    log "createdb failed"
    exit 1
fi

export PGHOST=127.0.0.1 PGPORT=$port PGUSER=$db_user PGDATABASE=$db_name
export CROSSDOCK_TEST_DB="postgresql://$db_user@127.0.0.1:$port/$db_name"
log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($tmp_dir)"

set +e
"$@"
rc=$?
set -e
exit "$rc"
