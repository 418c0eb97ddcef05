import { baseServiceEnv, databaseEnv, loadConfig } from '@govdisc/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'service-guide-svc';

export const Env = baseServiceEnv.extend(databaseEnv.shape).extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3103),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('guide'),
  // Search index of published matters and bundles: OpenSearch when set, under its own alias; else in-process.
  OPENSEARCH_URL: z.url().optional(),
  GUIDE_INDEX_ALIAS: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('govdisc-guides'),
  GUIDE_INDEX_REFRESH_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
});
export type AppConfig = Readonly<z.output<typeof Env>>;

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
