#!/usr/bin/env bash
# Measures Bayan on loopback with wrk, in the same run as nginx serving the very same release
# page as a static file. Installs wrk and nginx from Debian's packages when missing.
#   bench/run.sh [--releases 10000] [--duration 10] [--connections 64]
set -euo pipefail
cd "$(dirname "$0")/.."

releases=10000 duration=10 connections=64
while [ $# -gt 0 ]; do
  case "$1" in
    --releases) releases=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
chmod 755 "$work"
bayan_pid="" nginx_pid=""
cleanup() {
  [ -n "$bayan_pid" ] && kill "$bayan_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { local p=$1; while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }

echo "== Building (Release)"
dotnet build src/Bayan.Web -c Release -nologo -v quiet -clp:ErrorsOnly
bayan=(dotnet src/Bayan.Web/bin/Release/net10.0/Bayan.Web.dll --data "$work/data")

echo "== Generating a site of $releases synthetic releases (plus the demo's 64)"
start=$(date +%s)
"${bayan[@]}" demo --releases "$releases" | tail -n 1
echo "   took $(( $(date +%s) - start )) s"

port=$(free_port 5400)
base="http://127.0.0.1:$port"
start_ns=$(date +%s%N)
Logging__LogLevel__Default=Warning "${bayan[@]}" --urls "$base" >"$work/bayan.log" 2>&1 &
bayan_pid=$!
until curl -fs -o /dev/null "$base/health"; do sleep 0.02; done
first_answer_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

curl -fs "$base/en/" -o "$work/home.html"
release=$(grep -o 'href="/en/[a-z]*/[0-9]*/[^"]*"' "$work/home.html" | awk 'NR == 1 { gsub(/^href="|"$/, ""); print }')
office=$(echo "$release" | cut -d/ -f3)
targets=("release page|$release" "home page|/en/" "office listing|/en/$office/")
for optional in "Atom feed|/en/feed.atom" "search|/en/search?q=%D8%A7%D9%84%D8%B5%D8%AD%D8%A9"; do
  path=${optional#*|}
  if curl -fs -o /dev/null "$base$path"; then targets+=("$optional"); else echo "   (${optional%%|*} not available yet: skipped)"; fi
done

# nginx serves the same bytes of the release page as a static file.
mkdir -p "$work/www"
curl -fs "$base$release" -o "$work/www/release.html"
nginx_port=$(free_port $((port + 1)))
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location / { default_type text/html; }
  }
}
CONF
"$nginx_bin" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/release.html"; do sleep 0.05; done

measure() { # url -> "rps p50 p99" (latencies in ms)
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$1" 2>/dev/null | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f", rps, p50, p99 }'
}

echo "== Measuring: wrk, 2 threads, $connections connections, ${duration}s each, on 127.0.0.1"
read -r nginx_rps nginx_p50 nginx_p99 <<<"$(measure "http://127.0.0.1:$nginx_port/release.html")"
printf '\n%-34s %12s %10s %10s %14s\n' "target" "requests/s" "p50 ms" "p99 ms" "x nginx static"
printf '%-34s %12s %10s %10s %14s\n' "nginx static (same release bytes)" "$nginx_rps" "$nginx_p50" "$nginx_p99" "1.00"
for target in "${targets[@]}"; do
  name=${target%%|*} path=${target#*|}
  read -r rps p50 p99 <<<"$(measure "$base$path")"
  printf '%-34s %12s %10s %10s %14s\n' "Bayan $name" "$rps" "$p50" "$p99" "$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }')"
done
peak_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$bayan_pid/status")
printf '\nBayan peak memory (VmHWM): %d MB\n' $((peak_kb / 1024))
printf 'Start to first answered request: %d ms\n' "$first_answer_ms"
echo "Output cache on/off and publish-to-visible time: not measured yet (no output cache exists yet)."
