import { baseServiceEnv, loadConfig } from '@govdisc/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'gateway';

export const Env = baseServiceEnv.extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(1_500),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'like 512kb or 1mb').default('1mb'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
});
export type AppConfig = Readonly<z.output<typeof Env>>;

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
