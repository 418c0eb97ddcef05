#!/usr/bin/env bash
# Proves `npm run infra:validate` can fail: runs the validator on copies of the deployment files with known mistakes
# and checks that each is reported by name (like scripts/lint-selftest.sh does for the lint gate).
# Needs infra/deploy built (npm test's build step, or npm run infra:validate once).
set -euo pipefail
cd "$(dirname "$0")/.."
validate=(node infra/deploy/dist/validate.js)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
expect_failure() { # <what> <pattern the output must contain> <validator arguments…>
  local what="$1" pattern="$2" out
  shift 2
  if out="$("${validate[@]}" "$@" 2>&1)"; then echo "infra self-test: $what passed" >&2; failed=1
  elif ! grep -qF -- "$pattern" <<<"$out"; then echo "infra self-test: $what failed without naming '$pattern':" >&2; echo "$out" >&2; failed=1
  else echo "ok: $what reports $pattern"; fi
}
fresh() { rm -rf "$work/k8s"; cp -r infra/k8s "$work/k8s"; }

# The untouched files pass (else every expectation below would hold for the wrong reason).
"${validate[@]}" >/dev/null || { echo "infra self-test: the committed files do not validate" >&2; exit 1; }

# A manifest that breaks the Deployment schema (a string where an integer belongs), listed for kustomize.
fresh
printf '%s\n' 'apiVersion: apps/v1' 'kind: Deployment' 'metadata: {name: probe, namespace: govdisc}' \
  'spec:' '  replicas: two' '  selector: {matchLabels: {app: probe}}' \
  '  template: {metadata: {labels: {app: probe}}, spec: {containers: [{name: probe, image: probe}]}}' > "$work/k8s/probe.yaml"
printf '  - probe.yaml\n' >> "$work/k8s/kustomization.yaml"
expect_failure 'schema' 'spec/replicas must be integer' --dir "$work/k8s"

# A kind the validator has no schema for (a typo in `kind`).
fresh
sed -i '0,/^kind: Deployment$/s//kind: Deploymnet/' "$work/k8s/app-gateway.yaml"
expect_failure 'unknown kind' 'no schema for apps/v1/Deploymnet' --dir "$work/k8s"

# A reference to a ConfigMap that does not exist (the schema cannot see it).
fresh
sed -i '/configMapRef:/{n;s/name: gateway-config$/name: gateway-confg/}' "$work/k8s/app-gateway.yaml"
expect_failure 'references' 'ConfigMap gateway-confg is not defined' --dir "$work/k8s"

# A hand edit: valid, but lost at the next synth.
fresh
sed -i 's/minReplicas: 2/minReplicas: 1/' "$work/k8s/app-web.yaml"
expect_failure 'generated files' 'run npm run infra:synth' --dir "$work/k8s"

# compose: a misspelt top-level key breaks the Compose Specification's schema.
sed 's/^services:/servics:/' infra/compose.yaml > "$work/compose.yaml"
expect_failure 'compose schema' 'invalid-schema' --compose "$work/compose.yaml"

# Dockerfile: an image that runs as root.
cp infra/docker/Dockerfile "$work/Dockerfile"
printf 'USER root\n' >> "$work/Dockerfile"
expect_failure 'Dockerfile' 'non-root USER' --dockerfile "$work/Dockerfile"

exit "$failed"
