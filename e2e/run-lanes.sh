#!/usr/bin/env bash
# The end-to-end files in two lanes, one per core: the browser files (each: a stack, a Next.js server and Chromium)
# and two short API files one after another in one lane, all the other files one after another in the other. At most
# one browser file runs at a time, so its page timings stay those of a quiet machine. E2E_LANES=1 runs everything in one lane.
# Extra arguments go to both jest runs (e.g. a file name pattern).
# E2E_RESILIENCE=1 (npm test sets it): the resilience suite (../resilience: NATS node lost, PostgreSQL restarted, replicas
# killed, OpenSearch cut, object store stopped, backup and restore) runs after the other files in their lane, while the
# longer browser lane is still running, so it adds little wall time; each lane prints how long it took.
set -uo pipefail
cd "$(dirname "$0")"
jest() { node --experimental-vm-modules ../node_modules/jest/bin/jest.js --runInBand --passWithNoTests "$@"; }
# Two short API files run in the browser lane: with the resilience suite after its files the API lane ended ~85 s
# after the browser lane (CI, session 16: 917 + 210 s against 1,043 s); these ~45 s even the two out.
browser='/e2e/((web|console)/|see-ask-do\.|topics\.)'
began=$(date +%s)
resilience() {
  [[ "${E2E_RESILIENCE:-0}" == 1 ]] || return 0
  local t0 rc
  t0=$(date +%s)
  (cd ../resilience && node --experimental-vm-modules ../node_modules/jest/bin/jest.js --runInBand)
  rc=$?
  echo "resilience suite: $(($(date +%s) - t0)) s"
  return "$rc"
}
if [[ "${E2E_LANES:-2}" == 1 ]]; then
  jest "$@"
  rc=$?
  resilience || rc=1
  exit "$rc"
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
(
  jest --testPathPatterns "$browser" "$@"
  rc=$?
  echo "browser lane: $(($(date +%s) - began)) s"
  exit "$rc"
) > "$log" 2>&1 &
browser_lane=$!
jest --testPathIgnorePatterns "$browser" "$@"
others=$?
echo "API lane: $(($(date +%s) - began)) s"
resilience || others=1
echo "API lane with the resilience suite: $(($(date +%s) - began)) s"
wait "$browser_lane"
browsers=$?
echo "---- the browser lane (ran beside the one above) ----"
cat "$log"
(( others == 0 && browsers == 0 ))
