#!/usr/bin/env bash
# The repository is self-contained: tests read the fixture corpus in test-fixtures/, never the full data
# set beside the repository (../shared/data, for benchmarks and the GOVDISC_FULL_CORPUS opt-in only), and
# the domain spec the code cites is docs/domain/disclosure-requests.md, not a copy outside the repository.
set -uo pipefail
cd "$(dirname "$0")/.."
# The one place allowed to name ../shared/data in test code: the opt-in full-corpus path.
allowed='^packages/search-index/src/contract/real-sample\.ts:'
found=0
data=$(grep -rnE 'shared/data|shared'"'"', *'"'"'data' e2e apps/*/src apps/*/test packages/*/src packages/*/test \
  --include='*.ts' --include='*.js' --include='*.mjs' 2>/dev/null | grep -vE "$allowed")
if [[ -n "$data" ]]; then
  echo "tests read ../shared/data (use test-fixtures/corpus/, see e2e/corpus.ts; the full corpus is for bench/):"
  echo "$data"
  found=1
fi
domain=$(grep -rn 'shared/domain' . --exclude-dir=node_modules --exclude-dir=dist --exclude-dir=.git --exclude-dir=.turbo \
  --exclude=check-self-contained.sh 2>/dev/null)
if [[ -n "$domain" ]]; then
  echo "references to the spec outside the repository (it is docs/domain/disclosure-requests.md):"
  echo "$domain"
  found=1
fi
exit "$found"
