#!/usr/bin/env bash
# The end-to-end files in two lanes, one per core: the browser files (each: a stack, a Next.js server and Chromium)
# one after another in one lane, all the other files one after another in the other. At most one browser file runs
# at a time, so its page timings stay those of a quiet machine. E2E_LANES=1 runs everything in one lane.
# Extra arguments go to both jest runs (e.g. a file name pattern).
set -uo pipefail
cd "$(dirname "$0")"
jest() { node --experimental-vm-modules ../node_modules/jest/bin/jest.js --runInBand --passWithNoTests "$@"; }
browser='/e2e/(web|console)/'
if [[ "${E2E_LANES:-2}" == 1 ]]; then
  jest "$@"
  exit
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
jest --testPathPatterns "$browser" "$@" > "$log" 2>&1 &
browser_lane=$!
jest --testPathIgnorePatterns "$browser" "$@"
others=$?
wait "$browser_lane"
browsers=$?
echo "---- the browser lane (ran beside the one above) ----"
cat "$log"
(( others == 0 && browsers == 0 ))
