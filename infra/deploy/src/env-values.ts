import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppSpec } from './apps.js';

/** Stand-ins for what Secrets hold, shaped as each app's schema expects, so only the ConfigMap values are judged. */
const SECRET_SAMPLES: Record<string, string> = {
  DATABASE_URL: 'postgresql://app:secret@db.example:5432/govdisc',
  SMTP_URL: 'smtps://user:secret@smtp.example:465',
  UNSUBSCRIBE_SECRET: 'x'.repeat(32),
};

interface EnvModule {
  loadAppConfig: (env: Record<string, string | undefined>) => unknown;
}

/**
 * Parses an app's ConfigMap values with the app's own configuration schema (its built src/config/env.ts), the way
 * the app will at start: a value it would refuse (TRUST_PROXY misspelt, a retry schedule in seconds) is found here.
 * Null when the app has no built env module (a Next.js site, or apps not built yet).
 */
export async function envValueProblems(root: string, app: AppSpec): Promise<string[] | null> {
  const module = join(root, 'apps', app.name, 'dist', 'config', 'env.js');
  if (!existsSync(module)) return null;
  const { loadAppConfig } = (await import(pathToFileURL(module).href)) as EnvModule;
  const sampled = Object.entries(app.secrets).filter(([, ref]) => !ref.otherSetup);
  const env = { ...app.config, ...Object.fromEntries(sampled.map(([name]) => [name, SECRET_SAMPLES[name] ?? 'secret'])) };
  try {
    loadAppConfig(env);
    return [];
  } catch (error) {
    return [`${app.name}: the app refuses its ConfigMap: ${(error as Error).message.replace(/\n\s*/g, ' ')}`];
  }
}
