import { z } from 'zod';
import { defineRpc } from '../define.js';
import { GIO_OFFICERS } from '../roles.js';

export const Table3Row = z.object({ key: z.string(), label: z.string(), values: z.array(z.number().int()).length(7) });
export const Table3Check = z.object({ rule: z.string(), ok: z.boolean(), detail: z.string().optional() });
export const Table3Report = z.object({
  year: z.number().int(),
  agency: z.string(),
  formatVersion: z.string(),
  columns: z.array(z.string()).length(7),
  rows: z.array(Table3Row),
  checks: z.array(Table3Check),
  assumptions: z.array(z.string()),
  csv: z.string(),
});
export type Table3Report = z.infer<typeof Table3Report>;

export const Table3Req = z.strictObject({
  year: z.coerce.number().int().min(2008).max(2100),
  agency: z.string().trim().min(1).max(200),
});
export const disclosureTable3 = defineRpc('rpc.disclosure.report.table3', {
  access: GIO_OFFICERS,
  request: Table3Req,
  response: Table3Report,
});
