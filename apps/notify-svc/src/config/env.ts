import { baseServiceEnv, databaseEnv, envBoolean, loadConfig } from '@govdisc/service-kit';
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
    /** How often the webhook sender looks for due deliveries (it is also woken after each event). */
    WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(20).max(600_000).default(500),
    /** Timeout of one outgoing webhook request (connect + response). */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /**
     * Waits between attempts, comma-separated durations in ms (jitter of up to +10 % is added); after the
     * last one fails the delivery is dead-lettered. Default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h:
     * 8 attempts over about 27.6 hours.
     */
    WEBHOOK_RETRY_SCHEDULE_MS: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'comma-separated milliseconds, e.g. 5000,300000')
      .default('5000,300000,1800000,7200000,18000000,36000000,36000000')
      .transform((s) => s.split(',').map(Number)),
    /**
     * Multiplies every wait of WEBHOOK_RETRY_SCHEDULE_MS (default 1: the real schedule). Tests compress the real
     * schedule with it (0.004: ten minutes in 2.4 s) instead of inventing a shorter one; the failure window is not scaled.
     */
    WEBHOOK_RETRY_TIME_SCALE: z.coerce.number().gt(0).max(1).default(1),
    /** An endpoint failing without a success for this long is disabled and its department told (default one day). */
    WEBHOOK_FAILURE_WINDOW_MS: z.coerce.number().int().min(1_000).default(86_400_000),
    /** Subscribers per policy fan-out batch (one statement, one transaction): larger is faster, smaller holds locks shorter. */
    FANOUT_BATCH_SIZE: z.coerce.number().int().min(1).max(50_000).default(5_000),
    /** How often the fan-out worker looks for unfinished jobs (it is also woken by each policy event). */
    FANOUT_POLL_INTERVAL_MS: z.coerce.number().int().min(20).max(600_000).default(1_000),
    /** How often due daily digests are looked for (a digest goes out within this much after its hour). */
    DIGEST_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    /** SMS and WeChat subscription messages: the provider behind each port ("log": record in the delivery log only). */
    SMS_PROVIDER: z.enum(['log']).default('log'),
    WECHAT_PROVIDER: z.enum(['log']).default('log'),
    CHANNEL_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
    CHANNEL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** Development and tests only: deliveries may connect to loopback/private/link-local addresses (off: SSRF guard). */
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: envBoolean.default(false),
  })
  .refine((env) => !env.SMTP_URL || env.UNSUBSCRIBE_SECRET, {
    path: ['UNSUBSCRIBE_SECRET'],
    message: 'UNSUBSCRIBE_SECRET is required when SMTP_URL is set',
  });
export type AppConfig = Readonly<z.output<typeof Env>>;

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
