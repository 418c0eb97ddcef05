#!/usr/bin/env bash
# Local Keycloak (Quarkus distribution, dev mode, embedded H2 file DB) without Docker.
#
# Usage: keycloak.sh {fetch|start|stop|status|url}
#   fetch   download keycloak-quarkus-dist from Maven Central (once) and unpack it
#   start   fetch if needed, copy infra/keycloak/*.json into data/import/, start-dev --import-realm
#           in the background, wait until the realms answer, print URL
#   stop    SIGTERM, wait up to 30 s, then SIGKILL
#   status  exit 0 when Keycloak answers (and the govdisc realm, when its file is present)
#   url     print the URL
#
# Realm files are imported only into an empty database (Keycloak skips realms that exist). The
# script remembers a checksum of the imported files and wipes the dev database (data/h2) when they
# change, so an edited realm-govdisc.json takes effect at the next start. A Keycloak already running
# with older realm files (e.g. a cached install on a CI machine) is restarted by `start` so it
# re-imports them. KEYCLOAK_RESET=1 forces a wipe (all users/sessions created at run time are lost).
#
# Environment:
#   KEYCLOAK_VERSION    default 26.7.3
#   KEYCLOAK_PORT       default 8180 (bound to 127.0.0.1 only)
#   KEYCLOAK_JAVA_HOME  default: a Java 17..21 found on the machine (Keycloak 26.7 runs on 17)
#   KEYCLOAK_HEAP       default "-Xms64m -Xmx768m"
#   KEYCLOAK_START_TIMEOUT  seconds, default 240
#   KEYCLOAK_REALM_DIR  default <repo>/infra/keycloak
#   KEYCLOAK_RESET      1 = wipe the dev database before starting
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD  master admin, default admin/admin
set -euo pipefail
GOVDISC_LOG_TAG=keycloak
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KC_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
KC_PORT="${KEYCLOAK_PORT:-8180}"
KC_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-240}"
KC_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx768m}"
KC_REALM_DIR="${KEYCLOAK_REALM_DIR:-$GOVDISC_INFRA_DIR/keycloak}"
KC_URL="http://127.0.0.1:$KC_PORT"
KC_HOME="$CACHE/keycloak-$KC_VERSION"
KC_COORD="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
KC_PIDFILE="$RUN/keycloak.pid"
KC_PGIDFILE="$RUN/keycloak.pgid"
KC_LOG="$RUN/keycloak.log"
KC_PID_PATTERN="$KC_HOME/"
KC_IMPORT_SUM="$KC_HOME/data/.govdisc-import.sha256"

cmd_fetch() {
  ensure_base_tools
  mkdirs
  if [[ -e "$KC_HOME/.govdisc-unpacked" ]]; then
    log "Keycloak $KC_VERSION present in $KC_HOME"
    return 0
  fi
  mvn_fetch "$KC_COORD"
  unzip_once "$(mvn_file "$KC_COORD")" "$KC_HOME" "keycloak-$KC_VERSION"
}

realm_files() {
  compgen -G "$KC_REALM_DIR/*.json" || true
}

# Health: master realm, plus every realm file's realm (its OIDC discovery document).
cmd_status() {
  local f realm
  http_ok "$KC_URL/realms/master" || return 1
  while read -r f; do
    [[ -n "$f" ]] || continue
    realm="$(realm_name "$f")"
    [[ -n "$realm" ]] || continue
    http_ok "$KC_URL/realms/$realm/.well-known/openid-configuration" || return 1
  done < <(realm_files)
  return 0
}

# realm_name FILE : the top-level "realm" of a realm export (jq when present, else sed).
realm_name() {
  if command -v jq >/dev/null 2>&1; then
    jq -r '.realm // empty' "$1"
  else
    sed -n 's/^  "realm": *"\([^"]*\)".*/\1/p' "$1" | head -n 1
  fi
}

# Checksum of the realm files as they are now (compared with the one recorded at import).
realm_sum() {
  local f
  { realm_files | while read -r f; do [[ -n "$f" ]] && cat "$f"; done; } | sha256sum | cut -d' ' -f1
}

prepare_import() {
  local sum old="" f
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME/data/import/"*.json
  sum="$(realm_sum)"
  [[ -s "$KC_IMPORT_SUM" ]] && old="$(cat "$KC_IMPORT_SUM")"
  if [[ "${KEYCLOAK_RESET:-0}" == 1 ]]; then
    log "KEYCLOAK_RESET=1: wiping the dev database ($KC_HOME/data/h2)"
    rm -rf "$KC_HOME/data/h2"
  elif [[ -d "$KC_HOME/data/h2" && "$sum" != "$old" ]]; then
    log "realm files changed since the last import, or the last start did not finish: wiping the dev database so they are re-imported"
    rm -rf "$KC_HOME/data/h2"
  fi
  while read -r f; do
    [[ -n "$f" ]] || continue
    cp "$f" "$KC_HOME/data/import/"
    log "realm file for import: $(basename "$f") (realm '$(realm_name "$f")')"
  done < <(realm_files)
  # Recorded only once Keycloak is ready (cmd_start): a start killed half-way (e.g. while it creates
  # its schema on a loaded machine) leaves no record, so the next start wipes the half-made database.
  rm -f "$KC_IMPORT_SUM"
  printf '%s\n' "$sum" >"$KC_IMPORT_SUM.pending"
}

