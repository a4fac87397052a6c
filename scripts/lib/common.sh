# Shared shell helpers for scripts/: Debian packages and a private PostgreSQL on loopback.
# shellcheck shell=bash

PFBOT_DEBIAN_PACKAGES=(libgit2-dev pkg-config libsqlite3-dev libsecp256k1-dev libcmark-gfm-dev libcmark-gfm-extensions-dev git make postgresql ca-certificates)

# Installs the Debian packages pfbot needs, and any named as arguments, when any is missing (as root, or through sudo).
ensure_packages() {
  local missing=()
  for package in "${PFBOT_DEBIAN_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: missing packages ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Starts a throwaway PostgreSQL on 127.0.0.1 in a temporary folder, exports PFBOT_TEST_POSTGRES_URL,
# and stops it when the calling script exits.
start_private_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$bin/initdb" ] || { echo "error: PostgreSQL server binaries not found under /usr/lib/postgresql; apt-get install postgresql" >&2; exit 1; }
  PFBOT_PG_DIR=$(mktemp -d /tmp/pfbot-pg.XXXXXX)
  local port=$((20000 + RANDOM % 20000))
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PFBOT_PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PFBOT_PG_DIR/data" -U pfbot -A trust --no-sync >"$PFBOT_PG_DIR/initdb.log" 2>&1 \
    || { cat "$PFBOT_PG_DIR/initdb.log" >&2; exit 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PFBOT_PG_DIR/data" -l "$PFBOT_PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PFBOT_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$PFBOT_PG_DIR/server.log" >&2; exit 1; }
  PFBOT_PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PFBOT_PG_DIR/data" -m fast -w stop)
  trap 'stop_private_postgres' EXIT
  export PFBOT_TEST_POSTGRES_URL="postgres://pfbot@127.0.0.1:$port/postgres?sslmode=disable"
  echo "==> private PostgreSQL on 127.0.0.1:$port ($PFBOT_PG_DIR)" >&2
}

stop_private_postgres() {
  [ -n "${PFBOT_PG_DIR:-}" ] || return 0
  "${PFBOT_PG_STOP[@]}" >/dev/null 2>&1 || true
  rm -rf "$PFBOT_PG_DIR"
}
