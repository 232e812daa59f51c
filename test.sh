#!/usr/bin/env bash
# Runs every test of Bayan: unit tests, the HTTP integration suite on SQLite and again on a
# real PostgreSQL server, and the browser tests in Chromium. It installs what is missing
# (Debian packages), starts a throwaway PostgreSQL cluster, redis-server and MariaDB on loopback, and
# stops them afterwards.
# Exits non-zero when any test fails. Figures and screenshots land in TestResults/.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/TestResults"
rm -rf "$results" && mkdir -p "$results"

say() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "test.sh: '$*' needs root (or sudo) to install test dependencies" >&2; return 1; fi
}

# 1. Debian packages the tests use: Chromium for browser tests, fonts that cover Arabic script,
#    the PostgreSQL server, xmllint to validate Atom feeds against RFC 4287's RELAX NG grammar, and the
#    MariaDB server the K2 importer's tests read a Joomla site from.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/sbin/mariadbd ] || command -v mariadbd >/dev/null || missing+=(mariadb-server)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. A throwaway PostgreSQL cluster on a free loopback port, stopped on exit whatever happens.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d)
chmod 755 "$work"
pgdir="$work/pg"
pgdata="$pgdir/data"
mkdir -p "$pgdata" "$pgdir/socket"
pg_user=$(id -un)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# The server refuses to run as root: as root, the cluster belongs to the postgres user.
if [ "$(id -u)" = 0 ]; then chown -R postgres "$pgdir"; pg_user=postgres; fi

port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

cleanup() {
  run_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  if [ -f "$work/mariadb/mariadb.pid" ]; then
    maria_pid=$(cat "$work/mariadb/mariadb.pid")
    kill "$maria_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$maria_pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

say "Starting PostgreSQL ($("$pgbin/postgres" --version)) on 127.0.0.1:$port"
run_pg "$pgbin/initdb" -D "$pgdata" -U "$pg_user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdir/postgres.log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null

# A throwaway redis-server for the scale-out tests (several nodes), nothing kept on disk.
redis_port=$((port + 1))
while (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; do redis_port=$((redis_port + 1)); done
say "Starting $(redis-server --version | cut -d' ' -f1-3) on 127.0.0.1:$redis_port"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
export BAYAN_TEST_REDIS="127.0.0.1:$redis_port"

# A throwaway MariaDB for the K2 importer's tests: its own data folder and socket in the work folder,
# listening on loopback only, run as the mysql user when we are root (mariadbd refuses root).
mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
maria="$work/mariadb"
mkdir -p "$maria"
run_maria() { if [ "$(id -u)" = 0 ]; then runuser -u mysql -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown mysql "$maria"
maria_port=$((redis_port + 1))
while (exec 3<>"/dev/tcp/127.0.0.1/$maria_port") 2>/dev/null; do maria_port=$((maria_port + 1)); done
say "Starting MariaDB $("$mariadbd" --version | awk '{print $3}') on 127.0.0.1:$maria_port"
run_maria mariadb-install-db --no-defaults --datadir="$maria/data" --auth-root-authentication-method=normal \
  --skip-test-db >"$maria/install.log" 2>&1
run_maria "$mariadbd" --no-defaults --datadir="$maria/data" --socket="$maria/socket" --pid-file="$maria/mariadb.pid" \
  --bind-address=127.0.0.1 --port="$maria_port" --skip-name-resolve --log-error="$maria/error.log" \
  --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=0 >/dev/null 2>&1 &
for _ in $(seq 1 100); do
  mariadb --no-defaults --socket="$maria/socket" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2
done
mariadb --no-defaults --socket="$maria/socket" -uroot \
  -e "CREATE USER 'bayan'@'127.0.0.1' IDENTIFIED BY 'bayan'; GRANT ALL ON *.* TO 'bayan'@'127.0.0.1';"
export BAYAN_TEST_MARIADB="Server=127.0.0.1;Port=$maria_port;User ID=bayan;Password=bayan"

export BAYAN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$pg_user;Include Error Detail=true"
export BAYAN_TEST_OUTPUT="$results"

# 3. Build once, then run the suite: everything on SQLite, the database suite again on PostgreSQL.
say "Building"
dotnet build Bayan.slnx -c Release -nologo -v quiet -clp:ErrorsOnly

status=0
run_suite() { # name, database, filter
  local name=$1 database=$2 filter=$3
  say "Tests: $name"
  BAYAN_TEST_DATABASE=$database dotnet test tests/Bayan.Tests -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" --filter "$filter" 2>&1 \
    | tee "$results/$name.log" || status=1
}
# The scale-out tests (several nodes) need PostgreSQL: they run in the PostgreSQL pass only.
run_suite sqlite sqlite "Category=Database&FullyQualifiedName!~Bayan.Tests.ScaleOut."
run_suite postgres postgres "Category=Database"
run_suite unit-and-browser sqlite "Category!=Database"

# 4. One summary: how many database tests ran on each database, the other tests, and the total.
count() { # trx file, outcome attribute
  grep -o "$2=\"[0-9]*\"" "$1" 2>/dev/null | head -n 1 | grep -o '[0-9]*' || echo 0
}
say "Summary"
total_passed=0; total_failed=0
for name in sqlite postgres unit-and-browser; do
  trx="$results/$name.trx"
  passed=$(count "$trx" passed); failed=$(count "$trx" failed); total=$(count "$trx" total)
  executed=$(count "$trx" executed)
  [ -f "$trx" ] || { failed=1; status=1; }
  [ "$executed" = 0 ] && { echo "$name: no test ran"; status=1; }
  echo "$name: $passed passed, $failed failed (of $total)"
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
done
[ "$total_failed" -gt 0 ] && status=1
echo "total: $total_passed passed, $total_failed failed"
exit $status
