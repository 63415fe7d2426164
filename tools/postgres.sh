#!/usr/bin/env bash
# Start a local PostgreSQL server for the tests and benchmarks, and print its DATABASE_URL.
# Uses Debian's postgresql package (apt-get install postgresql): its cluster 15/main, or the
# newest one installed. Creates the role and database `corparent` (password `corparent`) if they
# are missing; the role may create databases, because the tests make their own.
#   tools/postgres.sh start   start the server, create the role, print the URL
#   tools/postgres.sh stop    stop it
set -euo pipefail

command -v pg_lsclusters >/dev/null || { echo "error: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
read -r version cluster port _ < <(pg_lsclusters --no-header | sort -rn | head -n 1)
[ -n "${version:-}" ] || { echo "error: no PostgreSQL cluster (pg_createcluster 15 main)" >&2; exit 1; }

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$*"; else sudo -u postgres "$@"; fi; }

case "${1:-start}" in
  start)
    pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
    pg_isready -q -h 127.0.0.1 -p "$port" || { echo "error: PostgreSQL did not start on port $port" >&2; exit 1; }
    as_postgres "psql -q -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='corparent'\"" | grep -q 1 \
      || as_postgres "psql -q -p $port -c \"CREATE ROLE corparent LOGIN CREATEDB PASSWORD 'corparent'\""
    as_postgres "psql -q -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='corparent'\"" | grep -q 1 \
      || as_postgres "createdb -p $port -O corparent corparent"
    echo "postgres://corparent:corparent@127.0.0.1:$port/corparent"
    ;;
  stop)
    pg_ctlcluster "$version" "$cluster" stop
    ;;
  *)
    echo "usage: tools/postgres.sh start|stop" >&2; exit 2
    ;;
esac
