import { z } from 'zod';
import { Uuid } from '../common.js';
import { defineRpc } from '../define.js';
import { CONTENT_STAFF, EDITORS, REVIEWERS } from '../roles.js';

/**
 * Highest source line number accepted: a job stores its last line in a PostgreSQL integer, and a
 * chunk's lines are counted from `firstLine`, so a billion keeps every sum well inside 2^31.
 */
export const MAX_SOURCE_LINE = 1_000_000_000;
const sourceLine = z.number().int().positive().max(MAX_SOURCE_LINE);

/** One source line as the client read it; the service validates `record` itself to report line + reason. */
export const PolicyImportLine = z.strictObject({
  line: sourceLine,
  record: z.unknown(),
  /** set by the client when the line is not JSON: the service records it as rejected */
  error: z.string().max(500).optional(),
});

export const PolicyImportBatchReq = z.strictObject({
  /** omitted on the first batch: the service opens a job and returns its id */
  jobId: Uuid.optional(),
  source: z.string().trim().min(1).max(200).default('upload'),
  items: z.array(PolicyImportLine).min(1).max(500),
  /**
   * Imports create drafts; `true` is refused (CONTENT_SELF_PUBLISH): whoever imports a version never
   * publishes it. A reviewer publishes the job's drafts afterwards (rpc.policy.import.publish).
   */
  publish: z.boolean().default(false),
  /**
   * The last line of the batch sent before this one: the service analyses this batch at once but saves
   * it only after that one (so a client may keep two batches in flight). Omitted: saved in arrival order.
   */
  after: z.number().int().min(0).max(MAX_SOURCE_LINE).optional(),
});

/** The source formats an import understands; a file's extension picks one unless `format` is given. */
export const PolicyImportFormat = z.enum(['jsonl', 'csv', 'html']);
export type PolicyImportFormat = z.infer<typeof PolicyImportFormat>;

/**
 * A file, or a chunk of one, as text: JSONL lines, CSV rows under a header row (quoted fields may span
 * lines), or one government web page (HTML). Large files go in chunks that end at a record boundary:
 * `firstLine` is the file line the chunk starts at, and CSV chunks after the first repeat the header row
 * in `header`, so rejected rows are reported with their line in the whole file.
 */
export const PolicyImportFileReq = z
  .strictObject({
    jobId: Uuid.optional(),
    /** file name (its extension gives the format) or another label; recorded as the job's source */
    fileName: z.string().trim().min(1).max(200),
    format: PolicyImportFormat.optional(),
    content: z.string().min(1).max(950_000),
    firstLine: sourceLine.default(1),
    header: z.string().min(1).max(20_000).optional(),
    /** where an HTML page was published (its metadata may name it too) */
    sourceUrl: z.url().max(1000).optional(),
    /** as in a batch: drafts only */
    publish: z.boolean().default(false),
    /** as in a batch: the last line of the chunk sent before this one */
    after: z.number().int().min(0).max(MAX_SOURCE_LINE).optional(),
  })
  .refine((r) => r.header === undefined || r.firstLine > 1, {
    message: '只有续传的 CSV 分块需要 header（firstLine > 1）',
    path: ['header'],
  });

export const PolicyImportRejected = z.object({
  line: z.number().int(),
  externalId: z.string().nullable(),
  reason: z.string(),
});
export const PolicyImportReport = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  exactDuplicates: z.array(z.object({ line: z.number().int(), externalId: z.string().nullable(), duplicateOf: Uuid })),
  nearDuplicates: z.array(
    z.object({ line: z.number().int(), externalId: z.string().nullable(), canonicalId: Uuid, similarity: z.number() }),
  ),
  rejected: z.array(PolicyImportRejected),
  /** milliseconds the service spent per stage over the job's batches (parse, analysis, dedup, write) */
  timings: z.record(z.string(), z.number()).optional(),
});
export type PolicyImportReport = z.infer<typeof PolicyImportReport>;

export const PolicyImportJobView = z.object({
  id: Uuid,
  source: z.string(),
  status: z.string(),
  lastLine: z.number().int(),
  report: PolicyImportReport,
});

export const importPolicyFile = defineRpc('rpc.policy.import.file', {
  access: EDITORS,
  request: PolicyImportFileReq,
  response: PolicyImportJobView,
});
export const importPolicyBatch = defineRpc('rpc.policy.import.batch', {
  access: EDITORS,
  request: PolicyImportBatchReq,
  response: PolicyImportJobView,
});
/** Editors follow their job; reviewers read its report before they publish it. */
export const getPolicyImportJob = defineRpc('rpc.policy.import.get', {
  access: CONTENT_STAFF,
  request: z.strictObject({ jobId: Uuid }),
  response: PolicyImportJobView,
});
export const finishPolicyImportJob = defineRpc('rpc.policy.import.finish', {
  access: EDITORS,
  request: z.strictObject({ jobId: Uuid }),
  response: PolicyImportJobView,
});

/** A reviewer publishes the drafts (new documents and pending edits) an import job left. */
export const PublishImportJobReport = z.object({
  jobId: Uuid,
  published: z.number().int(),
  /** drafts this reviewer wrote or last edited themselves (CONTENT_SELF_PUBLISH): another reviewer must publish them */
  refused: z.array(z.object({ documentId: Uuid, externalId: z.string().nullable(), code: z.string() })),
});
export const publishPolicyImportJob = defineRpc('rpc.policy.import.publish', {
  access: REVIEWERS,
  request: z.strictObject({ jobId: Uuid }),
  response: PublishImportJobReport,
});
