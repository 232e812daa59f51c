# A throwaway PostgreSQL cluster on a free loopback port, as test.sh starts one. The server refuses
# to run as root: as root, the cluster belongs to the postgres user. Sourced by bench/run.sh.

pg_bin="" pg_cluster="" pg_port="" pg_user="" pg_running=0

run_as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_start CLUSTER_DIR SOCKET_DIR: creates the cluster unless CLUSTER_DIR holds one, starts it,
# and creates the database bayan_bench unless it exists.
pg_start() {
  pg_cluster=$1
  local socket=$2
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_user=$(id -un)
  mkdir -p "$pg_cluster" "$socket"
  if [ "$(id -u)" = 0 ]; then
    pg_user=postgres
    chown postgres "$pg_cluster" "$socket"
    if ! run_as_pg test -w "$pg_cluster"; then
      echo "bench/run.sh: the postgres user cannot reach $pg_cluster; choose a --data folder it can reach (e.g. under /var/tmp)" >&2
      return 1
    fi
  fi
  if [ ! -f "$pg_cluster/PG_VERSION" ]; then
    run_as_pg "$pg_bin/initdb" -D "$pg_cluster" -U "$pg_user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  pg_port=$(free_port 55432)
  # Stock settings but for where it listens: the benchmark measures PostgreSQL as shipped.
  run_as_pg "$pg_bin/pg_ctl" -D "$pg_cluster" -l "$socket/postgres.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $socket -c max_connections=300" >/dev/null
  pg_running=1
  if ! "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -tAc "select 1 from pg_database where datname = 'bayan_bench'" | grep -q 1; then
    "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" bayan_bench
  fi
}

pg_connection_string() { echo "Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=bayan_bench"; }

# pg_stop: a fast shutdown of the cluster pg_start started, if it did (pg_ctl finds its pid in the cluster's folder).
pg_stop() {
  [ "$pg_running" = 1 ] || return 0
  run_as_pg "$pg_bin/pg_ctl" -D "$pg_cluster" -m fast -w stop >/dev/null 2>&1 || true
  pg_running=0
}
