import { baseServiceEnv, databaseEnv, loadConfig } from '@govdisc/service-kit';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const SERVICE_NAME = 'policy-svc';

export const Env = baseServiceEnv.extend(databaseEnv.shape).extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3101),
  DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('policy'),
  // Search read model: OpenSearch when set, else the embedded engine persisted under SEARCH_DATA_DIR.
  OPENSEARCH_URL: z.url().optional(),
  OPENSEARCH_ALIAS: z.string().regex(/^[a-z0-9_-]+$/).default('govdisc-policies'),
  // Outside the repository by default; one sub-directory per database so test runs never share a snapshot.
  SEARCH_DATA_DIR: z.string().min(1).default(join(homedir(), '.cache', 'govdisc', 'search')),
  SEARCH_SNAPSHOT_DEBOUNCE_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
  // How often documents past their expiry date are expired (scheduled expiry).
  EXPIRY_CHECK_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
});
export type AppConfig = Readonly<z.output<typeof Env>>;

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
