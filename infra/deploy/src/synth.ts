#!/usr/bin/env node
// Writes infra/k8s/*.yaml and the env table of infra/README.md from the TypeScript in this workspace.
//   npm run infra:synth
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { apps } from './apps.js';
import { envTable, withEnvTable } from './env-table.js';
import { renderAll } from './manifests.js';
import { repoRoot } from './paths.js';

const out = renderAll();
const k8sDir = join(repoRoot, 'infra', 'k8s');
mkdirSync(k8sDir, { recursive: true });
// A file no longer generated (an app removed) must not linger and still be applied.
for (const file of readdirSync(k8sDir)) if (file.endsWith('.yaml') && !out.has(`infra/k8s/${file}`)) rmSync(join(k8sDir, file));
for (const [path, text] of out) {
  mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
  writeFileSync(join(repoRoot, path), text);
}
const readmePath = join(repoRoot, 'infra', 'README.md');
const readme = withEnvTable(readFileSync(readmePath, 'utf8'), envTable(apps));
if (readme === null) throw new Error('infra/README.md lacks the env-table markers');
writeFileSync(readmePath, readme);
console.log(`wrote ${out.size} files in infra/k8s and the env table of infra/README.md`);
