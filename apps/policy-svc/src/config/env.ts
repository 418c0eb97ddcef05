import { baseServiceEnv, databaseEnv, loadConfig } from '@govdisc/service-kit';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const SERVICE_NAME = 'policy-svc';

/** Another policy library offered with every query ("search there too"); `{q}` becomes the URL-encoded query. */
export const ExternalLibrary = z.object({
  name: z.string().trim().min(1).max(50),
  urlTemplate: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/u, 'must be an http(s) URL')
    .refine((t) => t.includes('{q}'), 'must contain {q} where the query goes')
    .refine((t) => z.url().safeParse(t.replaceAll('{q}', 'q')).success, 'must be a valid URL once {q} is filled in'),
});
export type ExternalLibrary = z.infer<typeof ExternalLibrary>;

export const DEFAULT_EXTERNAL_LIBRARIES: ExternalLibrary[] = [
  { name: '国务院政策文件库', urlTemplate: 'https://sousuo.www.gov.cn/zcwjk/policyDocumentLibrary?t=zhengcelibrary&q={q}' },
];

/** A JSON list of libraries; unset = the defaults, `[]` = none. */
const externalLibrariesEnv = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {"name","urlTemplate"}' });
      return z.NEVER;
    }
  })
  .pipe(z.array(ExternalLibrary).max(10))
  .default(DEFAULT_EXTERNAL_LIBRARIES);

export const Env = baseServiceEnv.extend(databaseEnv.shape).extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3101),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('policy'),
  // Search read model: OpenSearch when set, else the embedded engine persisted under SEARCH_DATA_DIR.
  OPENSEARCH_URL: z.url().optional(),
  OPENSEARCH_ALIAS: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('govdisc-policies'),
  // OpenSearch: memory for result rows (display fields and body) held per document version, so a search fetches only
  // ids, scores and versions (ADR 0044). 0 = none: every page fetches its rows.
  OPENSEARCH_PAGE_ROWS_MB: z.coerce.number().int().min(0).max(4096).default(32),
  // Outside the repository by default; one sub-directory per database so test runs never share a snapshot.
  SEARCH_DATA_DIR: z
    .string()
    .min(1)
    .default(join(homedir(), '.cache', 'govdisc', 'search')),
  SEARCH_SNAPSHOT_DEBOUNCE_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
  // Search pages held per replica until the index changes (people repeat the same searches; ADR 0043). 0 = off. The
  // time to live bounds what the index's changes do not cover (on OpenSearch, another replica's rebuild).
  SEARCH_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(2000),
  SEARCH_CACHE_TTL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(300_000),
  // How often documents past their expiry date are expired (scheduled expiry).
  EXPIRY_CHECK_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  // How often the rows related lists choose their candidates from are brought up to date (rows changed since the
  // previous read): a change reaches candidate choice this much later (ADR 0038).
  RELATED_ROWS_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  // Related lists are ranked ahead, every public document's, once the library has not changed for this long (checked
  // this often): a first visit then reads a held list. 0 = off (lists ranked on a first visit only). ADR 0041.
  RELATED_AHEAD_SETTLE_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  // The length of the lists ranked ahead: the portal's policy page shows 5 (apps/web, `related: 5`).
  RELATED_AHEAD_LIMIT: z.coerce.number().int().min(1).max(20).default(5),
  // Worker threads for an import's text analysis (hashes, segmentation, MinHash, topics); 0 = on the
  // event loop; auto = one per core, at most 4.
  IMPORT_ANALYSIS_THREADS: z
    .string()
    .regex(/^(auto|[0-9]|1[0-6])$/, 'auto or 0–16')
    .default('auto')
    .transform((v) => (v === 'auto' ? Math.min(4, availableParallelism()) : Number(v))),
  // "Search there too" links returned with every query (JSON list; unset = the State Council library).
  SEARCH_EXTERNAL_LIBRARIES: externalLibrariesEnv,
  // The deployment's home region (浙江省杭州市, or a province): with no place in a query, its documents rank right
  // after national ones (issue 18, level and place). Empty = none: national first, then every place alike.
  SEARCH_HOME_REGION: z
    .string()
    .trim()
    .max(40)
    .regex(/^\p{Script=Han}*$/u, 'must be a place name in Chinese characters (浙江省杭州市)')
    .default('')
    .transform((v) => v || null),
  // Search analytics are buffered in memory and written this often (a crash loses at most this much).
  SEARCH_ANALYTICS_FLUSH_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  // Days of search analytics kept (at least the 90 a report can cover); older rows are deleted daily.
  SEARCH_ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(90).max(3650).default(180),
});
export type AppConfig = Readonly<z.output<typeof Env>>;

export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(SERVICE_NAME, Env, env);
}
