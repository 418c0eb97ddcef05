#!/usr/bin/env bash
# Stops OpenSearch and Keycloak started by up-external.sh / opensearch.sh / keycloak.sh.
# Idempotent: a service that is not running is skipped. `down-external.sh --strays` also stops servers started from
# the same cached distributions whose pid files are gone (an earlier run's leftovers).
set -euo pipefail
GOVDISC_LOG_TAG=down-external
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

t0="$(now_s)"
"$GOVDISC_SCRIPTS_DIR/opensearch.sh" stop "${1:-}" &
os_pid=$!
"$GOVDISC_SCRIPTS_DIR/keycloak.sh" stop "${1:-}" &
kc_pid=$!
rc=0
wait "$os_pid" || rc=1
wait "$kc_pid" || rc=1
log "stopped in $(( $(now_s) - t0 ))s"
exit "$rc"
