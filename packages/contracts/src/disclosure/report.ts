import { z } from 'zod';
import { defineRpc } from '../define.js';
import { IsoDate } from '../common.js';
import { DISCLOSURE_STAFF, GIO_OFFICERS } from '../roles.js';

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

/** Reply-deadline performance (SLA) per department for a date range; the service applies the defaults and limits. */
export const DisclosureSlaReq = z.strictObject({
  from: IsoDate.optional().describe('first day (Asia/Shanghai, inclusive); default: 12 months before `to`'),
  to: IsoDate.optional().describe('last day (inclusive); default: today'),
});
export const DisclosureSlaRow = z.object({
  /** null: requests not (yet) assigned to a department */
  department: z.string().nullable(),
  /** received (first receipt date) in the range */
  assigned: z.number().int(),
  /** replied (reply date) in the range: onTime + late */
  replied: z.number().int(),
  /** replied on or before the reply due date in force on the reply day (extensions and paused days counted) */
  onTime: z.number().int(),
  late: z.number().int(),
  /** of the replies in the range, those whose period was extended (Art. 33) */
  extended: z.number().int(),
  /** median statutory working days from receipt to reply (paused days not counted); null without replies */
  medianWorkingDays: z.number().nullable(),
  /** now (not the range): still being handled */
  openNow: z.number().int(),
  /** now: open, clock running and past the due date */
  overdueNow: z.number().int(),
});
export const DisclosureSlaReport = z.object({
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  rows: z.array(DisclosureSlaRow),
});
export type DisclosureSlaReport = z.infer<typeof DisclosureSlaReport>;
export const disclosureSla = defineRpc('rpc.disclosure.report.sla', {
  access: DISCLOSURE_STAFF,
  request: DisclosureSlaReq,
  response: DisclosureSlaReport,
});
