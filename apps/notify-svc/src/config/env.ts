import { baseServiceEnv, databaseEnv, loadConfig } from '@govdisc/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'notify-svc';

export const Env = baseServiceEnv
  .extend(databaseEnv.shape)
  .extend({
    HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3105),
    DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('notify'),
    /** Unset: no email channel (nothing is queued). e.g. smtps://user:pass@smtp.example.gov.cn:465 (URL-encode the password). */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    SMTP_FROM: z.string().min(3).default('江东市政务公开平台 <no-reply@govdisc.example>'),
    /** Signs the one-click unsubscribe links; at least 32 characters; required with SMTP_URL (no default: it is a secret). */
    UNSUBSCRIBE_SECRET: z.string().min(32).optional(),
    /** Where people reach the API (the gateway): unsubscribe links point here. */
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3000'),
    EMAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
    EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  })
  .refine((env) => !env.SMTP_URL || env.UNSUBSCRIBE_SECRET, {
    path: ['UNSUBSCRIBE_SECRET'],
    message: 'UNSUBSCRIBE_SECRET is required when SMTP_URL is set',
  });
export type AppConfig = Readonly<z.output<typeof Env>>;

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
