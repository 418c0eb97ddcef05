import { z } from 'zod';
import { IsoDateTime, Page, ServiceHealth, Uuid, pageOf } from '../common.js';
import { defineRpc } from '../define.js';
import { EDITORS, PUBLIC, REVIEWERS } from '../roles.js';

export const UpsertGuideMatterReq = z.strictObject({
  code: z.string().trim().min(1).max(100).describe('事项编码'),
  name: z.string().trim().min(1).max(300).describe('事项名称'),
  department: z.string().trim().min(1).max(200).describe('实施部门'),
  summary: z.string().trim().max(5_000).default(''),
  materials: z.array(z.string().trim().min(1).max(500)).max(100).default([]).describe('申请材料'),
  timeLimitDays: z.number().int().min(0).max(3650).nullable().default(null).describe('承诺办结时限（工作日）'),
  policyRefs: z.array(z.string().trim().min(1).max(100)).max(50).default([]).describe('相关政策（外部编号）'),
});
export const GuideStatus = z.enum(['DRAFT', 'PUBLISHED']);
export const GuideMatterView = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  department: z.string(),
  summary: z.string(),
  materials: z.array(z.string()),
  timeLimitDays: z.number().int().nullable(),
  policyRefs: z.array(z.string()),
  updatedAt: IsoDateTime,
  /** DRAFT until a reviewer other than its editor publishes it; drafts are staff-only */
  status: GuideStatus,
  /** staff only: who wrote the shown version, who published it, and an edit waiting for review */
  editedBy: z.string().nullable().optional(),
  publishedBy: z.string().nullable().optional(),
  pendingEdit: z.object({ name: z.string(), editedBy: z.string(), editedAt: IsoDateTime }).nullable().optional(),
});
export type GuideMatterView = z.infer<typeof GuideMatterView>;

export const upsertGuideMatter = defineRpc('rpc.guide.matter.upsert', {
  access: EDITORS,
  request: UpsertGuideMatterReq,
  response: GuideMatterView,
});
export const getGuideMatter = defineRpc('rpc.guide.matter.get', {
  access: PUBLIC,
  request: z.strictObject({ code: z.string().trim().min(1).max(100) }),
  response: GuideMatterView,
});
export const listGuideMatters = defineRpc('rpc.guide.matter.list', {
  access: PUBLIC,
  request: Page.extend({ department: z.string().trim().min(1).max(200).optional() }).strict(),
  response: pageOf(GuideMatterView),
});
/** Service matters whose name fits a free text best (e.g. a citizen's question), best first. */
export const SearchGuideMattersReq = z.strictObject({
  q: z.string().trim().min(1).max(500).describe('free text, e.g. a question'),
  policyRefs: z
    .array(z.string().trim().min(1).max(100))
    .max(20)
    .default([])
    .describe('policy ids or external ids: matters implementing one of them come first'),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});
export const GuideMatterHit = z.object({ id: Uuid, code: z.string(), name: z.string(), department: z.string(), score: z.number() });
export const searchGuideMatters = defineRpc('rpc.guide.matter.search', {
  access: PUBLIC,
  request: SearchGuideMattersReq,
  response: z.object({ items: z.array(GuideMatterHit) }),
});
/** A reviewer other than the editor of its latest version publishes a matter (a new one, or a pending edit). */
export const publishGuideMatter = defineRpc('rpc.guide.matter.publish', {
  access: REVIEWERS,
  request: z.strictObject({ code: z.string().trim().min(1).max(100) }),
  response: GuideMatterView,
});
export const guideHealth = defineRpc('rpc.guide.health.check', { access: PUBLIC, request: z.object({}), response: ServiceHealth });
