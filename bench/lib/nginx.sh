# nginx serving one file, the yardstick: what a static copy of a page costs on this machine.
# Sourced by bench/run.sh.

# start_nginx ROOT PORT WORK: serves the files of ROOT on 127.0.0.1:PORT; its config and logs go to WORK.
start_nginx() {
  local root=$1 port=$2 work=$3
  local nginx_bin
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$port;
    root $root;
    location / { default_type text/html; }
  }
}
CONF
  "$nginx_bin" -c "$work/nginx.conf" -g 'daemon off;' &
  remember_pid $!
  until [ "$(http_status "http://127.0.0.1:$port/")" != 000 ]; do sleep 0.05; done
}
