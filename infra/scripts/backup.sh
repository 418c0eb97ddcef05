#!/usr/bin/env bash
# Backs up the platform's database: every service schema (gateway, policy, qa, guide, disclosure, notify) with its
# outbox (sent_at) and processed_event rows, in one consistent snapshot (pg_dump runs in one transaction).
#   infra/scripts/backup.sh <database-url> <dump-file>
# The dump is pg_dump's custom format (compressed; pg_restore reads it). Keycloak's database is backed up the same
# way with its own URL. Search indices and JetStream streams are not in it: they are rebuilt or refilled (infra/README.md).
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 <database-url> <dump-file>" >&2
  exit 2
fi
url="$1"
out="$2"
tmp="$out.partial"
# Written to a side file and renamed: a dump cut short never looks like a finished one.
pg_dump --format=custom --no-owner --no-privileges --file="$tmp" "$url"
mv "$tmp" "$out"
echo "backup: $(pg_restore --list "$out" | grep -c ' TABLE DATA ') tables, $(du -h "$out" | cut -f1) in $out" >&2
