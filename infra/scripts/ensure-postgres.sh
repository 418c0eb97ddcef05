#!/usr/bin/env bash
# Makes sure PostgreSQL answers on 127.0.0.1:5432 and lets user "postgres" in without a password
# over TCP (the project's default URL: postgresql://postgres@127.0.0.1:5432/postgres).
#
#   1. answering already            -> nothing to do
#   2. a Debian cluster exists      -> pg_ctlcluster --skip-systemctl-redirect <ver> main start
#   3. no cluster, running as root  -> apt-get install -y postgresql, then start it
#   4. otherwise                    -> say what is missing, exit 1
# After it answers, and when running as root, adds "host all all 127.0.0.1/32 trust" (and ::1)
# to the cluster's pg_hba.conf if a password-less TCP login as postgres fails.
#
# Environment: PGHOST (default 127.0.0.1), PGPORT (default 5432), PG_READY_TIMEOUT (default 60),
#              PG_CLUSTER (Debian cluster name, default main).
set -euo pipefail
GOVDISC_LOG_TAG=postgres
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
PG_TIMEOUT="${PG_READY_TIMEOUT:-60}"
PG_CLUSTER="${PG_CLUSTER:-main}"

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}

# Newest Debian cluster version that has a $PG_CLUSTER cluster, or nothing.
debian_cluster_version() {
  local v
  [[ -d /etc/postgresql ]] || return 0
  v="$(find /etc/postgresql -mindepth 2 -maxdepth 2 -type d -name "$PG_CLUSTER" -printf '%h\n' 2>/dev/null \
        | xargs -r -n1 basename | sort -V | tail -n 1)"
  printf '%s' "$v"
}

wait_pg() {
  local i
  printf '[%s %s] waiting up to %ss for %s:%s ' "$(date +%H:%M:%S)" "$GOVDISC_LOG_TAG" "$PG_TIMEOUT" "$PG_HOST" "$PG_PORT" >&2
  for (( i = 0; i < PG_TIMEOUT; i++ )); do
    if pg_answers; then
      printf ' ok (%ss)\n' "$i" >&2
      return 0
    fi
    (( i % 5 == 4 )) && printf '.' >&2
    sleep 1
  done
  printf ' timed out\n' >&2
  return 1
}

start_cluster() {
  local ver="$1" logf
  logf="/var/log/postgresql/postgresql-$ver-$PG_CLUSTER.log"
  log "starting Debian cluster $ver/$PG_CLUSTER (pg_ctlcluster --skip-systemctl-redirect $ver $PG_CLUSTER start)"
  if ! pg_ctlcluster --skip-systemctl-redirect "$ver" "$PG_CLUSTER" start >&2; then
    # "already running" on another port also lands here; the check below tells.
    log "pg_ctlcluster $ver $PG_CLUSTER start returned non-zero"
  fi
  if ! wait_pg; then
    [[ -r "$logf" ]] && { log "last lines of $logf:"; tail -n 30 "$logf" >&2; }
    die "PostgreSQL $ver/$PG_CLUSTER did not answer on $PG_HOST:$PG_PORT (its port: $(cluster_port "$ver"))"
  fi
}

cluster_port() {
  sed -n 's/^[[:space:]]*port[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' "/etc/postgresql/$1/$PG_CLUSTER/postgresql.conf" 2>/dev/null | head -n 1
}

# ensure_trust warn|fix : checks a password-less TCP login as postgres. "warn" only reports a
# refusal (a server we did not start is left alone); "fix" adds trust rules to the Debian
# cluster's pg_hba.conf (root only).
ensure_trust() {
  local mode="$1" ver hba
  command -v psql >/dev/null 2>&1 || { log "psql not installed; skipping the login check"; return 0; }
  if psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -w -Atqc 'select 1' >/dev/null 2>&1; then
    log "password-less login as postgres over TCP works"
    return 0
  fi
  if [[ "$mode" == warn ]]; then
    log "WARNING: 'psql -h $PG_HOST -p $PG_PORT -U postgres -w' is refused; the project's default DATABASE_URL (postgresql://postgres@127.0.0.1:5432/postgres) needs 'host all all 127.0.0.1/32 trust' in pg_hba.conf"
    return 0
  fi
  ver="$(debian_cluster_version)"
  hba="/etc/postgresql/$ver/$PG_CLUSTER/pg_hba.conf"
  if ! is_root || [[ -z "$ver" || ! -w "$hba" ]]; then
    die "PostgreSQL answers on $PG_HOST:$PG_PORT but 'psql -h $PG_HOST -U postgres -w' is refused; add 'host all all 127.0.0.1/32 trust' to pg_hba.conf (as root) and reload"
  fi
  log "adding trust rules for 127.0.0.1/32 and ::1/128 at the top of $hba"
  cp -p "$hba" "$hba.govdisc.bak"
  {
    printf '# Added by govdisc infra/scripts/ensure-postgres.sh (local development only)\n'
    printf 'host    all    all    127.0.0.1/32    trust\n'
    printf 'host    all    all    ::1/128         trust\n'
    cat "$hba.govdisc.bak"
  } >"$hba"
  pg_ctlcluster --skip-systemctl-redirect "$ver" "$PG_CLUSTER" reload >&2 || die "reload of $ver/$PG_CLUSTER failed"
  sleep 1
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -w -Atqc 'select 1' >/dev/null 2>&1 \
    || die "login as postgres still refused after editing $hba"
  log "password-less login as postgres over TCP works"
}

main() {
  local ver
  if pg_answers; then
    log "PostgreSQL answers on $PG_HOST:$PG_PORT; nothing to start"
    ensure_trust warn
    return 0
  fi
  ver="$(debian_cluster_version)"
  if [[ -n "$ver" ]]; then
    is_root || [[ "$(id -un)" == postgres ]] \
      || die "PostgreSQL $ver/$PG_CLUSTER exists but is stopped; start it as root: pg_ctlcluster --skip-systemctl-redirect $ver $PG_CLUSTER start"
    start_cluster "$ver"
  elif is_root; then
    log "no PostgreSQL cluster found; installing Debian's postgresql package"
    apt_install postgresql
    ver="$(debian_cluster_version)"
    [[ -n "$ver" ]] || die "postgresql installed but no cluster under /etc/postgresql (try: pg_createcluster <ver> main)"
    if ! pg_answers; then
      start_cluster "$ver"
    fi
  else
    die "PostgreSQL is not answering on $PG_HOST:$PG_PORT and is not installed. As root run: apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start"
  fi
  [[ "$(cluster_port "$ver")" == "$PG_PORT" ]] || log "note: cluster $ver/$PG_CLUSTER is configured for port $(cluster_port "$ver"), not $PG_PORT"
  ensure_trust fix
  log "PostgreSQL $ver ready on $PG_HOST:$PG_PORT"
}

main "$@"
