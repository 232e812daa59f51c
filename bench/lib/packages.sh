# Installs the Debian packages the benchmark needs, when missing.
# Sourced by bench/run.sh.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "bench/run.sh: '$*' needs root (or sudo) to install what the benchmark needs" >&2; return 1; fi
}

# install_missing_packages WITH_POSTGRES(0|1)
install_missing_packages() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ "$1" = 1 ]; then ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql); fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== Installing ${missing[*]} (Debian packages)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
