import { readFileSync } from 'node:fs';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import type { AppSpec } from './apps.js';

/** DCLint's rules that catch mistakes; the ordering and quoting rules are style, left to review. */
const RULES = {
  'no-duplicate-container-names': 2,
  'no-duplicate-exported-ports': 2,
  'no-unbound-port-interfaces': 2,
  'service-image-require-explicit-tag': 2,
  'no-version-field': 2,
  'require-project-name-field': 2,
  'no-build-and-image': 0,
  'no-quotes-in-volumes': 0,
  'require-quotes-in-ports': 0,
  'service-container-name-regex': 0,
  'service-dependencies-alphabetical-order': 0,
  'service-keys-order': 0,
  'service-ports-alphabetical-order': 0,
  'services-alphabetical-order': 0,
  'top-level-properties-order': 0,
} as const;

/** The part of DCLint's API used here (its bundled declarations do not resolve under NodeNext). */
interface Linter {
  lintFiles(
    paths: string[],
    recursive: boolean,
  ): { messages: { type: 'error' | 'warning'; line: number; message: string; rule: string }[] }[];
}
const Linter = DCLinter as unknown as new (config: {
  rules: Record<string, number>;
  quiet: boolean;
  debug: boolean;
  exclude: string[];
}) => Linter;

interface ComposeService {
  environment?: Record<string, unknown>;
  healthcheck?: unknown;
}

/**
 * The compose file against the Compose Specification's schema (DCLint) and a few rules, then against the app table:
 * every app is a service with a health check, and sets no variable the app does not read.
 */
export function composeProblems(file: string, apps: AppSpec[], reads: (app: AppSpec) => Set<string> | null): string[] {
  const problems: string[] = [];
  const linter = new Linter({ rules: RULES, quiet: true, debug: false, exclude: [] });
  for (const result of linter.lintFiles([file], false)) {
    for (const m of result.messages) if (m.type === 'error') problems.push(`${file}:${m.line}: ${m.message} (${m.rule})`);
  }
  if (problems.length) return problems;
  const services = (parse(readFileSync(file, 'utf8'), { merge: true }) as { services?: Record<string, ComposeService> }).services ?? {};
  for (const app of apps) {
    const service = services[app.name];
    const known = reads(app);
    if (!service) {
      if (known) problems.push(`${file}: no service for ${app.name}`);
      continue;
    }
    if (!service.healthcheck) problems.push(`${file}: ${app.name} has no healthcheck`);
    for (const name of Object.keys(service.environment ?? {})) {
      if (known && !known.has(name) && !['NODE_ENV', 'NEXT_TELEMETRY_DISABLED'].includes(name))
        problems.push(`${file}: ${app.name} sets ${name}, which the app never reads`);
    }
  }
  return problems;
}
