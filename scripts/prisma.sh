#!/usr/bin/env bash
# Runs the Prisma CLI for one app without its native engines (unreachable download on these machines):
# the env vars point the CLI at a dummy file so it uses the JS/WASM engine configured in prisma.config.ts.
#   scripts/prisma.sh <app> generate
#   scripts/prisma.sh <app> new-migration <name>   # authors SQL with `migrate diff` from the last schema snapshot
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$1"; shift
cd "$root/apps/$app"
dummy="$(mktemp)"; trap 'rm -f "$dummy"' EXIT
export PRISMA_SCHEMA_ENGINE_BINARY="$dummy" PRISMA_QUERY_ENGINE_LIBRARY="$dummy" PRISMA_HIDE_UPDATE_MESSAGE=1
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
prisma="$root/node_modules/.bin/prisma"
case "${1:-}" in
  generate) exec "$prisma" generate ;;
  new-migration)
    name="${2:?usage: new-migration <verb_what>}"
    snapshot="prisma/migrations/schema.snapshot.prisma"
    dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
    if [[ -f "$snapshot" ]]; then from=(--from-schema-datamodel "$snapshot"); else from=(--from-empty); fi
    mkdir -p "$dir"
    # Each service lives in its own PostgreSQL schema (search_path), so drop Prisma's "public" line.
    "$prisma" migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script \
      | grep -v '^CREATE SCHEMA IF NOT EXISTS "public";$' > "$dir/migration.sql"
    cp prisma/schema.prisma "$snapshot"
    echo "wrote $dir/migration.sql" ;;
  check-migrations)
    # Fails when schema.prisma changed without a migration (the snapshot is what migrations produce).
    "$prisma" migrate diff --from-schema-datamodel prisma/migrations/schema.snapshot.prisma \
      --to-schema-datamodel prisma/schema.prisma --exit-code >/dev/null ;;
  *) exec "$prisma" "$@" ;;
esac
