import { baseServiceEnv, databaseEnv, loadConfig } from '@govdisc/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'disclosure-request-svc';

const flag = (dflt: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(dflt)
    .transform((v) => v === 'true' || v === '1');

export const Env = baseServiceEnv.extend(databaseEnv.shape).extend({
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
  // Attachments: stored on local disk outside the database.
  ATTACHMENT_DIR: z.string().min(1).default('./var/attachments'),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).max(10_000_000).default(700_000),
  // Deadline reminder scheduler (due soon / overdue / expired windows); 0 disables the timer.
  DEADLINE_SCAN_INTERVAL_MS: z.coerce.number().int().min(0).default(600_000),
});
export type AppConfig = Readonly<z.output<typeof Env>>;

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
