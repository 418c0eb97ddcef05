import { baseServiceEnv, databaseEnv, loadConfig } from '@govdisc/service-kit';
import type { ObjectStoreSettings } from '@govdisc/object-store';
import { z } from 'zod';

export const SERVICE_NAME = 'disclosure-request-svc';

const flag = (dflt: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(dflt)
    .transform((v) => v === 'true' || v === '1');

export const Env = baseServiceEnv
  .extend(databaseEnv.shape)
  .extend({
    HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3104),
    DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('disclosure'),
    // Documented assumptions for UNCONFIRMED points of the domain spec (docs/domain/disclosure-requests.md §14; see src/request/domain/assumptions.ts).
    DISCLOSURE_DEFAULT_AGENCY: z.string().min(1).default('江东市人民政府办公室'),
    DISCLOSURE_REVIEW_BODY: z.string().min(1).default('江东市人民政府'),
    DISCLOSURE_SUPPLEMENT_WINDOW_WD: z.coerce.number().int().min(1).max(60).default(15),
    DISCLOSURE_FEE_PAUSES_CLOCK: flag('true'),
    DISCLOSURE_REASONS_PAUSE_CLOCK: flag('true'),
    DISCLOSURE_DUPLICATE_WINDOW_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
    // Attachments: outside the database, in an object store — a directory (one machine) or an S3-compatible bucket (replicas on several nodes).
    ATTACHMENT_STORE: z.enum(['filesystem', 's3']).default('filesystem'),
    ATTACHMENT_DIR: z.string().min(1).default('./var/attachments'),
    ATTACHMENT_S3_BUCKET: z.string().min(3).max(63).optional(),
    ATTACHMENT_S3_PREFIX: z
      .string()
      .regex(/^([a-z0-9._-]+\/)*$/, 'empty or segments ending in "/", e.g. attachments/')
      .default('attachments/'),
    ATTACHMENT_S3_ENDPOINT: z.url().optional(),
    ATTACHMENT_S3_REGION: z.string().min(1).default('us-east-1'),
    ATTACHMENT_S3_FORCE_PATH_STYLE: flag('true'),
    ATTACHMENT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    ATTACHMENT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).max(10_000_000).default(700_000),
    // Deadline reminder scheduler (due soon / overdue / expired windows); 0 disables the timer.
    DEADLINE_SCAN_INTERVAL_MS: z.coerce.number().int().min(0).default(600_000),
  })
  .refine((env) => env.ATTACHMENT_STORE !== 's3' || env.ATTACHMENT_S3_BUCKET, {
    path: ['ATTACHMENT_S3_BUCKET'],
    message: 'ATTACHMENT_S3_BUCKET is required when ATTACHMENT_STORE=s3',
  })
  .refine((env) => !env.ATTACHMENT_S3_ACCESS_KEY_ID === !env.ATTACHMENT_S3_SECRET_ACCESS_KEY, {
    path: ['ATTACHMENT_S3_SECRET_ACCESS_KEY'],
    message: 'set both ATTACHMENT_S3_ACCESS_KEY_ID and ATTACHMENT_S3_SECRET_ACCESS_KEY, or neither (the SDK default chain)',
  });
export type AppConfig = Readonly<z.output<typeof Env>>;

/** The attachment store's settings, from the variables above. */
export function attachmentStoreSettings(config: AppConfig): ObjectStoreSettings {
  if (config.ATTACHMENT_STORE === 'filesystem') return { kind: 'filesystem', dir: config.ATTACHMENT_DIR };
  const id = config.ATTACHMENT_S3_ACCESS_KEY_ID;
  const secret = config.ATTACHMENT_S3_SECRET_ACCESS_KEY;
  return {
    kind: 's3',
    bucket: config.ATTACHMENT_S3_BUCKET!,
    prefix: config.ATTACHMENT_S3_PREFIX,
    ...(config.ATTACHMENT_S3_ENDPOINT ? { endpoint: config.ATTACHMENT_S3_ENDPOINT } : {}),
    region: config.ATTACHMENT_S3_REGION,
    forcePathStyle: config.ATTACHMENT_S3_FORCE_PATH_STYLE,
    ...(id && secret ? { credentials: { accessKeyId: id, secretAccessKey: secret } } : {}),
  };
}

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
