import { z } from 'zod';
import { IsoDate, IsoDateTime, ServiceHealth } from '../common.js';
import { defineRpc } from '../define.js';
import { creditCodeProblem, idNumberProblem } from './id-number.js';
import { DISCLOSURE_STAFF, PUBLIC } from '../roles.js';

/** Art. 28/29/31 channels; the receipt date (day zero of every clock) depends on the channel (spec §3.3). */
export const DisclosureChannel = z.enum(['ONLINE', 'EMAIL', 'FAX', 'LETTER_SIGNED', 'LETTER_ORDINARY', 'IN_PERSON', 'ORAL']);
export type DisclosureChannel = z.infer<typeof DisclosureChannel>;
/** Channels whose receipt date is fixed when staff register the request (hand-in / signing day). */
export const STAFF_REGISTERED_CHANNELS: readonly DisclosureChannel[] = ['LETTER_SIGNED', 'IN_PERSON', 'ORAL'];

/** Table 3 columns (spec §9.2): natural person, then the five organisation subtypes. */
export const ApplicantType = z.enum([
  'NATURAL_PERSON',
  'COMMERCIAL_ENTERPRISE',
  'RESEARCH_INSTITUTION',
  'PUBLIC_WELFARE_ORG',
  'LEGAL_SERVICE_ORG',
  'OTHER_ORG',
]);
export type ApplicantType = z.infer<typeof ApplicantType>;
export const IdDocumentType = z.enum(['RESIDENT_ID', 'PASSPORT', 'OTHER', 'CREDIT_CODE']);
export type IdDocumentType = z.infer<typeof IdDocumentType>;

const text = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, `请填写${label}。`)
    .max(max, `${label}不能超过${max}个字。`);

export const Applicant = z
  .strictObject({
    type: ApplicantType,
    name: text(100, '申请人姓名或名称'),
    idType: IdDocumentType.describe('身份证明类型'),
    idNumber: text(50, '身份证明号码'),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-\s]{5,20}$/, '联系电话格式不正确。')
      .optional(),
    email: z.email('电子邮箱格式不正确。').optional(),
    address: z.string().trim().max(200, '通信地址不能超过200个字。').optional(),
  })
  .superRefine((a, ctx) => {
    if (!a.phone && !a.email && !a.address) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: '请至少填写一种联系方式（电话、电子邮箱或通信地址）。' });
    }
    const person = a.type === 'NATURAL_PERSON';
    if (person && a.idType === 'CREDIT_CODE') {
      ctx.addIssue({ code: 'custom', path: ['idType'], message: '自然人请提供身份证件。' });
    }
    if (!person && a.idType !== 'CREDIT_CODE') {
      ctx.addIssue({ code: 'custom', path: ['idType'], message: '法人或其他组织请提供统一社会信用代码。' });
    }
    const problem =
      a.idType === 'RESIDENT_ID' ? idNumberProblem(a.idNumber) : a.idType === 'CREDIT_CODE' ? creditCodeProblem(a.idNumber) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem });
  });
export type Applicant = z.infer<typeof Applicant>;

export const DeliveryForm = z.enum(['PAPER', 'EMAIL', 'DOWNLOAD', 'INSPECTION', 'CD']);
export type DeliveryForm = z.infer<typeof DeliveryForm>;
export const Attachment = z.strictObject({
  fileName: text(200, '附件文件名'),
  contentBase64: z.string().min(1, '附件内容不能为空。').max(1_000_000, '附件过大。'),
});

export const SubmitDisclosureRequestReq = z.strictObject({
  applicant: Applicant,
  channel: DisclosureChannel.default('ONLINE'),
  agency: text(200, '受理机关').optional().describe('defaults to the configured agency'),
  title: z.string().trim().max(300).optional().describe('所需信息的名称'),
  docNumber: z.string().trim().max(100).optional().describe('文号'),
  description: z
    .string({ error: '请填写所需政府信息的描述。' })
    .trim()
    .min(5, '所需政府信息的描述至少5个字，请写明名称、文号或能够据以查询的特征。')
    .max(5_000, '所需政府信息的描述不能超过5000字。'),
  purpose: z.string().trim().max(1_000).optional().describe('optional since 2019 (no "three needs" test)'),
  deliveryForm: DeliveryForm.describe('获取信息的方式'),
  receivedOn: IsoDate.optional().describe('staff registration: hand-in / signing day (YYYY-MM-DD)'),
  attachments: z.array(Attachment).max(5, '附件最多5个。').default([]),
});
export type SubmitDisclosureRequestReq = z.infer<typeof SubmitDisclosureRequestReq>;

