#!/usr/bin/env bash
# The end-to-end files in two lanes, one per core: the browser files (each: a stack, a Next.js server and Chromium) one
# after another in one lane, the API files one after another in the other, and then a shared tail of short files that
# whichever lane is free first takes, one file at a time (ADR 0042: which lane ends first changes with the machine and
# with every change to the files; a fixed split left one core idle for a minute or more at the end). At most one
# browser file runs at a time, so its page timings stay those of a quiet machine. E2E_LANES=1 runs everything in one
# lane. Extra arguments go to every jest run (e.g. a file name pattern).
# E2E_RESILIENCE=1 (npm test sets it): the resilience suite (../resilience: NATS node lost, PostgreSQL restarted, replicas
# killed, OpenSearch cut, object store stopped, backup and restore) runs after the API files in their lane, before that
# lane takes from the tail, while the longer browser lane is still running; each lane prints how long it took.
set -uo pipefail
cd "$(dirname "$0")"
jest() { node --experimental-vm-modules ../node_modules/jest/bin/jest.js --runInBand --passWithNoTests "$@"; }
browser='/e2e/(web|console)/'
# The shared tail, longest first (so the last file taken is a short one): files of ~10–50 s that drive no browser.
tail_files=(qa-opensearch four-eyes see-ask-do topics policy-import gateway-hardening)
tail_pattern="/e2e/($(IFS='|'; echo "${tail_files[*]}"))\\.e2e-spec\\.ts\$"
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
claims="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$log" "$claims"' EXIT
# Takes tail files until none is left: mkdir is atomic, so each file is claimed by one lane only.
take_tail() {
  local lane="$1" file rc=0
  for file in "${tail_files[@]}"; do
    mkdir "$claims/$file" 2> /dev/null || continue
    echo "$lane lane takes $file.e2e-spec.ts from the shared tail ($(($(date +%s) - began)) s)"
    jest --testPathPatterns "/e2e/$file\\.e2e-spec\\.ts\$" "${@:2}" || rc=1
  done
  return "$rc"
}
(
  jest --testPathPatterns "$browser" "$@"
  rc=$?
  take_tail browser "$@" || rc=1
  echo "browser lane: $(($(date +%s) - began)) s"
  exit "$rc"
) > "$log" 2>&1 &
browser_lane=$!
jest --testPathIgnorePatterns "$browser" "$tail_pattern" "$@"
others=$?
echo "API lane: $(($(date +%s) - began)) s"
resilience || others=1
echo "API lane with the resilience suite: $(($(date +%s) - began)) s"
take_tail API "$@" || others=1
echo "API lane with the resilience suite and its part of the tail: $(($(date +%s) - began)) s"
wait "$browser_lane"
browsers=$?
echo "---- the browser lane (ran beside the one above) ----"
cat "$log"
(( others == 0 && browsers == 0 ))
