# Shared helpers for the project's shell scripts. Sourced, never run.
# Every port and path here can be overridden from the environment; the defaults match config/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# V8 keeps compiled code here, so a restarted GoChat process is serving sooner.
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-$ROOT/.stack/compile-cache}"
STACK_DIR="${GOCHAT_STACK_DIR:-$ROOT/.stack}"
STACK_HOST="127.0.0.1"

MYSQL_PORT="${MYSQL_PORT:-3306}"
MYSQL_USER="${MYSQL_USER:-gochat}"
MYSQL_PASSWORD="${MYSQL_PASSWORD:-gochat}"
MYSQL_DATABASE="${MYSQL_DATABASE:-gochat}"
REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_CLUSTER_PORT="${REDIS_CLUSTER_PORT:-7001}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_CLUSTER_PORT="${KAFKA_CLUSTER_PORT:-9192}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"

log() { printf '\033[1;34m[stack]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[stack] error:\033[0m %s\n' "$*" >&2; exit 1; }

# port_open PORT: true when something accepts TCP connections on loopback PORT.
port_open() { (exec 3<>"/dev/tcp/$STACK_HOST/$1") 2>/dev/null; }

# pid_alive FILE: true when FILE holds the pid of a running process.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# wait_until SECONDS DESCRIPTION COMMAND...: retries COMMAND every half second.
wait_until() {
  local timeout="$1" what="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
  log "$what is up"
}

# stop_pidfile NAME FILE: stops the process we started (TERM, then KILL after 20 s).
stop_pidfile() {
  local name="$1" file="$2"
  if ! pid_alive "$file"; then rm -f "$file"; log "$name: not running"; return 0; fi
  local pid; pid="$(cat "$file")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  rm -f "$file"
  log "$name: stopped"
}

apt_install() {
  log "installing Debian packages: $*"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    sudo apt-get update -qq >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}
