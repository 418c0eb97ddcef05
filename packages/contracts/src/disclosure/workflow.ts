import { z } from 'zod';
import { IsoDate, Page, pageOf } from '../common.js';
import { defineRpc } from '../define.js';
import { DisclosureRequestView, DisclosureStatus, TrackingCodeReq } from './request.js';
import { DISCLOSURE_STAFF, PUBLIC } from '../roles.js';

/** Outcome codes of spec §6: exactly one per finished request; each maps to one Table 3 row. */
export const DisclosureOutcome = z.enum([
  'DISCLOSED',
  'ALREADY_PUBLIC',
  'PARTIAL',
  'WITHHELD_STATE_SECRET',
  'WITHHELD_LAW_PROHIBITS',
  'WITHHELD_SECURITY_STABILITY',
  'WITHHELD_THIRD_PARTY',
  'WITHHELD_INTERNAL_AFFAIRS',
  'WITHHELD_PROCESS_INFO',
  'WITHHELD_ENFORCEMENT_FILE',
  'SPECIAL_QUERY_REGIME',
  'NOT_HELD',
  'NOT_OUR_RESPONSIBILITY',
  'NEEDS_CREATION',
  'STILL_UNCLEAR',
  'PETITION_NOT_GIO',
  'REPEAT',
  'PUBLICATION',
  'EXCESSIVE_NO_REASON',
  'CONFIRM_OR_REISSUE',
  'ABANDONED_NO_SUPPLEMENT',
  'ABANDONED_FEE_UNPAID',
  'OTHER',
]);
export type DisclosureOutcome = z.infer<typeof DisclosureOutcome>;

const on = IsoDate.optional().describe('day the act happened (Asia/Shanghai); defaults to today');
const note = (label: string) => z.string().trim().min(1, `请填写${label}。`).max(2_000);

export const ReplyContent = z.strictObject({
  text: note('答复正文'),
  reasons: z.array(note('理由')).max(20).default([]),
  legalBasis: z.string().trim().max(500).optional(),
  whereToObtain: z.string().trim().max(500).optional(),
  responsibleAgency: z.strictObject({ name: note('负责机关名称'), contact: z.string().trim().max(200).optional() }).optional(),
  properChannel: z.string().trim().max(500).optional(),
  enclosures: z
    .array(note('随答复提供的文件名称'))
    .max(50)
    .optional()
    .describe('documents delivered with the reply (the information itself)'),
});
export type ReplyContent = z.infer<typeof ReplyContent>;

export const FeeBasis = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('PER_ITEM') }),
  z.strictObject({ type: z.literal('PER_VOLUME'), pages: z.number().int().min(1).max(1_000_000) }),
]);

export const DisclosureAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('CONFIRM_RECEIPT'), on }),
  z.strictObject({ type: z.literal('REQUEST_SUPPLEMENT'), on, items: z.array(note('需补正的内容')).min(1).max(20) }),
  z.strictObject({ type: z.literal('RECEIVE_SUPPLEMENT'), on, justifiedReason: z.string().trim().max(1_000).optional() }),
  z.strictObject({ type: z.literal('ABANDON_NO_SUPPLEMENT'), on }),
  z.strictObject({ type: z.literal('ACCEPT'), on, department: note('承办部门') }),
  z.strictObject({
    type: z.literal('START_CONSULTATION'),
    on,
    party: z.enum(['THIRD_PARTY', 'AGENCY']),
    partyName: note('征求意见对象'),
    letterReceivedOn: IsoDate.optional().describe('day the party received the letter (its 15-WD window starts)'),
  }),
  z.strictObject({
    type: z.literal('END_CONSULTATION'),
    on,
    opinion: z.enum(['CONSENT', 'OBJECTION', 'NO_REPLY']),
    publicInterestOverride: z.strictObject({ reason: note('公共利益理由'), thirdPartyNotifiedOn: IsoDate }).optional(),
  }),
  z.strictObject({
    type: z.literal('EXTEND'),
    on,
    days: z.number().int().min(1),
    approvedBy: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe('optional; if given it must be the acting account (the GIO head records the approval with their own token, Art. 33)'),
    applicantNotifiedOn: IsoDate.optional(),
  }),
  z.strictObject({ type: z.literal('REQUEST_REASONS'), on }),
  z.strictObject({ type: z.literal('ASSESS_REASONS'), on, reasonable: z.boolean(), customDueDate: IsoDate.optional() }),
  z.strictObject({ type: z.literal('ISSUE_FEE_NOTICE'), on, noticeReceivedOn: IsoDate.optional(), basis: FeeBasis }),
  z.strictObject({ type: z.literal('CONFIRM_PAYMENT'), on, receiptNumber: note('缴费票据号') }),
  z.strictObject({ type: z.literal('CLOSE_FEE_UNPAID'), on }),
  z.strictObject({ type: z.literal('REPLY'), on, outcome: DisclosureOutcome, content: ReplyContent }),
  z.strictObject({ type: z.literal('WITHDRAW'), on, document: note('撤回申请书说明') }),
]);
export type DisclosureAction = z.infer<typeof DisclosureAction>;
export type DisclosureActionType = DisclosureAction['type'];

export const ActOnDisclosureRequestReq = z.strictObject({ requestNumber: z.string().trim().min(1).max(40), action: DisclosureAction });
export const actOnDisclosureRequest = defineRpc('rpc.disclosure.request.act', {
  access: DISCLOSURE_STAFF,
  request: ActOnDisclosureRequestReq,
  response: DisclosureRequestView,
});
export const withdrawDisclosureRequest = defineRpc('rpc.disclosure.request.withdraw', {
  access: PUBLIC,
  request: TrackingCodeReq.extend({
    document: note('撤回说明'),
    contactLast4: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{4}$/, '请填写申请时所留联系电话的后四位（未留电话的，填写身份证明号码后四位）。')
      .optional()
      .describe(
        'second factor: last four digits of the contact phone (or of the ID number when no phone was given); not needed when signed in as the owner',
      ),
  }),
  response: DisclosureRequestView,
});

export const DisclosureQueueItem = z.object({
  requestNumber: z.string(),
  status: DisclosureStatus,
  department: z.string().nullable(),
  applicantName: z.string().describe('masked'),
  description: z.string(),
  receiptDate: IsoDate.nullable(),
  dueDate: IsoDate.nullable(),
  dueProvisional: z.boolean(),
  workingDaysLeft: z
    .number()
    .int()
    .nullable()
    .describe(
      'working days after today up to the due date (0 = due today); when overdue −n, n = working days elapsed since the due date, at least 1; null while no reply clock runs (paused, 补正 pending, not yet received)',
    ),
  overdue: z.boolean(),
  paused: z
    .boolean()
    .describe(
      'the reply clock is stopped (consultation, Art. 35 reasons, fee notice, waiting for a 补正): never overdue, the due date moves on',
    ),
});
export const ListDisclosureQueueReq = Page.extend({ status: DisclosureStatus.optional() }).strict();
export const listDisclosureQueue = defineRpc('rpc.disclosure.request.queue', {
  access: DISCLOSURE_STAFF,
  request: ListDisclosureQueueReq,
  response: pageOf(DisclosureQueueItem),
});
