import { z } from 'zod';
import { IsoDateTime, Page, ServiceHealth, Uuid, pageOf } from '../common.js';
import { defineRpc } from '../define.js';

export const QaPairStatus = z.enum(['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'NEEDS_UPDATE', 'RETIRED']);

export const UpsertQaPairReq = z.strictObject({
  externalId: z.string().trim().min(1).max(100).optional(),
  question: z.string().trim().min(2).max(500).describe('标准问法'),
  answer: z.string().trim().min(1).max(20_000),
  sourcePolicyId: z.string().trim().max(100).optional().describe('cited policy document (id in the source data)'),
  publish: z.boolean().default(false),
});
export const QaPairView = z.object({
  id: Uuid,
  externalId: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  sourcePolicyId: z.string().nullable(),
  status: QaPairStatus,
  updatedAt: IsoDateTime,
});
export type QaPairView = z.infer<typeof QaPairView>;

export const upsertQaPair = defineRpc('rpc.qa.pair.upsert', { request: UpsertQaPairReq, response: QaPairView });
export const getQaPair = defineRpc('rpc.qa.pair.get', {
  request: z.strictObject({ pairId: Uuid }),
  response: QaPairView,
});
export const listQaPairs = defineRpc('rpc.qa.pair.list', {
  request: Page.extend({ status: QaPairStatus.optional() }).strict(),
  response: pageOf(QaPairView),
});
export const qaHealth = defineRpc('rpc.qa.health.check', { request: z.object({}), response: ServiceHealth });
