import { z } from 'zod';
import { defineRpc } from '../define.js';
import { EDITORS } from '../roles.js';

/**
 * Service matters from a JSON array, JSONL or CSV text (one chunk of a file; the CLI sends large files
 * in chunks, `firstLine` numbering the chunk's first record line). Imports only make drafts (or pending
 * edits of published matters); a reviewer publishes them. Re-running the same content changes nothing.
 * CSV: a header row; list columns (materials, conditions, steps…) hold JSON arrays, one item per line, or
 * items separated by `；`; `legalBasis` items are `policyId#clause`, `steps` items `名称：说明`, `fees` items
 * `名称：金额：依据`.
 */
export const GuideImportFormat = z.enum(['json', 'jsonl', 'csv']);
export const GuideImportReq = z
  .strictObject({
    format: GuideImportFormat,
    content: z.string().min(1).max(900_000),
    firstLine: z.number().int().min(1).max(1_000_000_000).default(1),
    /** CSV chunks after the first repeat the header row here */
    header: z.string().min(1).max(20_000).optional(),
  })
  .refine((r) => r.header === undefined || r.format === 'csv', { message: '只有 CSV 分块需要 header', path: ['header'] });
export const GuideImportReport = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), code: z.string().nullable(), reason: z.string() })),
});
export type GuideImportReport = z.infer<typeof GuideImportReport>;
export const importGuideMatters = defineRpc('rpc.guide.matter.import', {
  access: EDITORS,
  request: GuideImportReq,
  response: GuideImportReport,
});
