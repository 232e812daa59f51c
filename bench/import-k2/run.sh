#!/usr/bin/env bash
# The K2 importer at scale: a throwaway MariaDB filled with N generated K2 items (default 100,000; see
# generate.sql), imported by the published `bayan import k2` into a fresh SQLite site (the demo's). Prints
# the items per second (wall clock, start to exit) and the import process's peak resident memory.
#   bench/import-k2/run.sh [--items N] [--published DIR]   (DIR: an earlier `dotnet publish -c Release` of Bayan.Web)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
items=100000
published=""
while [ $# -gt 0 ]; do
  case $1 in
    --items) items=$2; shift 2 ;;
    --published) published=$(cd "$2" && pwd); shift 2 ;;
    *) echo "bench/import-k2/run.sh: unknown option $1 (--items N, --published DIR)" >&2; exit 2 ;;
  esac
done

source bench/lib/packages.sh
if ! [ -x /usr/sbin/mariadbd ] && ! command -v mariadbd >/dev/null; then
  echo "== Installing mariadb-server (Debian package)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
fi
command -v /usr/bin/time >/dev/null || { echo "bench/import-k2/run.sh: needs GNU time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
maria="$work/mariadb"
mkdir -p "$maria"
cleanup() {
  if [ -f "$maria/mariadb.pid" ]; then
    local pid
    pid=$(cat "$maria/mariadb.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# MariaDB on a free loopback port, its data and socket in the work folder (as test.sh starts it).
run_maria() { if [ "$(id -u)" = 0 ]; then runuser -u mysql -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown mysql "$maria"
port=59700
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
run_maria mariadb-install-db --no-defaults --datadir="$maria/data" --auth-root-authentication-method=normal --skip-test-db >"$maria/install.log" 2>&1
run_maria "$mariadbd" --no-defaults --datadir="$maria/data" --socket="$maria/socket" --pid-file="$maria/mariadb.pid" \
  --bind-address=127.0.0.1 --port="$port" --skip-name-resolve --log-error="$maria/error.log" \
  --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=0 >/dev/null 2>&1 &
sql() { mariadb --no-defaults --socket="$maria/socket" -uroot "$@"; }
for _ in $(seq 1 100); do sql -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
sql -e "CREATE DATABASE joomla CHARACTER SET utf8mb4; CREATE USER 'bayan'@'127.0.0.1' IDENTIFIED BY 'bayan'; GRANT SELECT ON joomla.* TO 'bayan'@'127.0.0.1';"
echo "== Generating $items K2 items in MariaDB on 127.0.0.1:$port"
start=$SECONDS
sql joomla <bench/import-k2/schema.sql
sed "s/@ITEMS@/$items/g" bench/import-k2/generate.sql | sql joomla
echo "   took $((SECONDS - start)) s; $(sql -N joomla -e 'SELECT COUNT(*) FROM jos_k2_comments') comments"

if [ -z "$published" ]; then
  echo "== Publishing Bayan (Release, as in production)"
  published="$work/bayan"
  dotnet publish src/Bayan.Web -c Release --ucr -o "$published" -nologo -v quiet -clp:ErrorsOnly
fi
echo "== Making a demo site"
site="$work/site"
dotnet "$published/Bayan.Web.dll" demo --data "$site" >"$work/demo.log"

echo "== Importing"
mysql_string="Server=127.0.0.1;Port=$port;Database=joomla;User ID=bayan;Password=bayan"
/usr/bin/time -v -o "$work/time.txt" dotnet "$published/Bayan.Web.dll" import k2 --mysql "$mysql_string" --prefix jos_ \
  --office health --data "$site" --Logging:LogLevel:Default=Error >"$work/import.log"
grep -E '^(Import finished|Posts|Comments|Categories)' "$work/import.log"
seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time.txt")
rss=$(awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$work/time.txt")
echo "K2 import of $items items into SQLite: ${seconds} s, $(awk -v n="$items" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') items/s, peak RSS ${rss} MB ($(nproc) cores, $(cd "$root" && git rev-parse --short HEAD))"
