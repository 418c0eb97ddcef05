#!/usr/bin/env bash
# The one test command (README and CI): build, typecheck, lint/format gate, then small → medium → e2e (with the resilience suite),
# provisioning every service they need.
#   npm test            # everything
#   npm test -- small   # or: medium | e2e | resilience
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 FORCE_COLOR=0
level="${1:-all}"
case "$level" in all|small|medium|e2e|resilience) ;; *) echo "usage: npm test [-- small|medium|e2e|resilience]" >&2; exit 2 ;; esac

began=$(date +%s)
work="$(mktemp -d)"
export GOVDISC_TEST_SUMMARY="$work/summary.jsonl"
: > "$GOVDISC_TEST_SUMMARY"
status=0
# Steps that failed without stopping the run: each records its name here, and the summary lists them (a run can
# fail on a gate while every test passed; the summary must say which).
failed_steps=()
failed() { failed_steps+=("$1"); status=1; }
print_failed() { if (( ${#failed_steps[@]} )); then local list; list="$(printf '%s, ' "${failed_steps[@]}")"; echo "failed steps: ${list%, }"; fi; }
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - began ))"; }
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
# A command run beside the next ones, its output kept until it is joined (two commands' lines interleaved would be
# unreadable in a CI log); joined waits for it, prints its output under its name and returns its status.
declare -A beside_pids=()
beside() { local name="$1"; shift; "$@" > "$work/$name.log" 2>&1 & beside_pids[$name]=$!; }
joined() { local rc=0; wait "${beside_pids[$1]}" || rc=$?; echo "-- $1 (ran beside):"; cat "$work/$1.log"; return "$rc"; }
# Each phase gets a time limit: a test runner that hangs (a handle left open by a suite that failed in its setup)
# must fail the run with a message, not hold it until CI's own limit kills everything silently.
phase() { local limit="$1"; shift; timeout --kill-after=30 "$limit" "$@" || { local rc=$?; (( rc == 124 )) && echo "TIMED OUT after ${limit}s: $*"; return "$rc"; }; }

[[ -d node_modules ]] || { step "installing dependencies"; npm ci --no-audit --no-fund; }

step "local services: PostgreSQL and NATS JetStream"
bash infra/scripts/ensure-postgres.sh
bash infra/scripts/ensure-nats.sh
if [[ "$level" == all || "$level" == e2e ]]; then
  step "browser for the web app's tests: Debian's Chromium and CJK fonts"
  CHROMIUM_BIN="$(bash infra/scripts/ensure-chromium.sh)"
  export CHROMIUM_BIN
fi

external_pid=""
if [[ "$level" == all || "$level" == e2e || "$level" == medium ]]; then
  step "starting OpenSearch and Keycloak in the background"
  bash infra/scripts/up-external.sh > "$work/external.env" 2> "$work/external.log" &
  external_pid=$!
  trap 'bash infra/scripts/down-external.sh >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

step "build (generates Prisma clients, compiles every package and app)"
npx turbo run build --output-logs=errors-only

# Typecheck and ESLint (one thread, the longest check) run side by side, and the rest of the gate
# beside them, so both cores stay busy (ADR 0032). `--only`: the build above made what typecheck depends on; turbo
# replaying those builds from its cache would rewrite dist/ while ESLint reads it. ESLint goes on alone for about two
# minutes after typecheck ends: the small tests (they read the tree, never write it) take that core (ADR 0040). The lint
# self-test plants a file in apps/notify-svc, so it runs after all of them, never while they read the tree.
step "typecheck (tests included: the build compiles only what ships) beside lint (ESLint type-aware, zero warnings; import boundaries and cycles), format (Prettier), deployment (infra:validate)"
# One program for the Node code (tsconfig.lint.json), the Next apps each their own (ADR 0040).
beside typecheck bash -c 'npx tsc -p tsconfig.lint.json && npx turbo run typecheck --only --filter=@govdisc/web --filter=@govdisc/console --output-logs=errors-only'
beside eslint npm run -s lint
lint_ok=1
npm run -s format:check || { echo "format: run npm run format"; lint_ok=0; }
node scripts/web-api.mjs --check || lint_ok=0
# Deployment, offline: Kubernetes manifests against the schemas, compose file, Dockerfile, env of every app (built above).
node infra/deploy/dist/validate.js || lint_ok=0
bash scripts/infra-selftest.sh || lint_ok=0
joined typecheck || failed "typecheck"

step "schema drift: every schema.prisma equals the snapshot its committed migrations were made from"
for schema in apps/*/prisma/schema.prisma; do
  app="$(basename "$(dirname "$(dirname "$schema")")")"
  cmp -s "$schema" "$(dirname "$schema")/migrations/schema.snapshot.prisma" \
    || { echo "$app: schema.prisma changed without a migration (run scripts/prisma.sh $app new-migration <verb_what>)"; failed "schema drift ($app)"; }
done

step "self-contained: tests read test-fixtures/, the spec is docs/domain/ (../shared is for benchmarks)"
bash scripts/check-self-contained.sh || failed "self-contained check"

if [[ "$level" == all || "$level" == small ]]; then
  step "small tests (beside ESLint's last minutes)"
  phase "${SMALL_TIMEOUT_S:-900}" npx turbo run test:small --continue --concurrency=2 --output-logs=new-only || failed "small tests"
fi

step "lint gate: ESLint's result, then the lint self-test"
joined eslint || lint_ok=0
bash scripts/lint-selftest.sh || lint_ok=0
# Fails fast: no point running the slower tests of code the gate refuses.
(( lint_ok )) || {
  echo "lint/format failed: npm run lint:fix and npm run format fix most of it (stale API types: node scripts/web-api.mjs; stale manifests: npm run infra:synth)"
  failed "lint/format gate"
  print_failed
  exit 1
}

if [[ -n "$external_pid" ]]; then
  step "waiting for OpenSearch and Keycloak"
  if ! wait "$external_pid"; then
    echo "OpenSearch/Keycloak did not start:"; tail -n 40 "$work/external.log"
    # A machine can hold a stale or foreign server on the default ports (a session's leftovers): stop what was
    # started from these distributions and try once more on ports nobody holds, rather than test without them.
    bash infra/scripts/down-external.sh --strays >&2 || true
    OPENSEARCH_PORT="$(free_port)" OPENSEARCH_TRANSPORT_PORT="$(free_port)" KEYCLOAK_PORT="$(free_port)"
    export OPENSEARCH_PORT OPENSEARCH_TRANSPORT_PORT KEYCLOAK_PORT
    step "retrying OpenSearch ($OPENSEARCH_PORT) and Keycloak ($KEYCLOAK_PORT) on free ports"
    if ! bash infra/scripts/up-external.sh > "$work/external.env" 2> "$work/external.log"; then
      echo "OpenSearch/Keycloak did not start on the second try either:"; tail -n 40 "$work/external.log"
      echo "medium and end-to-end tests need them: stopping here (run infra/scripts/up-external.sh to see why)"
      exit 1
    fi
  fi
  # shellcheck disable=SC1091
  source "$work/external.env"
  tail -n 3 "$work/external.log"
fi
if [[ "$level" == all || "$level" == medium ]]; then
  step "medium tests (real PostgreSQL + NATS JetStream + OpenSearch)"
  phase "${MEDIUM_TIMEOUT_S:-1200}" npx turbo run test:medium --continue --concurrency=2 --output-logs=new-only || failed "medium tests"
fi
if [[ -n "$external_pid" && "$level" != medium ]]; then
  if [[ "$level" == all ]]; then
    # The resilience suite runs in the API lane after its files, beside the longer browser lane (e2e/run-lanes.sh).
    step "end-to-end tests (all apps as processes, over HTTP) and resilience tests (faults with real processes)"
    export E2E_RESILIENCE=1
  else
    step "end-to-end tests (all apps as processes, over HTTP)"
  fi
  phase "${E2E_TIMEOUT_S:-1800}" npm run -s test:e2e -w @govdisc/e2e || failed "end-to-end tests"
fi
# Real faults on private servers (NATS node lost, PostgreSQL restarted, replicas killed, OpenSearch cut, object store
# stopped, backup and restore); each prints submitted / found / duplicated. `npm test` runs them inside the e2e phase
# (above, E2E_RESILIENCE=1); `npm test -- resilience` runs only them.
if [[ "$level" == resilience ]]; then
  step "resilience tests (faults with real processes)"
  phase "${RESILIENCE_TIMEOUT_S:-600}" npm run -s test:resilience -w @govdisc/resilience || failed "resilience tests"
fi

step "summary"
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
  const sum = (k) => lines.reduce((n, l) => n + l[k], 0);
  console.log(`${lines.length} jest runs, ${sum("suites")} suites, finished in ${process.argv[2]} s`);
  console.log(`${sum("passed")} passed, ${sum("failed")} failed` + (sum("skipped") ? `, ${sum("skipped")} skipped` : ""));
  const root = process.cwd() + "/";
  const slowest = lines.flatMap((l) => (l.slowest ?? []).map((s) => ({ ...s, file: (l.cwd + "/" + s.file).replace(root, "") })));
  slowest.sort((a, b) => b.seconds - a.seconds);
  console.log("slowest test files: " + slowest.slice(0, 12).map((s) => `${s.file} ${Math.round(s.seconds)} s`).join(", "));
  if (lines.length === 0 || sum("passed") === 0) process.exit(1);
' "$GOVDISC_TEST_SUMMARY" "$(( $(date +%s) - began ))" || failed "summary (no jest run reported, or none passed)"
print_failed
exit "$status"
