#!/usr/bin/env bash
# Proves the lint gate can fail: puts known violations into a throwaway file inside an app and checks
# that ESLint (a type-aware rule), Prettier and the import-boundary test each report them.
set -euo pipefail
cd "$(dirname "$0")/.."
probe="apps/notify-svc/src/lint-selftest-probe.ts"
[[ -e "$probe" ]] && { echo "$probe exists already" >&2; exit 2; }
trap 'rm -f "$probe"' EXIT
failed=0
expect_failure() { # <what> <pattern the output must contain> <command…>
  local what="$1" pattern="$2" out
  shift 2
  if out="$("$@" 2>&1)"; then echo "lint self-test: $what passed a known violation" >&2; failed=1
  elif ! grep -q -- "$pattern" <<<"$out"; then echo "lint self-test: $what failed without naming '$pattern':" >&2; echo "$out" >&2; failed=1
  else echo "ok: $what reports $pattern"; fi
}

# A floating promise (type-aware rule) in otherwise well-formatted code.
printf '%s\n' 'export async function probe(): Promise<void> {' '  await Promise.resolve();' '}' 'export function caller(): void {' '  probe();' '}' > "$probe"
expect_failure eslint '@typescript-eslint/no-floating-promises' npx eslint --max-warnings 0 --no-cache "$probe"

# Double quotes and a missing trailing comma: Prettier's business.
printf '%s\n' 'export const probe = ["a", "b"];' > "$probe"
expect_failure prettier "$probe" npx prettier --check "$probe"

# An app importing another app: the boundary test names the import.
printf '%s\n' "export { SERVICE_NAME } from '../../qa-svc/src/config/env.js';" > "$probe"
expect_failure 'import boundaries' 'lint-selftest-probe.ts' npm run -s lint:boundaries

exit "$failed"
