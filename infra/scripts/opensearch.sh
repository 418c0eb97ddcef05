#!/usr/bin/env bash
# Local single-node OpenSearch for development and tests, without Docker.
#
# Usage: opensearch.sh {fetch|start|stop|status|url}
#   fetch   download the integ-test distribution from Maven Central (once) and unpack it
#   start   fetch if needed, start in the background, wait until the cluster is yellow, print URL
#   stop    SIGTERM, wait up to 60 s, then SIGKILL; `stop --strays` also stops any process started from this
#           distribution whose pid file is gone
#   status  exit 0 when the cluster answers, 1 otherwise
#   url     print the URL
#
# Environment:
#   OPENSEARCH_VERSION    default 2.19.6 (newest 2.x integ-test zip; 3.x needs Java 21+)
#   OPENSEARCH_PORT       HTTP port, default 9200
#   OPENSEARCH_TRANSPORT_PORT  default 9301
#   OPENSEARCH_JAVA_OPTS  default "-Xms512m -Xmx512m"
#   OPENSEARCH_JAVA_HOME  default: a Java 17..21 found on the machine (see lib.sh find_java_home)
#   OPENSEARCH_MODULES    extra modules fetched from Maven Central (jars) and installed at fetch
#                         time, default "analysis-common lang-painless"; "" for none
#   OPENSEARCH_START_TIMEOUT  seconds, default 180
#   OPENSEARCH_USER       system user that runs it when invoked as root, default govdisc
#   OPENSEARCH_BASE       where the distribution and its data live; default $GOVDISC_CACHE, or
#                         /var/cache/govdisc when root and $GOVDISC_CACHE is not reachable by
#                         OPENSEARCH_USER (e.g. under /root, mode 700)
set -euo pipefail
GOVDISC_LOG_TAG=opensearch
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OS_VERSION="${OPENSEARCH_VERSION:-2.19.6}"
OS_PORT="${OPENSEARCH_PORT:-9200}"
OS_TRANSPORT_PORT="${OPENSEARCH_TRANSPORT_PORT:-9301}"
OS_JAVA_OPTS="${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx512m}"
OS_MODULES="${OPENSEARCH_MODULES-analysis-common lang-painless}"
OS_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-180}"
OS_USER="${OPENSEARCH_USER:-govdisc}"
OS_URL="http://127.0.0.1:$OS_PORT"
OS_PIDFILE="$RUN/opensearch.pid"
OS_PGIDFILE="$RUN/opensearch.pgid"
OS_LOG="$RUN/opensearch.log"
OS_COORD="org.opensearch.distribution.integ-test-zip:opensearch:$OS_VERSION:zip"
OS_PID_PATTERN="org.opensearch.bootstrap.OpenSearch"

