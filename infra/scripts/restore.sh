#!/usr/bin/env bash
# Restores a dump made by backup.sh into a fresh, empty database (create it first: createdb, or CREATE DATABASE).
#   infra/scripts/restore.sh <dump-file> <database-url>
# All or nothing (one transaction). Refuses a database that already holds any schema besides public: restoring
# over live data would mix two points in time. Then start the apps on it (their migrations find nothing to do) and
# rebuild the search indices (infra/README.md, "Backup and restore").
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 <dump-file> <database-url>" >&2
  exit 2
fi
dump="$1"
url="$2"
[[ -f "$dump" ]] || { echo "restore: no dump at $dump" >&2; exit 2; }
present="$(psql --no-psqlrc --tuples-only --no-align --dbname="$url" --command \
  "SELECT string_agg(nspname, ',') FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\_%'")"
if [[ -n "$present" ]]; then
  echo "restore: the target database already has schemas ($present); restore into a fresh database" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$url" "$dump"
echo "restore: $dump restored into $(psql --no-psqlrc -tA --dbname="$url" -c 'SELECT current_database()')" >&2