export const DisclosureStatus = z.enum([
  'SUBMITTED',
  'RECEIVED',
  'AWAITING_SUPPLEMENT',
  'IN_PROGRESS',
  'CONSULTING_THIRD_PARTY',
  'CONSULTING_AGENCY',
  'AWAITING_REASONS',
  'AWAITING_FEE',
  'REPLIED',
  'CLOSED',
]);
export type DisclosureStatus = z.infer<typeof DisclosureStatus>;

/** A computed deadline with the inputs that produced it ("why is this the due date?"). */
export const Deadline = z.object({
  kind: z.string(),
  date: IsoDate,
  provisional: z.boolean(),
  calendarVersion: z.string(),
  computation: z.string(),
});
export type Deadline = z.infer<typeof Deadline>;

export const DisclosureRequestReceipt = z.object({
  requestNumber: z.string(),
  trackingCode: z.string(),
  status: DisclosureStatus,
  submittedAt: IsoDateTime,
  receiptDate: IsoDate.nullable(),
  duplicateOf: z.string().nullable(),
  deadlines: z.array(Deadline),
});
export const TimelineEntryView = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actor: z.string(),
  at: IsoDateTime,
  shanghaiDate: IsoDate,
  legalBasis: z.string(),
  calendarVersion: z.string(),
  details: z.unknown(),
});
export const ApplicantView = z.object({
  type: ApplicantType,
  name: z.string(),
  idType: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  masked: z.boolean(),
});
export const DisclosureRequestView = z.object({
  requestNumber: z.string(),
  status: DisclosureStatus,
  channel: DisclosureChannel,
  agency: z.string(),
  department: z.string().nullable(),
  applicant: ApplicantView,
  description: z.string(),
  submittedAt: IsoDateTime,
  receiptDate: IsoDate.nullable(),
  duplicateOf: z.string().nullable(),
  outcome: z.string().nullable(),
  fee: z.object({ basis: z.string(), amount: z.number(), payBy: IsoDate.nullable(), paid: z.boolean() }).nullable(),
  reply: z.unknown().nullable(),
  deadlines: z.array(Deadline),
  timeline: z.array(TimelineEntryView),
});
export type DisclosureRequestView = z.infer<typeof DisclosureRequestView>;
export const DisclosureRequestTrackView = DisclosureRequestView;

export const submitDisclosureRequest = defineRpc('rpc.disclosure.request.submit', {
  access: PUBLIC,
  request: SubmitDisclosureRequestReq,
  response: DisclosureRequestReceipt,
});
export const TrackingCodeReq = z.strictObject({ trackingCode: z.string().trim().min(8).max(64) });
export const trackDisclosureRequest = defineRpc('rpc.disclosure.request.track', {
  access: PUBLIC,
  request: TrackingCodeReq,
  response: DisclosureRequestView,
});
export const getDisclosureRequest = defineRpc('rpc.disclosure.request.get', {
  access: DISCLOSURE_STAFF,
  request: z.strictObject({ requestNumber: z.string().trim().min(1).max(40) }),
  response: DisclosureRequestView,
});

export const AddWorkingDaysReq = z.strictObject({
  from: IsoDate.describe('start day (day zero, not counted)'),
  days: z.coerce.number().int().min(0).max(400).describe('working days to add'),
});
export const addWorkingDays = defineRpc('rpc.disclosure.calendar.add', {
  access: PUBLIC,
  request: AddWorkingDaysReq,
  response: z.object({ date: IsoDate, provisional: z.boolean() }),
});
export const disclosureHealth = defineRpc('rpc.disclosure.health.check', {
  access: PUBLIC,
  request: z.object({}),
  response: ServiceHealth,
});
