#!/usr/bin/env bash
# Starts a private, throwaway PostgreSQL (Debian's package) for the tests: a fresh cluster in
# /tmp/mitreden-pg-PORT on 127.0.0.1:PORT (MITREDEN_PG_PORT, default 54329), trusting local
# connections, owned by the `postgres` user. A cluster left over from an earlier run on the
# same port is stopped and removed first; runs on different ports do not meet.
#
#   scripts/postgres.sh start   prints the admin URL to use as MITREDEN_TEST_POSTGRES
#   scripts/postgres.sh stop
#   scripts/postgres.sh pause   stops the server but keeps its data (an outage, for tests)
#   scripts/postgres.sh resume  starts it again on the same data
set -euo pipefail

PORT=${MITREDEN_PG_PORT:-54329}
DATA=/tmp/mitreden-pg-$PORT
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_postgres() { runuser -u postgres -- "$@"; }

stop() {
  if [ -n "$BIN" ] && [ -f "$DATA/postmaster.pid" ]; then
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DATA"
}

run_server() {
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
}

case "${1:-start}" in
  start)
    stop
    install -d -o postgres -g postgres "$DATA"
    as_postgres "$BIN/initdb" -D "$DATA" --auth=trust --username=postgres --encoding=UTF8 \
      --locale=C.UTF-8 >/dev/null
    run_server
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop) stop ;;
  pause) as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null ;;
  resume) run_server ;;
  *) echo "usage: $0 start|stop|pause|resume" >&2; exit 2 ;;
esac
