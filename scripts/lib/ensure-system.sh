#!/usr/bin/env bash
# Saraban Flow: make this machine ready to build, test and run the project.
#
# Source it and call the functions, or execute it:
#   bash scripts/lib/ensure-system.sh          # everything (same as `all`)
#   bash scripts/lib/ensure-system.sh system   # Debian packages + PostgreSQL + Redis
#   bash scripts/lib/ensure-system.sh node     # Node dependencies only
#
# Everything is idempotent and checks before acting: nothing is installed or
# started when it is already there. Debian packages are installed only as root
# (apt-get update runs only when something is missing); PostgreSQL and Redis are
# started without systemd. Progress lines start with "[setup]".
#
# Environment honoured:
#   DATABASE_URL   where PostgreSQL is expected (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
#   REDIS_URL      where Redis is expected (default redis://127.0.0.1:6379)
#   SARABAN_SETUP_WAIT   seconds to wait for a service to become ready (default 60)
#   SARABAN_APT_LOCK_WAIT seconds to wait for another apt/dpkg to finish (default 600)

SARABAN_ROOT="${SARABAN_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
export SARABAN_ROOT

# Puppeteer must never try to download its own browser (no network for that);
# Debian's print engine is used instead: chromium-headless-shell (the PDFs), and the
# full chromium for the browser tests that drive the web interface as people do.
export PUPPETEER_SKIP_DOWNLOAD=true
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/lib/chromium/chromium-headless-shell}"
export BROWSER_PATH="${BROWSER_PATH:-/usr/bin/chromium}"

setup_log() { printf '[setup] %s\n' "$*" >&2; }
setup_die() {
  printf '[setup] ERROR: %s\n' "$*" >&2
  return 1
}

_setup_is_root() { [[ "$(id -u)" == "0" ]]; }

# ---------------------------------------------------------------------------
# Where the services are expected (parsed from DATABASE_URL / REDIS_URL)
# ---------------------------------------------------------------------------

# _setup_url_host_port URL DEFAULT_PORT -> prints "host port"
_setup_url_host_port() {
  local url="$1" default_port="$2" rest host port
  rest="${url#*://}"     # drop scheme
  rest="${rest%%/*}"     # drop path
  rest="${rest%%\?*}"    # drop query
  rest="${rest##*@}"     # drop credentials
  if [[ "$rest" =~ ^\[([^]]+)\](:([0-9]+))?$ ]]; then
    host="${BASH_REMATCH[1]}"
    port="${BASH_REMATCH[3]}"
  elif [[ "$rest" =~ ^([^:]*)(:([0-9]+))?$ ]]; then
    host="${BASH_REMATCH[1]}"
    port="${BASH_REMATCH[3]}"
  fi
  printf '%s %s\n' "${host:-127.0.0.1}" "${port:-$default_port}"
}

_setup_is_local_host() {
  case "$1" in
    127.* | localhost | ::1 | "") return 0 ;;
    *) return 1 ;;
  esac
}

_setup_service_targets() {
  local hp
  hp="$(_setup_url_host_port "${DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}" 5432)"
  SETUP_PG_HOST="${hp% *}"
  SETUP_PG_PORT="${hp#* }"
  hp="$(_setup_url_host_port "${REDIS_URL:-redis://127.0.0.1:6379}" 6379)"
  SETUP_REDIS_HOST="${hp% *}"
  SETUP_REDIS_PORT="${hp#* }"
}

# Plain TCP probe, used only before the client tools are installed.
_setup_tcp_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

setup_pg_reachable() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$SETUP_PG_HOST" -p "$SETUP_PG_PORT" -t 3 >/dev/null 2>&1
  else
    _setup_tcp_open "$SETUP_PG_HOST" "$SETUP_PG_PORT"
  fi
}

setup_redis_reachable() {
  if command -v redis-cli >/dev/null 2>&1; then
    [[ "$(redis-cli -h "$SETUP_REDIS_HOST" -p "$SETUP_REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]
  else
    _setup_tcp_open "$SETUP_REDIS_HOST" "$SETUP_REDIS_PORT"
  fi
}

# ---------------------------------------------------------------------------
# Debian packages
# ---------------------------------------------------------------------------

_setup_pkg_installed() {
  local pkg="$1" cmd
  if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == "install ok installed" ]]; then
    return 0
  fi
  # A command of the same name installed some other way is good enough.
  case "$pkg" in
    chromium) cmd=chromium ;;
    chromium-headless-shell) cmd=chromium-headless-shell ;;
    poppler-utils) cmd=pdffonts ;;
    qpdf) cmd=qpdf ;;
    openssl) cmd=openssl ;;
    postgresql-client) cmd=psql ;;
    redis-tools) cmd=redis-cli ;;
    redis-server) cmd=redis-server ;;
    *) return 1 ;;
  esac
  command -v "$cmd" >/dev/null 2>&1
}

