#!/usr/bin/env bash
# Shared helpers for the infra/scripts/*.sh provisioning scripts.
# Source it:  . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Environment (all optional):
#   GOVDISC_CACHE  download/install cache, outside the repo   (default: $HOME/.cache/govdisc)
#   GOVDISC_RUN    pid and log files                          (default: $GOVDISC_CACHE/run)
#   GOVDISC_JAVA_HOME  JDK used by OpenSearch and Keycloak    (default: a JDK 17 found on the machine)
# All progress messages go to stderr; stdout is kept for values callers capture (URLs, exports).

# Guard against double sourcing.
if [[ -n "${GOVDISC_LIB_SOURCED:-}" ]]; then
  return 0
fi
GOVDISC_LIB_SOURCED=1

GOVDISC_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GOVDISC_INFRA_DIR="$(cd "$GOVDISC_SCRIPTS_DIR/.." && pwd)"
CACHE="${GOVDISC_CACHE:-${HOME:-/root}/.cache/govdisc}"
RUN="${GOVDISC_RUN:-$CACHE/run}"
DL="$CACHE/dl"
export GOVDISC_SCRIPTS_DIR GOVDISC_INFRA_DIR CACHE RUN DL

# Pinned so the result does not depend on which plugin versions the local Maven repo happens to hold.
MVN_DEPENDENCY_PLUGIN_VERSION=3.8.1

log() {
  printf '[%s %s] %s\n' "$(date +%H:%M:%S)" "${GOVDISC_LOG_TAG:-$(basename "$0" .sh)}" "$*" >&2
}

die() {
  log "ERROR: $*"
  exit 1
}

is_root() {
  [[ "$(id -u)" -eq 0 ]]
}

# Seconds since the epoch (for timings).
now_s() {
  date +%s
}

mkdirs() {
  mkdir -p "$CACHE" "$RUN" "$DL"
}

# apt_install PKG... : installs Debian packages when root; otherwise dies naming them.
_GOVDISC_APT_UPDATED=""
apt_install() {
  if ! is_root; then
    die "missing Debian package(s): $*. Install them (as root: apt-get install -y $*) and re-run."
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing package(s) $* and no apt-get on this machine"
  if [[ -z "$_GOVDISC_APT_UPDATED" ]]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || die "apt-get update failed"
    _GOVDISC_APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 || die "apt-get install $* failed"
}

# need_cmd CMD [DEBIAN_PACKAGE] : make sure CMD exists, installing the package when root.
need_cmd() {
  local cmd="$1" pkg="${2:-$1}"
  if ! command -v "$cmd" >/dev/null 2>&1; then
    log "'$cmd' not found; installing Debian package '$pkg'"
    apt_install "$pkg"
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' still missing after installing '$pkg'"
  fi
}

# java_major JAVA_HOME : prints the feature version (17, 21, 25...) of that JDK/JRE, or nothing.
java_major() {
  local jh="$1" v
  [[ -x "$jh/bin/java" ]] || return 0
  v="$("$jh/bin/java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
  v="${v#1.}"
  printf '%s\n' "${v%%[.+-]*}"
}

# find_java_home [PREFERRED] : prints a JAVA_HOME with a Java 17..21 runtime (both OpenSearch 2.19
# and Keycloak 26 run on it; OpenSearch 2.x needs the Security Manager, which JDK 24+ removed).
# Order: PREFERRED (if given), $GOVDISC_JAVA_HOME, Debian's JDK 17/21, the JDK of `java` on PATH.
# Installs openjdk-17-jre-headless when none is found and we are root.
find_java_home() {
  local cand m
  local -a cands=()
  [[ -n "${1:-}" ]] && cands+=("$1")
  [[ -n "${GOVDISC_JAVA_HOME:-}" ]] && cands+=("$GOVDISC_JAVA_HOME")
  cands+=(/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64
          /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-arm64)
  if command -v java >/dev/null 2>&1; then
    cands+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for cand in "${cands[@]}"; do
    m="$(java_major "$cand")"
    if [[ -n "$m" && "$m" -ge 17 && "$m" -le 21 ]]; then
      printf '%s\n' "$cand"
      return 0
    fi
    if [[ -n "${1:-}" && "$cand" == "$1" ]]; then
      # An explicitly requested JAVA_HOME is honoured even outside 17..21 (caller knows best).
      [[ -n "$m" ]] && { printf '%s\n' "$cand"; return 0; }
      die "requested JAVA_HOME '$cand' has no usable bin/java"
    fi
  done
  log "no Java 17..21 runtime found; installing openjdk-17-jre-headless"
  apt_install openjdk-17-jre-headless
  for cand in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64; do
    [[ -x "$cand/bin/java" ]] && { printf '%s\n' "$cand"; return 0; }
  done
  die "could not find a Java 17 runtime after installing openjdk-17-jre-headless"
}

