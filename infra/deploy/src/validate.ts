#!/usr/bin/env node
// Offline checks of the deployment (npm run infra:validate, part of npm test's lint phase): every manifest against
// the Kubernetes schemas and the references between them, the files equal to what the code generates, every
// variable each app reads set for it, infra/compose.yaml against the Compose schema, the Dockerfile. Exit 1 with every problem.
//   node infra/deploy/dist/validate.js [--dir infra/k8s] [--compose infra/compose.yaml] [--dockerfile infra/docker/Dockerfile]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { apps, type AppSpec } from './apps.js';
import { composeProblems } from './compose-check.js';
import { dockerfileProblems } from './dockerfile-check.js';
import { coverageProblems, envReadBy } from './env-coverage.js';
import { envTable, withEnvTable } from './env-table.js';
import { envValueProblems } from './env-values.js';
import { renderAll } from './manifests.js';
import { repoRoot } from './paths.js';
import { platform } from './platform.js';
import { referenceProblems } from './references.js';
import { checkYaml, type Resource } from './schema-check.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, compose: { type: 'string' }, dockerfile: { type: 'string' } } });
const dir = resolve(values.dir ?? join(repoRoot, 'infra', 'k8s'));
const composeFile = resolve(values.compose ?? join(repoRoot, 'infra', 'compose.yaml'));
const dockerfile = resolve(values.dockerfile ?? join(repoRoot, 'infra', 'docker', 'Dockerfile'));
const problems: string[] = [];
const notes: string[] = [];

// 1. Schemas and references.
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml')
  .sort();
const resources: Resource[] = [];
for (const file of files) {
  const result = checkYaml(file, readFileSync(join(dir, file), 'utf8'));
  resources.push(...result.resources);
  problems.push(...result.problems);
}
problems.push(...referenceProblems(resources, platform.namespace));

// 2. Applied as a whole: the kustomization lists exactly the files.
const kustomization = join(dir, 'kustomization.yaml');
if (!existsSync(kustomization)) problems.push(`${relative(repoRoot, dir)}: no kustomization.yaml`);
else {
  const listed = [...readFileSync(kustomization, 'utf8').matchAll(/^\s+- (\S+\.ya?ml)$/gm)].map((m) => m[1] as string).sort();
  for (const f of files) if (!listed.includes(f)) problems.push(`kustomization.yaml does not list ${f}`);
  for (const f of listed) if (!files.includes(f)) problems.push(`kustomization.yaml lists ${f}, which does not exist`);
}

// 3. The committed files are what the code generates (a hand edit would be lost at the next synth).
const stale: string[] = [];
for (const [path, text] of renderAll()) {
  const file = join(dir, path.replace(/^infra\/k8s\//, ''));
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(path);
}
const readme = readFileSync(join(repoRoot, 'infra', 'README.md'), 'utf8');
if (withEnvTable(readme, envTable(apps)) !== readme) stale.push('infra/README.md (env table)');
if (stale.length) problems.push(`not what infra/deploy generates (run npm run infra:synth): ${stale.join(', ')}`);

// 4. Every variable an app reads is set for it, nothing it does not read, and the app accepts the values.
const reads = (app: AppSpec) => envReadBy(repoRoot, app.name);
for (const app of apps) {
  const read = reads(app);
  if (read === null) {
    if (app.pending) notes.push(`${app.name}: apps/${app.name} does not exist yet, its variables are not checked (${app.pending})`);
    else problems.push(`${app.name}: apps/${app.name} does not exist`);
    continue;
  }
  problems.push(...coverageProblems(app, read));
  const valueProblems = await envValueProblems(repoRoot, app);
  if (valueProblems) problems.push(...valueProblems);
  else if (app.runtime === 'nest') notes.push(`${app.name}: not built, its ConfigMap values are not parsed (npx turbo run build)`);
}
for (const entry of readdirSync(join(repoRoot, 'apps'))) {
  if (!apps.some((a) => a.name === entry)) problems.push(`apps/${entry} has no entry in infra/deploy/src/apps.ts (no manifests, no image)`);
}

// 5. The compose file.
problems.push(...composeProblems(composeFile, apps, reads));

// 6. The image recipe.
problems.push(...dockerfileProblems(dockerfile));

for (const note of notes) console.log(`note: ${note}`);
if (problems.length) {
  console.error(`infra:validate: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
const kinds = [...new Set(resources.map((r) => r.kind))].sort().join(', ');
console.log(`infra:validate ok: ${resources.length} objects in ${files.length} files valid against the Kubernetes schemas (${kinds});`);
console.log(
  `  references resolve; files match the generator; env of ${apps.length} apps covered; ${relative(repoRoot, composeFile)} and ${relative(repoRoot, dockerfile)} valid`,
);