# Runs an apt-get command; if another apt/dpkg holds a lock, waits and retries
# (DPkg::Lock::Timeout covers dpkg's lock; the lists/archives locks are covered
# by the retry loop).
_setup_apt() {
  local deadline out rc
  deadline=$((SECONDS + ${SARABAN_APT_LOCK_WAIT:-600}))
  out="$(mktemp)"
  while :; do
    {
      rc=0
      DEBIAN_FRONTEND=noninteractive apt-get -q \
        -o DPkg::Lock::Timeout="${SARABAN_APT_LOCK_WAIT:-600}" \
        -o Dpkg::Use-Pty=0 "$@" </dev/null || rc=$?
      echo "$rc" >"$out.rc"
    } 2>&1 | tee "$out" | sed 's/^/[setup]   /' >&2 || true
    rc="$(cat "$out.rc" 2>/dev/null || echo 1)"
    rm -f "$out.rc"
    if [[ "$rc" == "0" ]]; then
      rm -f "$out"
      return 0
    fi
    if grep -qiE 'could not get lock|unable to (acquire|lock)|is another process using it' "$out" &&
      ((SECONDS < deadline)); then
      setup_log "apt is busy (another apt-get/dpkg is running); waiting..."
      sleep 5
      continue
    fi
    rm -f "$out"
    return "$rc"
  done
}

# setup_ensure_packages PKG... : installs whichever of PKG are missing.
setup_ensure_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    _setup_pkg_installed "$pkg" || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    setup_die "missing system packages: ${missing[*]} (no apt-get here: install them with your package manager)"
    return 1
  fi
  if ! _setup_is_root; then
    setup_die "missing Debian packages: ${missing[*]}
[setup] run this as root, or install them first:
[setup]   sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
    return 1
  fi
  setup_log "installing Debian packages: ${missing[*]}"
  _setup_apt update || {
    setup_die "apt-get update failed"
    return 1
  }
  _setup_apt install -y --no-install-recommends "${missing[@]}" || {
    setup_die "apt-get install ${missing[*]} failed"
    return 1
  }
  setup_log "installed: ${missing[*]}"
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------

# Prints "version cluster" of the local cluster that should serve $SETUP_PG_PORT,
# creating one when PostgreSQL is installed but has no cluster.
_setup_pg_cluster() {
  local line ver
  if command -v pg_lsclusters >/dev/null 2>&1; then
    line="$(pg_lsclusters -h 2>/dev/null | awk -v p="$SETUP_PG_PORT" '$3 == p { print $1, $2; exit }')"
    if [[ -n "$line" ]]; then
      printf '%s\n' "$line"
      return 0
    fi
  fi
  # Fall back to the newest version's "main" cluster.
  # shellcheck disable=SC2012 # version directories: plain names
  ver="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$ver" && -d "/etc/postgresql/$ver/main" ]]; then
    printf '%s main\n' "$ver"
    return 0
  fi
  # shellcheck disable=SC2012 # version directories: plain names
  ver="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$ver" ]] && command -v pg_createcluster >/dev/null 2>&1; then
    setup_log "creating PostgreSQL cluster $ver/main on port $SETUP_PG_PORT"
    pg_createcluster --port "$SETUP_PG_PORT" "$ver" main >&2 || return 1
    printf '%s main\n' "$ver"
    return 0
  fi
  return 1
}

