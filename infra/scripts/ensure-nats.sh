#!/usr/bin/env bash
# Makes sure a nats-server with JetStream answers on 127.0.0.1:4222.
#
#   1. something answers on the port -> check that its INFO line says "jetstream":true, done
#   2. nats-server is installed       -> start it in the background (start-stop-daemon)
#   3. not installed, running as root -> apt-get install -y nats-server, then 2.
#   4. otherwise                      -> say what is missing, exit 1
#
# Environment:
#   NATS_PORT (default 4222), NATS_MONITOR_PORT (default 8222, HTTP monitoring: /varz, /jsz)
#   NATS_STORE_DIR  JetStream store (default /var/lib/nats-server as root, else $GOVDISC_CACHE/nats)
#   NATS_LOG        log file (default /var/log/nats-server.log as root, else $GOVDISC_RUN/nats-server.log)
# Debian 12 ships nats-server 2.9.10: JetStream works; 2.10+ server features do not exist there.
set -euo pipefail
GOVDISC_LOG_TAG=nats
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NATS_HOST=127.0.0.1
NATS_PORT="${NATS_PORT:-4222}"
NATS_MONITOR_PORT="${NATS_MONITOR_PORT:-8222}"
NATS_BIN=/usr/sbin/nats-server
if is_root; then
  NATS_STORE_DIR="${NATS_STORE_DIR:-/var/lib/nats-server}"
  NATS_LOG="${NATS_LOG:-/var/log/nats-server.log}"
else
  NATS_STORE_DIR="${NATS_STORE_DIR:-$CACHE/nats}"
  NATS_LOG="${NATS_LOG:-$RUN/nats-server.log}"
fi
NATS_PIDFILE="$RUN/nats-server-$NATS_PORT.pid"

# Prints the server's INFO line (sent to every client on connect), or fails.
nats_info() {
  local line=""
  exec 3<>"/dev/tcp/$NATS_HOST/$NATS_PORT" || return 1
  IFS= read -r -t 3 line <&3 || true
  exec 3<&- 3>&-
  [[ "$line" == INFO* ]] || return 1
  printf '%s\n' "$line"
}

check_running() {
  local info
  info="$(nats_info 2>/dev/null)" || return 1
  if [[ "$info" =~ \"jetstream\":true ]]; then
    local ver=""
    [[ "$info" =~ \"version\":\"([^\"]+)\" ]] && ver="${BASH_REMATCH[1]}"
    log "nats-server ${ver:-?} with JetStream answers on $NATS_HOST:$NATS_PORT"
    return 0
  fi
  die "a NATS server answers on $NATS_HOST:$NATS_PORT but JetStream is off (restart it with -js)"
}

main() {
  local i
  check_running && return 0
  if port_in_use "$NATS_PORT"; then
    die "port $NATS_PORT is in use but does not speak NATS"
  fi
  if [[ ! -x "$NATS_BIN" ]]; then
    if is_root; then
      log "nats-server not installed; installing Debian's nats-server package"
      apt_install nats-server
    else
      die "nats-server is not installed and nothing answers on $NATS_HOST:$NATS_PORT. As root run: apt-get install -y nats-server, then re-run this script"
    fi
  fi
  need_cmd start-stop-daemon dpkg
  mkdirs
  mkdir -p "$NATS_STORE_DIR" "$(dirname "$NATS_LOG")"
  log "starting nats-server on $NATS_HOST:$NATS_PORT (JetStream store $NATS_STORE_DIR, monitoring :$NATS_MONITOR_PORT, log $NATS_LOG)"
  start-stop-daemon --start --oknodo --background --make-pidfile --pidfile "$NATS_PIDFILE" \
    --exec "$NATS_BIN" -- -a "$NATS_HOST" -p "$NATS_PORT" -js -sd "$NATS_STORE_DIR" \
    -l "$NATS_LOG" -m "$NATS_MONITOR_PORT" >&2
  for (( i = 0; i < 20; i++ )); do
    if nats_info >/dev/null 2>&1; then
      check_running
      return 0
    fi
    sleep 1
  done
  [[ -r "$NATS_LOG" ]] && { log "last lines of $NATS_LOG:"; tail -n 20 "$NATS_LOG" >&2; }
  die "nats-server did not answer on $NATS_HOST:$NATS_PORT within 20s"
}

main "$@"
