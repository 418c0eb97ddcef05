import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppSpec } from './apps.js';

/**
 * The environment variables an app reads, found in its source: the keys of its zod schema in src/config/env.ts
 * (with service-kit's shared baseServiceEnv / databaseEnv when it extends them) and every `process.env.NAME`
 * outside tests. Null when apps/<name> does not exist (yet).
 */
export function envReadBy(root: string, app: string): Set<string> | null {
  const dir = join(root, 'apps', app);
  if (!existsSync(dir)) return null;
  const names = new Set<string>();
  const envTs = join(dir, 'src', 'config', 'env.ts');
  if (existsSync(envTs)) {
    const text = readFileSync(envTs, 'utf8');
    for (const name of schemaKeys(text)) names.add(name);
    const kit = readFileSync(join(root, 'packages', 'service-kit', 'src', 'config.ts'), 'utf8');
    for (const shared of ['baseServiceEnv', 'databaseEnv']) {
      if (text.includes(shared)) for (const name of schemaKeys(block(kit, shared))) names.add(name);
    }
  }
  // A Next.js app served by packages/web-serve reads that package's variables (HTTP_PORT, HOST, …) too.
  const pkg = join(dir, 'package.json');
  const served = existsSync(pkg) && readFileSync(pkg, 'utf8').includes('"@govdisc/web-serve"');
  for (const file of [...sourceFiles(dir), ...(served ? [join(root, 'packages', 'web-serve', 'serve.mjs')] : [])]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(m[1] as string);
  }
  return names;
}

/** Differences between what the manifests set for an app and what it reads, as sentences. */
export function coverageProblems(app: AppSpec, appReads: Set<string>): string[] {
  const setByFramework = FRAMEWORK_SETS[app.runtime];
  const reads = new Set([...appReads, ...FRAMEWORK_VARS[app.runtime]].filter((name) => !setByFramework.includes(name)));
  const set = new Set([...Object.keys(app.config), ...Object.keys(app.secrets)]);
  const problems: string[] = [];
  for (const name of setByFramework) if (set.has(name)) problems.push(`${app.name}: apps.ts sets ${name}, which the framework sets itself`);
  for (const name of reads) if (!set.has(name)) problems.push(`${app.name} reads ${name}, which infra/deploy/src/apps.ts does not set`);
  for (const name of set)
    if (!reads.has(name) && !setByFramework.includes(name)) problems.push(`${app.name}: apps.ts sets ${name}, which the app never reads`);
  for (const name of Object.keys(app.config)) if (name in app.secrets) problems.push(`${app.name}: ${name} is both config and secret`);
  // The probes and the Service target `port`: the app must listen there.
  if (app.config.HTTP_PORT !== String(app.port))
    problems.push(`${app.name}: HTTP_PORT ${app.config.HTTP_PORT ?? '(unset)'} is not its port ${app.port}`);
  return problems;
}

/** Read by the framework rather than by our code: Next.js decides its mode and telemetry from these. */
const FRAMEWORK_VARS: Record<AppSpec['runtime'], string[]> = { nest: [], next: ['NODE_ENV', 'NEXT_TELEMETRY_DISABLED'] };
/** Set by the framework in its own process (Next.js: the runtime a module runs in); the app may read them, we never set them. */
const FRAMEWORK_SETS: Record<AppSpec['runtime'], string[]> = { nest: [], next: ['NEXT_RUNTIME'] };

const schemaKeys = (text: string) => [...text.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string);

/** The text of `export const <name> = …` up to the next top-level export. */
function block(text: string, name: string): string {
  const start = text.indexOf(`export const ${name}`);
  if (start < 0) throw new Error(`service-kit config.ts has no ${name}`);
  const end = text.indexOf('\nexport ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      if (['node_modules', 'dist', '.next', 'test', 'generated', 'public'].includes(entry)) continue;
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mjs|js)$/.test(entry) && !/\.(spec|medium-spec|e2e-spec)\.ts$/.test(entry) && !/config\.(js|ts|mjs)$/.test(entry))
        out.push(path);
    }
  };
  for (const sub of ['src', 'scripts']) if (existsSync(join(dir, sub))) walk(join(dir, sub));
  return out;
}
