import { baseServiceEnv, databaseEnv, loadConfig } from '@govdisc/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'service-guide-svc';

export const Env = baseServiceEnv.extend(databaseEnv.shape).extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3103),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('guide'),
});
export type AppConfig = Readonly<z.output<typeof Env>>;

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
