import { readFileSync } from 'node:fs';

/** Reads an `.env.example` file (KEY=value lines, # comments) into an environment object. */
export function readEnvExample(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) env[m[1]!] = m[2]!.trim();
  }
  return env;
}
