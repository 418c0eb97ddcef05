#!/usr/bin/env bash
# The end-to-end files in two lanes, one per core. The browser lane runs the browser files (each: a stack, a Next.js
# server and Chromium) one after another in one jest run, so at most one runs at a time and its page timings stay those
# of a quiet machine. Every other file is in a queue both lanes take from, one jest run per file: the API lane from the
# start, the browser lane once its browser files are done. Whichever lane is free takes the next item, so the lanes
# end within about one file of each other, whatever each file takes on the day (fixed lanes left a core idle for the
# difference, 824 s against 691 s in CI: ADR 0033). The files are in jest's order: slowest first when jest has timings
# from earlier runs, else largest first, so the short files at the end even out the finish.
# E2E_RESILIENCE=1 (npm test sets it): the resilience suite (../resilience: NATS node lost, PostgreSQL restarted,
# replicas killed, OpenSearch cut, object store stopped, backup and restore) is the queue's first item.
# E2E_LANES=1 runs everything in one lane. Extra arguments go to every end-to-end jest run (e.g. a file name pattern).
set -uo pipefail
cd "$(dirname "$0")"
jest() { node --experimental-vm-modules ../node_modules/jest/bin/jest.js --runInBand --passWithNoTests "$@"; }
browser='/e2e/(web|console)/'
began=$(date +%s)
resilience() { [[ "${E2E_RESILIENCE:-0}" == 1 ]]; }

if [[ "${E2E_LANES:-2}" == 1 ]]; then
  jest "$@"
  rc=$?
  if resilience; then (cd ../resilience && jest) || rc=1; fi
  exit "$rc"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# One listing (the extra arguments select files), split here: jest ORs a --testPathPatterns with a pattern argument.
# A listing that fails (a broken config) fails the run: an empty queue would pass.
jest --listTests "$@" > "$work/list" 2> "$work/list.err" || { cat "$work/list.err" >&2; exit 1; }
browser_files=() queue=()
while IFS= read -r file; do
  if [[ "$file" =~ $browser ]]; then browser_files+=("$file"); else queue+=("$file"); fi
done < "$work/list"
# The resilience suite is the queue's first item, one jest run: it starts beside the browser files as it always has,
# never beside itself (two of its files at once, each with its own servers and faults, failed here at load 25).
if resilience; then queue=(resilience "${queue[@]}"); fi

# Runs the queued files nobody has taken yet, in order; a file is taken by creating its claim folder (mkdir is atomic,
# so each file runs once, in one lane). Failed files are listed in $work/failed.
drain_queue() {
  local lane="$1" i file rc=0 ran=0
  for i in "${!queue[@]}"; do
    mkdir "$work/claim-$i" 2> /dev/null || continue
    file="${queue[$i]}"
    ran=$((ran + 1))
    if [[ "$file" == resilience ]]; then
      (cd ../resilience && jest)
    else
      jest --runTestsByPath "$file" "$@"
    fi || {
      rc=1
      [[ "$file" == resilience ]] && file='the resilience suite'
      echo "${file#"$(cd .. && pwd)"/}" >> "$work/failed"
    }
  done
  echo "$lane lane: $(($(date +%s) - began)) s ($ran queued files)"
  return "$rc"
}

(
  rc=0
  if ((${#browser_files[@]})); then
    jest --runTestsByPath "${browser_files[@]}" "$@" || {
      rc=1
      echo "the browser files (jest's report is in the browser lane's output)" >> "$work/failed"
    }
  fi
  echo "browser lane: browser files done at $(($(date +%s) - began)) s, then the queue"
  drain_queue browser "$@" || rc=1
  exit "$rc"
) > "$work/browser.log" 2>&1 &
browser_lane=$!
drain_queue API "$@"
others=$?
wait "$browser_lane"
browsers=$?
echo "---- the browser lane (ran beside the one above) ----"
cat "$work/browser.log"
echo "end-to-end phase: $(($(date +%s) - began)) s, ${#queue[@]} queued files"
[[ -s "$work/failed" ]] && { echo "failed:"; sed 's/^/  /' "$work/failed"; }
((others == 0 && browsers == 0))
