#!/usr/bin/env bash
# One command for a newcomer: installs what is needed, migrates, starts all seven apps with demo
# content and prints the URLs. Ctrl-C stops everything cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error(`Node ${process.versions.node} is too old: need 20.19 or newer`); process.exit(1) }'
say "dependencies"
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then npm ci --no-audit --no-fund; else echo "node_modules up to date"; fi
say "local services: PostgreSQL and NATS JetStream"
bash infra/scripts/ensure-postgres.sh
bash infra/scripts/ensure-nats.sh
say "build"
npx turbo run build --output-logs=errors-only
say "database migrations and event streams"
node scripts/db-migrate.mjs
node scripts/bus-apply.mjs
say "starting the platform"
exec node scripts/stack.mjs --then "node scripts/demo-load.mjs"
