#!/usr/bin/env bash
# Measures Bayan on loopback with wrk, with its output cache on and off, in the same run as nginx
# serving the very same release page as a static file; then times publish-to-visible through the
# back office. Installs wrk, nginx (and PostgreSQL when asked) from Debian's packages when missing.
# Prints one table and saves it under bench/results/. See bench/README.md.
#   bench/run.sh [--releases 10000] [--duration 10] [--connections 64] [--search-connections 16]
#                [--postgres] [--data DIR] [--publishes 5] [--warmup 10]
set -euo pipefail

releases=10000 duration=10 connections=64 search_connections=16 postgres=0 keep="" publishes=5 warmup=10
while [ $# -gt 0 ]; do
  case "$1" in
    --releases) releases=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --search-connections) search_connections=$2; shift 2 ;;
    --postgres) postgres=1; shift ;;
    --data) keep=$(realpath -m "$2"); shift 2 ;;
    --publishes) publishes=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    *) echo "bench/run.sh: unknown option $1 (see the first lines of this script)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
for lib in packages processes postgres bayan nginx wrk report; do source "bench/lib/$lib.sh"; done

install_missing_packages "$postgres"

work=$(mktemp -d)
chmod 755 "$work"
cleanup() {
  stop_started
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Where the site lives: a folder kept between runs (--data), one sub-folder per database, or a
# temporary one.
database=SQLite
site_root=${keep:-$work/site}
[ -n "$keep" ] && site_root=$keep/$([ "$postgres" = 1 ] && echo postgres || echo sqlite)
site_data=$site_root/data
db_args=()
mkdir -p "$site_data"
if [ "$postgres" = 1 ]; then
  pg_start "$site_root/cluster" "$work/pg"
  database="PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }')"
  db_args=(--db-provider postgres --db "$(pg_connection_string)")
  echo "== PostgreSQL on 127.0.0.1:$pg_port"
fi

echo "== Building (Release)"
build_bayan
generate_site "$releases" "$site_root/releases"

# Two Bayan processes on the same database, output cache on and off, started one after the other
# so that each start is timed alone. Measurements alternate between them, so both meet the same
# moments of a shared machine.
port_on=$(free_port 5400)
start_bayan "$port_on" true "$work/bayan-cache-on.log"
pid_on=$started_pid start_on_ms=$first_answer_ms
port_off=$(free_port $((port_on + 1)))
start_bayan "$port_off" false "$work/bayan-cache-off.log"
pid_off=$started_pid start_off_ms=$first_answer_ms
on="http://127.0.0.1:$port_on" off="http://127.0.0.1:$port_off"

# The newest release on the Arabic home page, and its office.
home=$(curl -fs "$on/ar/")
release=$(grep -o 'href="/ar/[^/"]*/[0-9]*/[^"]*"' <<<"$home" | awk 'NR == 1 { gsub(/^href="|"$/, ""); print }')
office=$(cut -d/ -f3 <<<"$release")
[ -n "$release" ] || { echo "bench/run.sh: no release on the home page /ar/" >&2; exit 1; }

# Queries for words in about one synthetic release in nine: مستشفى (hospital) and desalination.
search_ar="%D9%85%D8%B3%D8%AA%D8%B4%D9%81%D9%89" search_en="desalination"
targets=(
  "release page|$release|$connections"
  "home page|/ar/|$connections"
  "office listing|/ar/$office/|$connections"
  "Atom feed|/ar/feed.atom|$connections"
  "search, Arabic word|/ar/search?q=$search_ar|$connections $search_connections"
  "search, English word|/en/search?q=$search_en|$connections $search_connections"
)

# The JSON API: a list of 20 releases (the first page, as a client reads it), and the same release as the
# page above with all its versions. Measured against nginx serving the same JSON bytes.
release_id=$(cut -d/ -f4 <<<"$release")
api_targets=(
  "API release list, 20|/api/v1/releases?language=ar&limit=20|api-list.json"
  "API one release|/api/v1/releases/$release_id|api-release.json"
)

# nginx serves the same bytes of the release page (and of the API's answers) as static files.
mkdir -p "$work/www"
curl -fs "$on$release" -o "$work/www/release.html"
for target in "${api_targets[@]}"; do
  IFS='|' read -r _ path file <<<"$target"
  curl -fs "$on$path" -o "$work/www/$file"
done
nginx_port=$(free_port $((port_off + 1)))
start_nginx "$work/www" "$nginx_port" "$work"

# One request per target and process before measuring: fills the cache, and shows what does not answer 200.
for target in "${targets[@]}" "${api_targets[@]}"; do
  IFS='|' read -r name path _ <<<"$target"
  for base in "$on" "$off"; do
    status=$(http_status "$base$path")
    [ "$status" = 200 ] || echo "   warning: $name ($base$path) answers $status; its rows will be flagged"
  done
done

# Unmeasured load first, on every target of both processes: .NET compiles a hot method again, optimised
# with what it saw it do (tiered PGO), only after some seconds of traffic. Without this the first row of a
# page measured that compiling: a release page without the cache served 4,000/s in its first 10 s after a
# start and 18,000/s in the next 10 s. Start to first answer is reported on its own below the table.
if [ "$warmup" -gt 0 ]; then
  echo "== Warming up: ${warmup} s of load on each target of both processes, not measured"
  for target in "${targets[@]}" "${api_targets[@]}"; do
    IFS='|' read -r _ path _ <<<"$target"
    for base in "$on" "$off"; do measure "$base$path" "$connections" "$warmup" >/dev/null; done
  done
  measure "$off" "$search_connections" "$warmup" bench/lib/search-queries.lua >/dev/null
fi

report=$work/report.txt
: >"$report"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
report_line ""
report_line "Bayan $commit on $database, $releases synthetic releases plus the demo's 64; $(date -u '+%Y-%m-%d %H:%M UTC')"
report_line "$(nproc) cores ($cpu); wrk 2 threads, ${duration} s per row after ${warmup} s of unmeasured load per target, everything on 127.0.0.1"
report_line ""
table_header

declare -A nginx_rps
for conn in $(printf '%s\n' "$connections" "$search_connections" | sort -nu); do
  result=$(measure "http://127.0.0.1:$nginx_port/release.html" "$conn" "$duration")
  nginx_rps[$conn]=$(cut -f1 <<<"$result")
  table_row "nginx static (same release page bytes)" "$conn" "$result" "${nginx_rps[$conn]}"
done
for target in "${targets[@]}"; do
  IFS='|' read -r name path conns <<<"$target"
  for conn in $conns; do
    table_row "Bayan $name (cache on)" "$conn" "$(measure "$on$path" "$conn" "$duration")" "${nginx_rps[$conn]}"
    table_row "Bayan $name (cache off)" "$conn" "$(measure "$off$path" "$conn" "$duration")" "${nginx_rps[$conn]}"
  done
done
# The API, each against nginx serving its own answer's bytes.
for target in "${api_targets[@]}"; do
  IFS='|' read -r name path file <<<"$target"
  result=$(measure "http://127.0.0.1:$nginx_port/$file" "$connections" "$duration")
  static_rps=$(cut -f1 <<<"$result")
  table_row "nginx static ($file, same bytes)" "$connections" "$result" "$static_rps"
  table_row "Bayan $name (cache on)" "$connections" "$(measure "$on$path" "$connections" "$duration")" "$static_rps"
  table_row "Bayan $name (cache off)" "$connections" "$(measure "$off$path" "$connections" "$duration")" "$static_rps"
done
# Readers type many different queries: the cache answers few of them, so this row has the cache off.
table_row "Bayan search, 24 queries (cache off)" "$search_connections" \
  "$(measure "$off" "$search_connections" "$duration" bench/lib/search-queries.lua)" "${nginx_rps[$search_connections]}"

echo "== Publishing $publishes releases through the back office (cache on) and timing until readers see them"
probe=$(dotnet bench/PublishProbe/bin/Release/net10.0/PublishProbe.dll --site "$on" --publishes "$publishes" 2>&1) || true

report_line ""
report_line "Release page: ${release%/*}/... ($(wc -c <"$work/www/release.html") bytes); office listing: /ar/$office/"
report_line "API: /api/v1/releases?language=ar&limit=20 and /api/v1/releases/$release_id; each compared with nginx serving its JSON"
report_line "Searches: Arabic q=مستشفى (hospital), English q=desalination; each in about 1 of 9 synthetic releases"
report_line "24 queries: each request the next of bench/lib/search-queries.lua (common and rare words, phrases, filters, page 2)"
report_line "Bayan peak memory (VmHWM): $(peak_memory_mb "$pid_on") MB cache on, $(peak_memory_mb "$pid_off") MB cache off"
report_line "Start to first answered request: $start_on_ms ms cache on, $start_off_ms ms cache off"
report_line "$probe"

mkdir -p bench/results
saved="bench/results/$(date '+%Y-%m-%d-%H%M%S')-$([ "$postgres" = 1 ] && echo postgres || echo sqlite)-$releases.txt"
cp "$report" "$saved"
echo
echo "== Results (saved in $saved)"
cat "$report"