# Where the unpacked distribution lives. As root, OpenSearch runs as $OS_USER, which must be able
# to read it; $HOME/.cache under /root (mode 700) is not readable by other users.
os_base() {
  if [[ -n "${OPENSEARCH_BASE:-}" ]]; then
    printf '%s\n' "$OPENSEARCH_BASE"
  elif is_root && id -u "$OS_USER" >/dev/null 2>&1 && ! runuser -u "$OS_USER" -- test -x "$CACHE" 2>/dev/null; then
    printf '%s\n' /var/cache/govdisc
  elif is_root && ! id -u "$OS_USER" >/dev/null 2>&1 && [[ "$CACHE" == /root/* ]]; then
    printf '%s\n' /var/cache/govdisc
  else
    printf '%s\n' "$CACHE"
  fi
}

mkdirs
OS_HOME="$(os_base)/opensearch-$OS_VERSION"
OS_DATA="$OS_HOME/data"
OS_LOGS="$OS_HOME/logs"
OS_INTERNAL_PID="$OS_LOGS/opensearch.pid"

ensure_user() {
  is_root || return 0
  if ! id -u "$OS_USER" >/dev/null 2>&1; then
    log "creating system user '$OS_USER' (OpenSearch refuses to run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$OS_USER" || die "useradd $OS_USER failed"
  fi
}

# Modules the integ-test zip leaves out but Maven Central publishes as jars. The full distribution
# ships them under modules/<name>/ with a plugin-descriptor.properties; we recreate that layout.
# analysis-common: cjk_bigram, lowercase, pattern/ngram/edge_ngram, synonym filters, etc.
#   (whitespace, standard, keyword analyzers are in core and work without it).
# lang-painless: scripts (script_score, scripted sorts, update scripts).
# module_coords MODULE : Maven coordinates of the jars that make up MODULE.
module_coords() {
  case "$1" in
    analysis-common) printf '%s\n' "org.opensearch.plugin:analysis-common:$OS_VERSION" ;;
    lang-painless)
      printf '%s\n' "org.opensearch.plugin:lang-painless:$OS_VERSION" \
        "org.opensearch.plugin:opensearch-scripting-painless-spi:$OS_VERSION" \
        org.antlr:antlr4-runtime:4.13.1 org.ow2.asm:asm:9.7 org.ow2.asm:asm-util:9.7 \
        org.ow2.asm:asm-tree:9.7 org.ow2.asm:asm-commons:9.7 org.ow2.asm:asm-analysis:9.7 ;;
    *) die "unknown module '$1' in OPENSEARCH_MODULES (supported: analysis-common lang-painless)" ;;
  esac
}

module_installed() {
  [[ -f "$OS_HOME/modules/$1/plugin-descriptor.properties" ]]
}

# install_module MODULE : lays out modules/MODULE from jars already fetched into $DL.
install_module() {
  local mod="$1" dir="$OS_HOME/modules/$1" tmp="$OS_HOME/.module-$1.tmp" classname extended="" desc coord
  module_installed "$mod" && return 0
  case "$mod" in
    analysis-common)
      classname=org.opensearch.analysis.common.CommonAnalysisPlugin
      desc='Adds "built in" analyzers to OpenSearch.'
      # The full distribution makes analysis-common extend lang-painless (for its painless
      # whitelist); only declare that when painless is installed too.
      if [[ " $OS_MODULES " == *" lang-painless "* ]]; then extended=lang-painless; fi
      ;;
    lang-painless)
      classname=org.opensearch.painless.PainlessPlugin
      desc='An easy, safe and fast scripting language for OpenSearch'
      ;;
  esac
  rm -rf "$tmp"
  mkdir -p "$tmp"
  while read -r coord; do
    cp "$(mvn_file "$coord")" "$tmp/"
  done < <(module_coords "$mod")
  if [[ "$mod" == lang-painless ]]; then
    cat >"$tmp/plugin-security.policy" <<'EOF'
grant {
  // needed to generate runtime classes
  permission java.lang.RuntimePermission "createClassLoader";
  // needed to find the classloader to load whitelisted classes from
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF
  fi
  cat >"$tmp/plugin-descriptor.properties" <<EOF
description=$desc
version=$OS_VERSION
name=$mod
classname=$classname
java.version=11
opensearch.version=$OS_VERSION
custom.foldername=
extended.plugins=$extended
has.native.controller=false
EOF
  rm -rf "$dir"
  mv "$tmp" "$dir"
  log "installed module $mod into $dir"
}

cmd_fetch() {
  ensure_base_tools
  mkdirs
  mkdir -p "$(dirname "$OS_HOME")"
  local mod unpacked=""
  local -a coords=()
  [[ -e "$OS_HOME/.govdisc-unpacked" ]] && unpacked=1
  [[ -n "$unpacked" ]] || coords+=("$OS_COORD")
  for mod in $OS_MODULES; do
    if [[ -z "$unpacked" ]] || ! module_installed "$mod"; then
      mapfile -t -O "${#coords[@]}" coords < <(module_coords "$mod")
    fi
  done
  if (( ${#coords[@]} == 0 )); then
    log "OpenSearch $OS_VERSION present in $OS_HOME (modules: ${OS_MODULES:-none})"
    return 0
  fi
  # One mvn run for the distribution and all module jars (each mvn start costs seconds).
  mvn_fetch "${coords[@]}"
  [[ -n "$unpacked" ]] || unzip_once "$(mvn_file "$OS_COORD")" "$OS_HOME" "opensearch-$OS_VERSION"
  for mod in $OS_MODULES; do
    install_module "$mod"
  done
}

write_config() {
  mkdir -p "$OS_DATA" "$OS_LOGS"
  cat >"$OS_HOME/config/opensearch.yml" <<EOF
# Written by infra/scripts/opensearch.sh at each start; edits here are overwritten.
cluster.name: govdisc-dev
node.name: govdisc-dev-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $OS_PORT
transport.port: $OS_TRANSPORT_PORT
path.data: $OS_DATA
path.logs: $OS_LOGS
# A developer disk that is 90 % full must not turn indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  if is_root; then
    # The zip's config files are mode 660, and the node writes config/opensearch.keystore.
    chown -R "$OS_USER:$OS_USER" "$OS_HOME/config" "$OS_DATA" "$OS_LOGS"
  fi
}

cmd_status() {
  http_ok "$OS_URL/_cluster/health?wait_for_status=yellow&timeout=2s"
}

cmd_start() {
  local t0 java_home pid pgid i
  t0="$(now_s)"
  if cmd_status; then
    log "already running at $OS_URL"
    printf '%s\n' "$OS_URL"
    return 0
  fi
  if pid_alive "$OS_PIDFILE" "$OS_PID_PATTERN"; then
    log "process $(cat "$OS_PIDFILE") exists but is not answering yet; waiting for it"
    wait_for_http "$OS_URL/_cluster/health?wait_for_status=yellow&timeout=2s" "$OS_TIMEOUT" "$OS_LOG" "$(cat "$OS_PIDFILE")" \
      || die "OpenSearch did not become ready"
    printf '%s\n' "$OS_URL"
    return 0
  fi
  rm -f "$OS_PIDFILE" "$OS_PGIDFILE"
  if port_in_use "$OS_PORT"; then
    die "port $OS_PORT is taken by another process that is not a healthy OpenSearch; set OPENSEARCH_PORT"
  fi
  ensure_user
  OS_HOME="$(os_base)/opensearch-$OS_VERSION"
  cmd_fetch
  java_home="$(find_java_home "${OPENSEARCH_JAVA_HOME:-}")"
  write_config
  rm -f "$OS_INTERNAL_PID"
  log "starting OpenSearch $OS_VERSION (JAVA_HOME=$java_home, heap: $OS_JAVA_OPTS) -> $OS_LOG"
  local -a launcher=()
  if is_root; then
    launcher=(runuser -u "$OS_USER" --)
  fi
  # setsid: own session and process group, detached from the caller's terminal.
  setsid "${launcher[@]}" env JAVA_HOME="$java_home" OPENSEARCH_JAVA_HOME="$java_home" \
    OPENSEARCH_JAVA_OPTS="$OS_JAVA_OPTS" \
    "$OS_HOME/bin/opensearch" -p "$OS_INTERNAL_PID" </dev/null >"$OS_LOG" 2>&1 &
  pid=$!
  pgid="$(session_pgid "$pid")"
  if [[ -n "$pgid" ]]; then printf '%s\n' "$pgid" >"$OS_PGIDFILE"; else rm -f "$OS_PGIDFILE"; fi
  printf '%s\n' "$pid" >"$OS_PIDFILE"
  # Record the JVM's pid (not the runuser wrapper's): SIGTERM must reach the JVM directly.
  for (( i = 0; i < 60; i++ )); do
    if [[ -s "$OS_INTERNAL_PID" ]]; then
      cp "$OS_INTERNAL_PID" "$OS_PIDFILE"
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if ! wait_for_http "$OS_URL/_cluster/health?wait_for_status=yellow&timeout=2s" "$OS_TIMEOUT" "$OS_LOG" "$(cat "$OS_PIDFILE")"; then
    stop_pid OpenSearch "$OS_PIDFILE" "" 10 "$OS_PGIDFILE" || true
    die "OpenSearch did not become ready (log: $OS_LOG, node logs: $OS_LOGS)"
  fi
  [[ -s "$OS_INTERNAL_PID" ]] && cp "$OS_INTERNAL_PID" "$OS_PIDFILE"
  log "OpenSearch $OS_VERSION ready at $OS_URL in $(( $(now_s) - t0 ))s (pid $(cat "$OS_PIDFILE"))"
  printf '%s\n' "$OS_URL"
}

cmd_stop() {
  stop_pid OpenSearch "$OS_PIDFILE" "$OS_PID_PATTERN" 60 "$OS_PGIDFILE"
  if [[ "${1:-}" == --strays ]]; then stop_strays OpenSearch "$OS_HOME/"; fi
}

case "${1:-}" in
  fetch)  t0="$(now_s)"; cmd_fetch; log "fetch done in $(( $(now_s) - t0 ))s ($OS_HOME)" ;;
  start)  cmd_start ;;
  stop)   cmd_stop "${2:-}" ;;
  status)
    if cmd_status; then log "running at $OS_URL"; exit 0; else log "not answering at $OS_URL"; exit 1; fi ;;
  url)    printf '%s\n' "$OS_URL" ;;
  *)      printf 'usage: %s {fetch|start|stop|status|url}\n' "$0" >&2; exit 2 ;;
esac