cmd_start() {
  local t0 java_home pid pgid
  t0="$(now_s)"
  if cmd_status; then
    if [[ "$(realm_sum)" == "$(cat "$KC_IMPORT_SUM" 2>/dev/null)" ]]; then
      log "already running at $KC_URL"
      printf '%s\n' "$KC_URL"
      return 0
    fi
    # Running, but with realm files older than the repository's: it would keep serving the old realm.
    pid_alive "$KC_PIDFILE" "$KC_PID_PATTERN" \
      || die "Keycloak at $KC_URL was not started from $KC_HOME and its realm files may be outdated; stop it or set KEYCLOAK_PORT"
    log "the running Keycloak imported other realm files than $KC_REALM_DIR holds now: restarting it to re-import them"
    cmd_stop
  fi
  if pid_alive "$KC_PIDFILE" "$KC_PID_PATTERN"; then
    log "process $(cat "$KC_PIDFILE") exists but is not answering yet; waiting for it"
    wait_for_http "$KC_URL/realms/master" "$KC_TIMEOUT" "$KC_LOG" "$(cat "$KC_PIDFILE")" \
      || die "Keycloak did not become ready"
    cmd_status || die "Keycloak answers but a realm from $KC_REALM_DIR is missing (see $KC_LOG)"
    [[ -f "$KC_IMPORT_SUM.pending" ]] && mv -f "$KC_IMPORT_SUM.pending" "$KC_IMPORT_SUM"
    printf '%s\n' "$KC_URL"
    return 0
  fi
  rm -f "$KC_PIDFILE" "$KC_PGIDFILE"
  if port_in_use "$KC_PORT"; then
    die "port $KC_PORT is taken by another process that is not a healthy Keycloak; set KEYCLOAK_PORT"
  fi
  cmd_fetch
  java_home="$(find_java_home "${KEYCLOAK_JAVA_HOME:-}")"
  prepare_import
  log "starting Keycloak $KC_VERSION (start-dev, JAVA_HOME=$java_home) -> $KC_LOG"
  # The first start after fetch also runs Quarkus' build step (~30 s here); later starts reuse it.
  setsid env JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="$KC_HEAP" \
    KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    "$KC_HOME/bin/kc.sh" start-dev --http-port="$KC_PORT" --http-host=127.0.0.1 --import-realm \
    </dev/null >"$KC_LOG" 2>&1 &
  pid=$!
  pgid="$(session_pgid "$pid")"
  printf '%s\n' "$pid" >"$KC_PIDFILE"
  if [[ -n "$pgid" ]]; then printf '%s\n' "$pgid" >"$KC_PGIDFILE"; else rm -f "$KC_PGIDFILE"; fi
  if ! wait_for_http "$KC_URL/realms/master" "$KC_TIMEOUT" "$KC_LOG" "$pid"; then
    stop_pid Keycloak "$KC_PIDFILE" "" 10 "$KC_PGIDFILE" || true
    die "Keycloak did not become ready (log: $KC_LOG)"
  fi
  if ! cmd_status; then
    grep -iE 'import|ERROR' "$KC_LOG" | tail -n 20 >&2 || true
    die "Keycloak is up but a realm from $KC_REALM_DIR did not import (log: $KC_LOG)"
  fi
  mv -f "$KC_IMPORT_SUM.pending" "$KC_IMPORT_SUM"
  log "Keycloak $KC_VERSION ready at $KC_URL in $(( $(now_s) - t0 ))s (pid $pid)"
  printf '%s\n' "$KC_URL"
}

cmd_stop() {
  stop_pid Keycloak "$KC_PIDFILE" "$KC_PID_PATTERN" 30 "$KC_PGIDFILE"
  if [[ "${1:-}" == --strays ]]; then stop_strays Keycloak "$KC_HOME/"; fi
}

case "${1:-}" in
  fetch)  t0="$(now_s)"; cmd_fetch; log "fetch done in $(( $(now_s) - t0 ))s ($KC_HOME)" ;;
  start)  cmd_start ;;
  stop)   cmd_stop "${2:-}" ;;
  status)
    if cmd_status; then log "running at $KC_URL"; exit 0; else log "not answering at $KC_URL"; exit 1; fi ;;
  url)    printf '%s\n' "$KC_URL" ;;
  *)      printf 'usage: %s {fetch|start|stop|status|url}\n' "$0" >&2; exit 2 ;;
esac
