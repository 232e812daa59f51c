# One wrk measurement, reduced to the figures of the table. Sourced by bench/run.sh.

# measure URL CONNECTIONS DURATION_S [SCRIPT] -> one tab-separated line: requests/s p50_ms p99_ms check
#   SCRIPT: a wrk Lua script that writes the requests (e.g. search-queries.lua), URL then gives only the server;
#   requests/s counts only answers in 2xx or 3xx: wrk counts the others too, so they are taken out;
#   check is "ok", or says how many answers failed (status 4xx/5xx, or socket errors and timeouts).
# Requests slower than 10 s count as timeouts (wrk leaves them out of its latencies, so they are flagged).
measure() {
  wrk -t2 -c"$2" -d"${3}s" --timeout 10s --latency ${4:+-s "$4"} "$1" 2>&1 | awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0
      if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v
    }
    / requests in / { total = $1 }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses/ { failed = $NF }
    /Socket errors/ { gsub(/,/, ""); sockets = $4 + $6 + $8 + $10 }
    END {
      if (total == 0) { printf "0\t-\t-\tNO ANSWER finished within the run\n"; exit }
      ok = rps * (total - failed) / total
      check = "ok"
      if (failed > 0) check = sprintf("FAILED %d of %d (non-2xx)", failed, total)
      if (sockets > 0) check = (check == "ok" ? "" : check "; ") sprintf("%d socket errors/timeouts", sockets)
      printf "%.0f\t%.2f\t%.2f\t%s\n", ok, p50, p99, check
    }'
}
