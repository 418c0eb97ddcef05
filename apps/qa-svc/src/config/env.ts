import { baseServiceEnv, databaseEnv, loadConfig } from '@govdisc/service-kit';
import { QA_CONFIDENCE_MODEL } from '@govdisc/text-analysis';
import { z } from 'zod';

export const SERVICE_NAME = 'qa-svc';

export const Env = baseServiceEnv.extend(databaseEnv.shape).extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3102),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('qa'),
  /** calibrated confidence from which an answer is given; the default reaches answered precision 0.95 on the dev sets */
  ASK_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(QA_CONFIDENCE_MODEL.threshold),
  /** below this a candidate is too unlikely to be offered as "您是不是想问" (calibrated; every right top candidate of
   * the dev sets clears it) */
  ASK_SUGGESTION_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.05),
  /** Recent ask results kept per replica (0 turns the cache off), and for how long at most. */
  ASK_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  ASK_CACHE_TTL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  QA_INDEX_REFRESH_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  // Q&A search index: OpenSearch when set, under its own alias (never policy-svc's); else in-process.
  OPENSEARCH_URL: z.url().optional(),
  QA_INDEX_ALIAS: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('govdisc-qa'),
});
export type AppConfig = Readonly<z.output<typeof Env>>;

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
