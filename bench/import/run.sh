#!/usr/bin/env bash
# Measures `bayan import wordpress` on a generated WXR file into a fresh SQLite site, while a Bayan server on the
# same data folder answers pages: posts per second, wall time and peak memory of the import, and the rate and
# latency of a page served meanwhile. Prints one summary and saves it under bench/results/. See bench/README.md.
#   bench/import/run.sh [--posts 10000] [--data DIR] [--commit REV | --built DIR] [--window 5] [--connections 16] [--pause 10]
set -euo pipefail

posts=10000 keep="" commit="" built="" window=5 connections=16 pause=10
while [ $# -gt 0 ]; do
  case "$1" in
    --posts) posts=$2; shift 2 ;;
    --data) keep=$(realpath -m "$2"); shift 2 ;;
    --commit) commit=$2; shift 2 ;;
    --built) built=$(realpath "$2"); shift 2 ;;
    --window) window=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --pause) pause=$2; shift 2 ;;
    *) echo "bench/import/run.sh: unknown option $1 (see the first lines of this script)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/../.."
for lib in processes wrk; do source "bench/lib/$lib.sh"; done
command -v wrk >/dev/null || { echo "bench/import/run.sh: wrk is missing (bench/run.sh installs it)" >&2; exit 1; }

work=$(mktemp -d)
cleanup() {
  stop_started
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The generated file (and its uploads folder) is kept in --data between runs: 100,000 posts take a few minutes.
files=${keep:-$work/files}
wxr=$files/wxr-$posts.xml uploads=$files/uploads-$posts
mkdir -p "$files"
if [ ! -f "$wxr" ]; then
  echo "== Generating a WXR file of $posts posts"
  python3 bench/import/generate-wxr.py "$posts" "$wxr.part" "$uploads"
  mv "$wxr.part" "$wxr"
fi
echo "   $(du -m "$wxr" | cut -f1) MB, $(grep -c '<wp:post_type><!\[CDATA\[post\]\]>' "$wxr") posts"

# Built as README.md says to run it in production; --commit builds another commit (the "before" of a change),
# --built takes a folder published before (dotnet publish src/Bayan.Web -c Release --ucr -o DIR).
label=$(git rev-parse --short "${commit:-HEAD}")
if [ -n "$built" ]; then
  bayan_dll=$built/Bayan.Web.dll
  label="$label (published in $(basename "$built"))"
else
  echo "== Building ${commit:-this tree} (Release)"
  source_dir=.
  if [ -n "$commit" ]; then
    source_dir=$work/source
    mkdir -p "$source_dir"
    git archive "$commit" | tar -x -C "$source_dir"
  fi
  nice dotnet publish "$source_dir/src/Bayan.Web" -c Release --ucr -o "$work/bayan" -nologo -v quiet -clp:ErrorsOnly
  bayan_dll=$work/bayan/Bayan.Web.dll
fi

# A fresh site: the demo's offices, languages and 64 releases, on SQLite.
site_data=$work/site
mkdir -p "$site_data"
dotnet "$bayan_dll" --data "$site_data" demo >/dev/null

port=$(free_port 59000)
(
  export Logging__LogLevel__Default=Warning
  exec dotnet "$bayan_dll" --data "$site_data" --urls "http://127.0.0.1:$port"
) >"$work/server.log" 2>&1 &
server=$!
remember_pid "$server"
until [ "$(http_status "http://127.0.0.1:$port/health")" = 200 ]; do
  kill -0 "$server" 2>/dev/null || { tail -n 30 "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
page=http://127.0.0.1:$port/ar/
measure "$page" "$connections" 3 >/dev/null
before=$(measure "$page" "$connections" "$window")

echo "== Importing (bayan import wordpress, beside the server on the same data folder)"
start_ns=$(date +%s%N)
dotnet "$bayan_dll" --data "$site_data" import wordpress "$wxr" --office health --uploads "$uploads" \
  --Logging:LogLevel:Default Error --Logging:LogLevel:Microsoft.EntityFrameworkCore Error >"$work/import.log" 2>&1 &
importer=$!
remember_pid "$importer"
peak=0
(
  # The importer's high-water mark of resident memory, read every second while it runs.
  while kill -0 "$importer" 2>/dev/null; do
    awk '/VmHWM/ { print $2 }' "/proc/$importer/status" 2>/dev/null || true
    sleep 1
  done
) >"$work/memory.txt" &
sampler=$!
# The page while importing: a short wrk run every --pause seconds until the import ends (wrk at full speed all the
# time would take most of the 2 cores from the importer: readers are not that many).
: >"$work/during.txt"
while kill -0 "$importer" 2>/dev/null; do
  result=$(measure "$page" "$connections" "$window")
  kill -0 "$importer" 2>/dev/null && echo "$result" >>"$work/during.txt"
  printf '   %s: page %s/s, p50 %s ms, p99 %s ms\n' "$(tr '\r' '\n' <"$work/import.log" | grep -v '^\s*$' | tail -n 1 | cut -c1-60)" \
    "$(cut -f1 <<<"$result")" "$(cut -f2 <<<"$result")" "$(cut -f3 <<<"$result")"
  for _ in $(seq "$pause"); do kill -0 "$importer" 2>/dev/null && sleep 1; done
done
status=0
wait "$importer" || status=$?
end_ns=$(date +%s%N)
wait "$sampler" || true
peak=$(sort -n "$work/memory.txt" | tail -n 1)
if [ "$status" != 0 ]; then
  echo "bench/import/run.sh: the import failed ($status):" >&2
  tail -n 30 "$work/import.log" >&2
  exit 1
fi
seconds=$(awk -v ns=$((end_ns - start_ns)) 'BEGIN { printf "%.1f", ns / 1e9 }')
published=$(curl -fs "http://127.0.0.1:$port/api/v1/releases?limit=1" >/dev/null && echo ok || echo "?")

report=$work/report.txt
{
  echo ""
  echo "Import of $posts generated WordPress posts ($(du -m "$wxr" | cut -f1) MB WXR) into SQLite, Bayan $label; $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)); a server on the same data folder, wrk 2 threads, $connections connections, ${window} s runs on /ar/ every ${pause} s"
  echo ""
  printf '%-34s %s\n' "wall time (start to exit)" "$seconds s"
  printf '%-34s %s\n' "posts per second" "$(awk -v n="$posts" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')"
  printf '%-34s %s\n' "peak memory of the import (VmHWM)" "$((peak / 1024)) MB"
  printf '%-34s %s\n' "page before the import" "$(awk -F'\t' '{ printf "%s/s, p50 %s ms, p99 %s ms, %s", $1, $2, $3, $4 }' <<<"$before")"
  printf '%-34s %s\n' "page during the import" "$(awk -F'\t' '
    { n++; rps += $1; if ($3 > worst) worst = $3; if ($4 != "ok") bad++; p50[n] = $2 }
    END { if (n == 0) { print "(the import ended before a run finished)"; exit }
          printf "%d runs: %.0f/s on average, p50 of the first %s ms, worst p99 %s ms, %s", n, rps / n, p50[1], worst, bad ? bad " runs with failures" : "all ok" }' "$work/during.txt")"
  echo ""
  echo "The import's report:"
  # The first 40 lines (sed reads to the end: head would stop the pipe early, and pipefail end the script here).
  tr '\r' '\n' <"$work/import.log" | grep -v '^\s*$' | grep -v '^[A-Za-z]* *\[' | sed -n '1,40s/^/  /p'
} | tee "$report"
mkdir -p bench/results
cp "$report" "bench/results/import-$posts-$(date -u +%Y%m%d-%H%M)-${label%% *}.txt"
