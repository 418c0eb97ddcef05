#!/usr/bin/env bash
# Starts OpenSearch and Keycloak (fetching them first if needed), both at once, and prints
#   export OPENSEARCH_URL=... KEYCLOAK_URL=...
# on stdout for the caller:  eval "$(infra/scripts/up-external.sh)"
# Progress goes to stderr. Idempotent: services already answering are left as they are.
# See opensearch.sh / keycloak.sh for their environment variables.
set -euo pipefail
GOVDISC_LOG_TAG=up-external
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

t0="$(now_s)"
mkdirs
# apt and useradd are not safe to run twice at once: settle prerequisites serially first.
ensure_base_tools
find_java_home "${OPENSEARCH_JAVA_HOME:-}" >/dev/null
find_java_home "${KEYCLOAK_JAVA_HOME:-}" >/dev/null

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

log "starting OpenSearch and Keycloak in parallel"
"$GOVDISC_SCRIPTS_DIR/opensearch.sh" start >"$tmp/opensearch.url" &
os_pid=$!
"$GOVDISC_SCRIPTS_DIR/keycloak.sh" start >"$tmp/keycloak.url" &
kc_pid=$!

os_rc=0; kc_rc=0
wait "$os_pid" || os_rc=$?
wait "$kc_pid" || kc_rc=$?

if (( os_rc != 0 || kc_rc != 0 )); then
  (( os_rc != 0 )) && log "OpenSearch failed to start (exit $os_rc)"
  (( kc_rc != 0 )) && log "Keycloak failed to start (exit $kc_rc)"
  die "external services are not all up after $(( $(now_s) - t0 ))s (logs in $RUN); stop them with down-external.sh"
fi

os_url="$(tail -n 1 "$tmp/opensearch.url")"
kc_url="$(tail -n 1 "$tmp/keycloak.url")"
log "all up in $(( $(now_s) - t0 ))s: OpenSearch $os_url, Keycloak $kc_url"
printf 'export OPENSEARCH_URL=%s KEYCLOAK_URL=%s\n' "$os_url" "$kc_url"
