import { z } from 'zod';
import { IsoDate, IsoDateTime, ServiceHealth } from '../common.js';
import { defineRpc } from '../define.js';

export const DisclosureChannel = z.enum(['ONLINE', 'LETTER', 'IN_PERSON', 'FAX']);

export const SubmitDisclosureRequestReq = z.strictObject({
  applicantName: z.string().trim().min(1).max(100).describe('申请人姓名或名称'),
  contact: z.string().trim().min(5).max(200).describe('联系方式（电话或邮箱）'),
  channel: DisclosureChannel.default('ONLINE'),
  description: z.string().trim().min(5).max(5_000).describe('所需信息的名称、文号或能够据以查询的特征描述'),
});
export const DisclosureRequestReceipt = z.object({
  requestNumber: z.string(),
  trackingCode: z.string(),
  status: z.string(),
  submittedAt: IsoDateTime,
});
export const DisclosureRequestTrackView = z.object({
  requestNumber: z.string(),
  status: z.string(),
  channel: DisclosureChannel,
  submittedAt: IsoDateTime,
});

export const submitDisclosureRequest = defineRpc('rpc.disclosure.request.submit', {
  request: SubmitDisclosureRequestReq,
  response: DisclosureRequestReceipt,
});
export const trackDisclosureRequest = defineRpc('rpc.disclosure.request.track', {
  request: z.strictObject({ trackingCode: z.string().trim().min(8).max(64) }),
  response: DisclosureRequestTrackView,
});

export const AddWorkingDaysReq = z.strictObject({
  from: IsoDate.describe('start day (day zero, not counted)'),
  days: z.coerce.number().int().min(0).max(400).describe('working days to add'),
});
export const addWorkingDays = defineRpc('rpc.disclosure.calendar.add', {
  request: AddWorkingDaysReq,
  response: z.object({ date: IsoDate, provisional: z.boolean() }),
});
export const disclosureHealth = defineRpc('rpc.disclosure.health.check', {
  request: z.object({}),
  response: ServiceHealth,
});
