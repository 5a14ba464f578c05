#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the tests and prints its admin URL.
#   eval "$(scripts/test-postgres.sh start)"   # exports HELLOWORD_TEST_POSTGRES_URL and HW_PGDIR
#   scripts/test-postgres.sh stop "$HW_PGDIR"
# Installs Debian's postgresql package when no server binaries are found. Runs the server as the
# `postgres` user (it refuses root) with trust auth for local connections, except the role
# `hw_password_check`, which must log in with a password so the wrong-password test is real.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" ]] && { echo "$dir"; return 0; }
  done
  return 1
}

case "${1:-}" in
  start)
    if ! BIN=$(find_bin); then
      echo "installing PostgreSQL from Debian's packages…" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      BIN=$(find_bin)
    fi
    PORT=${HW_PGPORT:-54329}
    while (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
    DIR=$(mktemp -d /tmp/helloword-pg.XXXXXX)
    chown postgres "$DIR"
    RUN=(env)
    [[ $(id -u) == 0 ]] && RUN=(runuser -u postgres --)
    "${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 >"$DIR/initdb.log" 2>&1
    {
      echo "host all hw_password_check 127.0.0.1/32 scram-sha-256"
      echo "host all all 127.0.0.1/32 trust"
      echo "local all all trust"
    } >"$DIR/data/pg_hba.conf"
    "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2
    echo "export HELLOWORD_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$PORT/postgres HW_PGDIR=$DIR"
    ;;
  stop)
    DIR=${2:?usage: test-postgres.sh stop <dir>}
    BIN=$(find_bin)
    RUN=(env)
    [[ $(id -u) == 0 ]] && RUN=(runuser -u postgres --)
    "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >&2 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start | stop <dir>" >&2
    exit 2
    ;;
esac