_setup_as_postgres() {
  if command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

setup_ensure_postgres() {
  local wait="${SARABAN_SETUP_WAIT:-60}" cluster ver name i logf
  _setup_service_targets
  if setup_pg_reachable; then
    setup_log "PostgreSQL is up at $SETUP_PG_HOST:$SETUP_PG_PORT"
  else
    if ! _setup_is_local_host "$SETUP_PG_HOST"; then
      setup_die "PostgreSQL at $SETUP_PG_HOST:$SETUP_PG_PORT (from DATABASE_URL) is not reachable"
      return 1
    fi
    if ! _setup_is_root; then
      setup_die "PostgreSQL is not running on $SETUP_PG_HOST:$SETUP_PG_PORT; start it as root, e.g.:
[setup]   sudo pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start"
      return 1
    fi
    setup_ensure_packages postgresql postgresql-client || return 1
    # The package's own scripts may have started it already.
    if ! setup_pg_reachable; then
      cluster="$(_setup_pg_cluster)" || {
        setup_die "no PostgreSQL cluster found in /etc/postgresql (is the postgresql package installed?)"
        return 1
      }
      ver="${cluster% *}"
      name="${cluster#* }"
      setup_log "starting PostgreSQL $ver/$name"
      install -d -m 2775 -o postgres -g postgres /var/run/postgresql 2>/dev/null || true
      pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start >&2 ||
        setup_log "pg_ctlcluster start returned non-zero; waiting for the server anyway"
      for ((i = 0; i < wait; i++)); do
        setup_pg_reachable && break
        sleep 1
      done
      if ! setup_pg_reachable; then
        logf="/var/log/postgresql/postgresql-$ver-$name.log"
        setup_die "PostgreSQL did not become ready on $SETUP_PG_HOST:$SETUP_PG_PORT within ${wait}s"
        [[ -r "$logf" ]] && tail -n 20 "$logf" | sed 's/^/[setup]   /' >&2
        return 1
      fi
    fi
    setup_log "PostgreSQL is up at $SETUP_PG_HOST:$SETUP_PG_PORT"
  fi
  _setup_pg_password
}

# Fresh Debian installs use scram for TCP connections: give the postgres role the
# password "postgres" so postgres://postgres:postgres@127.0.0.1:5432/... works
# (a trust setup ignores the password, so nothing is changed there).
_setup_pg_password() {
  local url err
  _setup_is_local_host "$SETUP_PG_HOST" || return 0
  command -v psql >/dev/null 2>&1 || return 0
  url="postgres://postgres:postgres@$SETUP_PG_HOST:$SETUP_PG_PORT/postgres"
  if err="$(psql "$url" -X -q -tA -c 'select 1' 2>&1 </dev/null)"; then
    return 0
  fi
  if ! grep -qiE 'password|authentication' <<<"$err"; then
    setup_log "warning: cannot connect as postgres/postgres: $err"
    return 0
  fi
  if ! _setup_is_root || ! id postgres >/dev/null 2>&1; then
    setup_log "warning: cannot log in as postgres/postgres; set the password with:"
    setup_log "  sudo -u postgres psql -c \"ALTER ROLE postgres PASSWORD 'postgres'\""
    return 0
  fi
  setup_log "setting the password of PostgreSQL role postgres to 'postgres'"
  (cd / && _setup_as_postgres psql -X -q -p "$SETUP_PG_PORT" -c "ALTER ROLE postgres WITH PASSWORD 'postgres'" </dev/null) >&2 || {
    setup_die "could not set the postgres role's password"
    return 1
  }
  psql "$url" -X -q -tA -c 'select 1' >/dev/null 2>&1 </dev/null ||
    setup_log "warning: still cannot log in as postgres/postgres over TCP (check pg_hba.conf)"
}

# ---------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------

setup_ensure_redis() {
  local wait="${SARABAN_SETUP_WAIT:-60}" i logf=/var/log/redis/saraban.log
  _setup_service_targets
  if setup_redis_reachable; then
    setup_log "Redis is up at $SETUP_REDIS_HOST:$SETUP_REDIS_PORT"
    return 0
  fi
  if ! _setup_is_local_host "$SETUP_REDIS_HOST"; then
    setup_die "Redis at $SETUP_REDIS_HOST:$SETUP_REDIS_PORT (from REDIS_URL) is not reachable"
    return 1
  fi
  if ! _setup_is_root; then
    setup_die "Redis is not running on $SETUP_REDIS_HOST:$SETUP_REDIS_PORT; start it, e.g.:
[setup]   redis-server --daemonize yes --bind 127.0.0.1 --port $SETUP_REDIS_PORT --save '' --appendonly no"
    return 1
  fi
  setup_ensure_packages redis-server redis-tools || return 1
  if ! setup_redis_reachable; then
    setup_log "starting Redis on port $SETUP_REDIS_PORT"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$SETUP_REDIS_PORT" \
      --save "" --appendonly no --dir /var/lib/redis --logfile "$logf" >&2 ||
      setup_log "redis-server returned non-zero; waiting for the server anyway"
    for ((i = 0; i < wait; i++)); do
      setup_redis_reachable && break
      sleep 1
    done
    if ! setup_redis_reachable; then
      setup_die "Redis did not become ready on $SETUP_REDIS_HOST:$SETUP_REDIS_PORT within ${wait}s"
      [[ -r "$logf" ]] && tail -n 20 "$logf" | sed 's/^/[setup]   /' >&2
      return 1
    fi
  fi
  setup_log "Redis is up at $SETUP_REDIS_HOST:$SETUP_REDIS_PORT"
}

# ---------------------------------------------------------------------------
# Everything outside node_modules
# ---------------------------------------------------------------------------

setup_ensure_system() {
  local pkgs=(chromium chromium-headless-shell fonts-tlwg-laksaman fonts-thai-tlwg poppler-utils qpdf openssl postgresql-client redis-tools)
  _setup_service_targets
  # Only install the servers when nothing answers where they are expected.
  if _setup_is_local_host "$SETUP_PG_HOST" && ! setup_pg_reachable; then
    pkgs+=(postgresql)
  fi
  if _setup_is_local_host "$SETUP_REDIS_HOST" && ! setup_redis_reachable; then
    pkgs+=(redis-server)
  fi
  setup_ensure_packages "${pkgs[@]}" || return 1
  setup_ensure_postgres || return 1
  setup_ensure_redis || return 1
}

# ---------------------------------------------------------------------------
# Node dependencies
# ---------------------------------------------------------------------------

setup_ensure_node_deps() {
  local stamp="node_modules/.saraban-installed" need=0 log
  (
    cd "$SARABAN_ROOT" || exit 1
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
      setup_die "node and npm are required (Node.js 20.19 or newer)"
      exit 1
    fi
    if [[ ! -f package.json ]]; then
      setup_die "no package.json in $SARABAN_ROOT"
      exit 1
    fi
    if [[ -f package-lock.json ]]; then
      if [[ ! -d node_modules ]]; then
        need=1
      elif [[ -f "$stamp" && ! package-lock.json -nt "$stamp" ]]; then
        need=0
      elif [[ -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
        # Installed by hand with npm since the lockfile last changed (npm's own
        # hidden lockfile is as new as it): adopt that instead of reinstalling.
        touch "$stamp"
      else
        need=1
      fi
      if ((need)); then
        setup_log "installing Node dependencies (npm ci)"
        log="$(mktemp)"
        if npm ci --no-audit --no-fund </dev/null >"$log" 2>&1; then
          grep -v 'config "nodedir"' "$log" >&2 || true
        elif grep -q 'can only install packages when your package.json and package-lock.json' "$log"; then
          # The registry reachable here lacks some other platforms' optional
          # packages (e.g. darwin/win32 builds), so lockfiles written here omit
          # them and npm ci refuses the lockfile. npm install keeps every locked
          # version and installs the same tree.
          setup_log "npm ci refused the lockfile ($(grep -c '^npm error Missing:' "$log") entries missing, usually other platforms' optional packages); using npm install with the same lockfile"
          npm install --no-audit --no-fund </dev/null >&2 || {
            rm -f "$log"
            setup_die "npm install failed"
            exit 1
          }
        else
          grep -v 'config "nodedir"' "$log" >&2 || true
          rm -f "$log"
          setup_die "npm ci failed"
          exit 1
        fi
        rm -f "$log"
        touch "$stamp"
      fi
    else
      if [[ ! -d node_modules || ! -f "$stamp" || package.json -nt "$stamp" ]]; then
        setup_log "installing Node dependencies (npm install; no package-lock.json)"
        npm install --no-audit --no-fund </dev/null >&2 || {
          setup_die "npm install failed"
          exit 1
        }
        touch "$stamp"
      fi
    fi
  )
}

# Everything.
setup_ensure_all() {
  setup_ensure_system || return 1
  setup_ensure_node_deps || return 1
  setup_log "ready"
}

# Default environment for tests, benchmarks and the demo; values already set win.
# $1: the database name to default to in DATABASE_URL.
setup_export_env() {
  local db="${1:-postgres}"
  export PUPPETEER_SKIP_DOWNLOAD=true
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/lib/chromium/chromium-headless-shell}"
  export BROWSER_PATH="${BROWSER_PATH:-/usr/bin/chromium}"
  export DATABASE_URL="${DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/$db}"
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-all}" in
    all) setup_ensure_all ;;
    system) setup_ensure_system ;;
    node) setup_ensure_node_deps ;;
    *)
      echo "usage: $0 [all|system|node]" >&2
      exit 2
      ;;
  esac
fi
