# The table the benchmark prints, kept in a file as it grows so it can be printed and saved at
# the end. Sourced by bench/run.sh, which sets report (the file).

# Names are ASCII: printf pads by bytes, so Arabic in a name would break the columns.
table_header() {
  printf '%-42s %5s %11s %9s %9s %8s  %s\n' "target" "conn" "requests/s" "p50 ms" "p99 ms" "x nginx" "check" | tee -a "$report"
}

# table_row NAME CONNECTIONS MEASUREMENT(tab-separated, from measure) NGINX_RPS
table_row() {
  local name=$1 conn=$2 rps p50 p99 check ratio
  IFS=$'\t' read -r rps p50 p99 check <<<"$3"
  ratio=$(awk -v a="$rps" -v b="$4" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
  printf '%-42s %5s %11s %9s %9s %8s  %s\n' "$name" "$conn" "$rps" "$p50" "$p99" "$ratio" "$check" | tee -a "$report"
}

report_line() { echo "$*" | tee -a "$report"; }