# Tools every fetch/start needs. Run it once before starting things in parallel (apt is not
# parallel-safe).
ensure_base_tools() {
  need_cmd curl curl
  need_cmd unzip unzip
  need_cmd mvn maven
  need_cmd setsid util-linux
}

# mvn_fetch COORDS... : copies Maven Central artifacts into $DL, each once, with one mvn run.
# COORDS are groupId:artifactId:version[:type[:classifier]] (type defaults to jar); the file is
# saved as $DL/artifactId-version[-classifier].type (see mvn_file).
mvn_fetch() {
  local coord g a v t c f t0 work rc=0
  local -a missing=()
  mkdirs
  for coord in "$@"; do
    f="$(mvn_file "$coord")"
    [[ -s "$f" ]] || missing+=("$coord")
  done
  if (( ${#missing[@]} == 0 )); then
    log "already downloaded: $(for coord in "$@"; do basename "$(mvn_file "$coord")"; done | tr '\n' ' ')"
    return 0
  fi
  need_cmd mvn maven
  work="$(mktemp -d "$DL/.mvn.XXXXXX")"
  {
    printf '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>\n'
    printf '<groupId>local.govdisc</groupId><artifactId>fetch</artifactId><version>0</version><packaging>pom</packaging>\n'
    printf '<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId>\n'
    printf '<version>%s</version><configuration><outputDirectory>%s</outputDirectory><artifactItems>\n' "$MVN_DEPENDENCY_PLUGIN_VERSION" "$DL"
    for coord in "${missing[@]}"; do
      IFS=: read -r g a v t c <<<"$coord"
      printf '<artifactItem><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><type>%s</type>' "$g" "$a" "$v" "${t:-jar}"
      [[ -n "$c" ]] && printf '<classifier>%s</classifier>' "$c"
      printf '<destFileName>%s</destFileName></artifactItem>\n' "$(basename "$(mvn_file "$coord")")"
    done
    printf '</artifactItems></configuration></plugin></plugins></build></project>\n'
  } >"$work/pom.xml"
  log "downloading from Maven Central (mvn dependency:copy): ${missing[*]}"
  t0="$(now_s)"
  mvn -B -f "$work/pom.xml" dependency:copy >"$work/mvn.log" 2>&1 || rc=$?
  if (( rc != 0 )); then
    grep -E 'ERROR' "$work/mvn.log" | head -n 20 >&2 || tail -n 20 "$work/mvn.log" >&2
    rm -rf "$work"
    die "mvn could not fetch ${missing[*]} (is Maven Central reachable? is the version served?)"
  fi
  rm -rf "$work"
  for coord in "${missing[@]}"; do
    f="$(mvn_file "$coord")"
    [[ -s "$f" ]] || die "mvn finished but $f is missing"
    log "downloaded $(basename "$f") ($(du -h "$f" | cut -f1))"
  done
  log "download took $(( $(now_s) - t0 ))s"
}

# mvn_file COORD : path in $DL where mvn_fetch stores COORD.
mvn_file() {
  local g a v t c
  IFS=: read -r g a v t c <<<"$1"
  printf '%s/%s-%s%s.%s\n' "$DL" "$a" "$v" "${c:+-$c}" "${t:-jar}"
}

# unzip_once ZIP DEST_DIR TOP_DIR_IN_ZIP : unpacks ZIP so that DEST_DIR is the zip's top directory.
# Uses a temporary directory and a rename, so an interrupted unzip never leaves a half tree.
unzip_once() {
  local zip="$1" dest="$2" top="$3" tmp
  if [[ -d "$dest" && -e "$dest/.govdisc-unpacked" ]]; then
    log "already unpacked: $dest"
    return 0
  fi
  need_cmd unzip unzip
  rm -rf "$dest"
  tmp="$(mktemp -d "$(dirname "$dest")/.unpack.XXXXXX")"
  log "unpacking $(basename "$zip") into $dest"
  unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; die "unzip of $zip failed"; }
  [[ -d "$tmp/$top" ]] || { rm -rf "$tmp"; die "unexpected zip layout: no $top/ in $zip"; }
  mv "$tmp/$top" "$dest"
  rmdir "$tmp"
  touch "$dest/.govdisc-unpacked"
}

# http_ok URL : true when URL answers 2xx within 5 s.
http_ok() {
  curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
}

# wait_for_http URL TIMEOUT_SECONDS [LOGFILE] [PID] : polls URL until it answers 2xx.
# Prints a dot to stderr every 5 s. On timeout (or if PID dies first) prints the tail of LOGFILE
# and returns 1.
wait_for_http() {
  local url="$1" timeout="$2" logfile="${3:-}" pid="${4:-}" start elapsed last_dot=0
  start="$(now_s)"
  printf '[%s %s] waiting up to %ss for %s ' "$(date +%H:%M:%S)" \
    "${GOVDISC_LOG_TAG:-$(basename "$0" .sh)}" "$timeout" "$url" >&2
  while true; do
    if http_ok "$url"; then
      printf ' ok (%ss)\n' "$(( $(now_s) - start ))" >&2
      return 0
    fi
    elapsed=$(( $(now_s) - start ))
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      printf ' process %s exited\n' "$pid" >&2
      _tail_log "$logfile"
      return 1
    fi
    if (( elapsed >= timeout )); then
      printf ' timed out after %ss\n' "$elapsed" >&2
      _tail_log "$logfile"
      return 1
    fi
    if (( elapsed - last_dot >= 5 )); then
      printf '.' >&2
      last_dot=$elapsed
    fi
    sleep 1
  done
}

_tail_log() {
  local f="${1:-}"
  if [[ -n "$f" && -f "$f" ]]; then
    log "last 40 lines of $f:"
    tail -n 40 "$f" >&2
  fi
}

# pid_alive PIDFILE [PATTERN] : true when the pid in PIDFILE runs and (if given) its command line
# contains PATTERN (guards against a recycled pid).
pid_alive() {
  local pidfile="$1" pattern="${2:-}" pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(cat "$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -n "$pattern" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern" || return 1
  fi
  return 0
}

# session_pgid PID : the process group of a child started with `setsid … &`, once setsid has made
# it its own (pgid = pid); empty if that does not happen within 2 s. Reading the pgid at once races
# with setsid and can return the caller's own group, which a later group kill would then hit.
session_pgid() {
  local pid="$1" pgid i
  for (( i = 0; i < 40; i++ )); do
    pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
    [[ -z "$pgid" ]] && return 0
    if [[ "$pgid" == "$pid" ]]; then printf '%s\n' "$pgid"; return 0; fi
    sleep 0.05
  done
}

# stop_pid NAME PIDFILE PATTERN [GRACE_SECONDS] [PGIDFILE] : TERM, wait, then KILL (the whole
# process group when PGIDFILE names one). Removes the pid files. No-op when not running.
stop_pid() {
  local name="$1" pidfile="$2" pattern="$3" grace="${4:-30}" pgidfile="${5:-}" pid pgid="" i
  if [[ -n "$pgidfile" && -s "$pgidfile" ]]; then
    pgid="$(cat "$pgidfile")"
    # Never signal the group this script (or its caller, e.g. the test run) belongs to.
    [[ "$pgid" == "$(ps -o pgid= -p $$ | tr -d ' ')" ]] && pgid=""
  fi
  if ! pid_alive "$pidfile" "$pattern"; then
    log "$name is not running (no live process in $pidfile)"
    rm -f "$pidfile" ${pgidfile:+"$pgidfile"}
    return 0
  fi
  pid="$(cat "$pidfile")"
  log "stopping $name (pid $pid): SIGTERM, up to ${grace}s"
  kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < grace; i++ )); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name still running after ${grace}s: SIGKILL"
    if [[ "$pgid" =~ ^[0-9]+$ ]]; then
      kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  # Reap anything left in the process group (launcher wrappers such as runuser).
  if [[ "$pgid" =~ ^[0-9]+$ ]] && kill -0 -- "-$pgid" 2>/dev/null; then
    kill -TERM -- "-$pgid" 2>/dev/null || true
  fi
  rm -f "$pidfile" ${pgidfile:+"$pgidfile"}
  log "$name stopped"
}

# stop_strays NAME DIR : stops every process whose command line names DIR (a server started from this cache by an
# earlier run whose pid file is gone). It would hold the data directory's lock and the port, and no new start succeeds.
stop_strays() {
  local name="$1" dir="$2" pids i
  pids="$(pgrep -f -- "$dir" | grep -vx "$$" || true)"
  [[ -n "$pids" ]] || return 0
  log "stopping stray $name processes started from $dir: $(echo $pids)"
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null || true
  for (( i = 0; i < 20; i++ )); do
    pids="$(pgrep -f -- "$dir" | grep -vx "$$" || true)"
    [[ -n "$pids" ]] || return 0
    sleep 1
  done
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
}

# port_in_use PORT : true when something listens on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
