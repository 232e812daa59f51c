# Building, generating and serving Bayan for the benchmark. Sourced by bench/run.sh, which sets
# site_data (Bayan's data folder), and db_args (the database switches; empty for SQLite).

# Bayan is measured as it is run in production (README.md): published, compiled ahead of time.
# Sets bayan_dll.
build_bayan() {
  dotnet publish src/Bayan.Web -c Release --ucr -o "$work/bayan" -nologo -v quiet -clp:ErrorsOnly
  dotnet build bench/PublishProbe -c Release -nologo -v quiet -clp:ErrorsOnly
  bayan_dll=$work/bayan/Bayan.Web.dll
}

bayan() { dotnet "$bayan_dll" --data "$site_data" "${db_args[@]}" "$@"; }

# generate_site RELEASES MARKER: `bayan demo --releases N`, with its progress bar, unless MARKER
# says a kept folder holds exactly that site. The marker is written last, so an interrupted
# generation is never taken for a finished one.
generate_site() {
  local releases=$1 marker=$2
  if [ -f "$marker" ]; then
    if [ "$(cat "$marker")" = "$releases" ]; then
      echo "== Reusing the site of $releases synthetic releases kept in $(dirname "$marker")"
      return
    fi
    echo "bench/run.sh: $(dirname "$marker") holds a site of $(cat "$marker") releases, not $releases; use another --data folder" >&2
    return 1
  fi
  if [ -n "$(ls -A "$site_data" 2>/dev/null)" ]; then
    echo "bench/run.sh: $site_data holds an unfinished or foreign site; delete it or use another --data folder" >&2
    return 1
  fi
  echo "== Generating a site of $releases synthetic releases (plus the demo's 64)"
  local start=$SECONDS
  bayan demo --releases "$releases"
  echo "$releases" >"$marker"
  echo "   took $((SECONDS - start)) s"
}

# start_bayan PORT CACHE(true|false) LOG: serves on 127.0.0.1:PORT and waits for its first answer.
# Sets started_pid and first_answer_ms (from the start of the process to the first answered request).
# The search limit per address is lifted: wrk asks from one address, far faster than any reader.
start_bayan() {
  local port=$1 cache=$2 log=$3
  local start_ns
  start_ns=$(date +%s%N)
  # exec: the background job becomes the dotnet process itself, so its pid is Bayan's own.
  (
    export Logging__LogLevel__Default=Warning Bayan__OutputCache__Enabled=$cache Bayan__Search__PerAddress=100000000
    exec dotnet "$bayan_dll" --data "$site_data" "${db_args[@]}" --urls "http://127.0.0.1:$port"
  ) >"$log" 2>&1 &
  started_pid=$!
  remember_pid "$started_pid"
  until [ "$(http_status "http://127.0.0.1:$port/health")" = 200 ]; do
    if ! kill -0 "$started_pid" 2>/dev/null; then
      echo "bench/run.sh: Bayan stopped before answering; its log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 0.01
  done
  first_answer_ms=$((($(date +%s%N) - start_ns) / 1000000))
}
