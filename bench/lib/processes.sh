# The processes the benchmark starts, remembered by pid so that only they are stopped, also when
# the run is interrupted. Sourced by bench/run.sh.

started_pids=()

# remember_pid PID: stop_started stops it at the end.
remember_pid() { started_pids+=("$1"); }

# Asks every process we started to stop, newest first; kills those still there after 10 s.
stop_started() {
  local pid i
  for ((i = ${#started_pids[@]} - 1; i >= 0; i--)); do kill "${started_pids[i]}" 2>/dev/null || true; done
  for pid in "${started_pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  started_pids=()
}

# free_port FROM: the first port from FROM on that nothing listens on at 127.0.0.1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# http_status URL: the status code of a GET (000 when nothing answers).
http_status() { curl -s -o /dev/null -w '%{http_code}' "$1" || true; }

# peak_memory_mb PID: the process's high-water mark of resident memory (VmHWM).
peak_memory_mb() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
