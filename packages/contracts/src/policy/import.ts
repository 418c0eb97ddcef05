import { z } from 'zod';
import { Uuid } from '../common.js';
import { defineRpc } from '../define.js';

/** One source line as the client read it; the service validates `record` itself to report line + reason. */
export const PolicyImportLine = z.strictObject({
  line: z.number().int().positive(),
  record: z.unknown(),
  /** set by the client when the line is not JSON: the service records it as rejected */
  error: z.string().max(500).optional(),
});

export const PolicyImportBatchReq = z.strictObject({
  /** omitted on the first batch: the service opens a job and returns its id */
  jobId: Uuid.optional(),
  source: z.string().trim().min(1).max(200).default('upload'),
  items: z.array(PolicyImportLine).min(1).max(500),
  /** publish new documents (default) or keep them as drafts */
  publish: z.boolean().default(true),
});

export const PolicyImportRejected = z.object({ line: z.number().int(), externalId: z.string().nullable(), reason: z.string() });
export const PolicyImportReport = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  exactDuplicates: z.array(z.object({ line: z.number().int(), externalId: z.string().nullable(), duplicateOf: Uuid })),
  nearDuplicates: z.array(z.object({ line: z.number().int(), externalId: z.string().nullable(), canonicalId: Uuid, similarity: z.number() })),
  rejected: z.array(PolicyImportRejected),
});
export type PolicyImportReport = z.infer<typeof PolicyImportReport>;

export const PolicyImportJobView = z.object({
  id: Uuid,
  source: z.string(),
  status: z.string(),
  lastLine: z.number().int(),
  report: PolicyImportReport,
});

export const importPolicyBatch = defineRpc('rpc.policy.import.batch', { request: PolicyImportBatchReq, response: PolicyImportJobView });
export const getPolicyImportJob = defineRpc('rpc.policy.import.get', {
  request: z.strictObject({ jobId: Uuid }),
  response: PolicyImportJobView,
});
export const finishPolicyImportJob = defineRpc('rpc.policy.import.finish', {
  request: z.strictObject({ jobId: Uuid }),
  response: PolicyImportJobView,
});
