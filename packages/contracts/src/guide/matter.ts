import { z } from 'zod';
import { IsoDateTime, Page, ServiceHealth, Uuid, pageOf } from '../common.js';
import { defineEvent, defineRpc } from '../define.js';
import { EDITORS, PUBLIC, REVIEWERS } from '../roles.js';
import { CitizenTopicCode } from '../topics.js';

/**
 * Service matters (政务服务事项) with their full guides (办事指南), modelled on the fields of the national
 * catalogue of government service matters: type, implementing body, legal basis, conditions, materials,
 * procedure, time limits, fees, where/when, online handling, phones, topics.
 */

/** 事项类型 (the national catalogue's kinds of administrative power, and public services). */
export const MatterType = z.enum([
  '行政许可',
  '行政给付',
  '行政确认',
  '行政征收',
  '行政裁决',
  '行政奖励',
  '行政检查',
  '其他行政权力',
  '公共服务',
  '其他',
]);
/** 网办深度: how far a matter can be handled online. */
export const OnlineDepth = z.enum(['全程网办', '网上预审', '网上预约', '线下办理']);

const code = z
  .string()
  .trim()
  .min(1, '编码不能为空')
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '编码只能包含字母、数字、点、下划线和连字符');
export const MatterCode = code.describe('事项编码');
export const SiteId = code.describe('服务场所编号');
const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{3,30}$/, '电话号码格式不正确');
const workingDays = z.number().int().min(0, '时限不能为负数').max(3650);

/** A link into a policy document: its id (externalId, e.g. demo-policy-07, or uuid) and the clause (第六条 / art-6). */
export const LegalBasisRef = z.strictObject({
  policyId: text(100).describe('政策文件编号（externalId 或 id）'),
  clause: z.string().trim().min(1).max(50).optional().describe('条款锚点，如“第六条”'),
  label: z.string().trim().min(1).max(300).optional().describe('显示文字，如《……办法》第六条'),
});
export const MaterialForm = z.enum(['纸质', '电子', '纸质或电子']);
export const GuideMaterial = z
  .strictObject({
    name: text(200).describe('材料名称'),
    form: MaterialForm.default('纸质或电子'),
    originals: z.number().int().min(0).max(99).default(1).describe('原件份数'),
    copies: z.number().int().min(0).max(99).default(0).describe('复印件份数'),
    required: z.boolean().default(true).describe('false: 仅在 condition 所述情形下需要'),
    condition: z.string().trim().min(1).max(500).optional().describe('需要此材料的情形（容缺/情形材料）'),
    templateUrl: z.url().max(1000).optional().describe('空白表格或示范文本下载地址'),
    exemptedBySharedData: z.boolean().default(false).describe('可通过数据共享免于提交'),
  })
  .refine((m) => m.required || m.condition !== undefined, { message: '非必需材料须写明需要提交的情形（condition）', path: ['condition'] });
export const GuideStep = z.strictObject({ name: text(100), description: z.string().trim().max(2_000).default('') });
export const FeeItem = z.strictObject({
  name: text(200),
  amountYuan: z.number().min(0).max(10_000_000).describe('金额（元）'),
  basis: z.string().trim().max(500).default('').describe('收费依据'),
});

export const MatterContentFields = {
  name: text(300).describe('事项名称'),
  type: MatterType.default('公共服务'),
  department: text(200).describe('实施主体'),
  summary: z.string().trim().max(5_000).default(''),
  legalBasis: z.array(LegalBasisRef).max(50).default([]).describe('设定依据'),
  conditions: z.array(text(1_000)).max(50).default([]).describe('受理条件'),
  materials: z.array(GuideMaterial).max(100).default([]).describe('申请材料'),
  steps: z.array(GuideStep).max(30).default([]).describe('办理流程（按顺序）'),
  statutoryDays: workingDays.nullable().default(null).describe('法定办结时限（工作日）'),
  promisedDays: workingDays.nullable().default(null).describe('承诺办结时限（工作日）'),
  fees: z.array(FeeItem).max(30).default([]).describe('收费项目；空为不收费'),
  siteIds: z.array(SiteId).max(200).default([]).describe('办理地点（服务场所编号）'),
  whereText: z.string().trim().max(2_000).default('').describe('办理地点说明'),
  hoursText: z.string().trim().max(1_000).default('').describe('办理时间说明'),
  onlineUrl: z.url().max(1000).nullable().default(null).describe('网上办理入口'),
  onlineDepth: OnlineDepth.default('线下办理'),
  consultPhones: z.array(phone).max(10).default([]).describe('咨询电话'),
  complaintPhones: z.array(phone).max(10).default([]).describe('投诉电话'),
  topics: z
    .array(CitizenTopicCode)
    .max(5, '主题服务最多 5 个')
    .nullable()
    .optional()
    .describe(
      "主题服务编码: the editor's choice, kept through later saves; omitted: the earlier choice, else computed; null or []: computed again",
    ),
};
export const UpsertGuideMatterReq = z
  .strictObject({ code: MatterCode, ...MatterContentFields })
  .refine((m) => m.promisedDays === null || m.statutoryDays === null || m.promisedDays <= m.statutoryDays, {
    message: '承诺时限不能长于法定时限',
    path: ['promisedDays'],
  });
export type UpsertGuideMatterReq = z.input<typeof UpsertGuideMatterReq>;
export const GuideStatus = z.enum(['DRAFT', 'PUBLISHED']);

const Authorship = {
  /** staff only: who wrote the shown version, who published it, and an edit waiting for review */
  editedBy: z.string().nullable().optional(),
  publishedBy: z.string().nullable().optional(),
  pendingEdit: z.object({ name: z.string(), editedBy: z.string(), editedAt: IsoDateTime }).nullable().optional(),
};
export const GuideSiteRef = z.object({ id: z.string(), name: z.string(), address: z.string(), district: z.string() });
export const GuideMatterView = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  type: MatterType,
  department: z.string(),
  summary: z.string(),
  legalBasis: z.array(
    z.object({
      policyId: z.string(),
      clause: z.string().optional(),
      label: z.string().optional(),
      /** the clause's anchor on the policy page (art-6 for 第六条), null when the clause names none */
      anchor: z.string().nullable(),
    }),
  ),
  /** policy ids of the legal basis (what matter search links policies by) */
  policyRefs: z.array(z.string()),
  conditions: z.array(z.string()),
  materials: z.array(
    z.object({
      name: z.string(),
      form: MaterialForm,
      originals: z.number().int(),
      copies: z.number().int(),
      required: z.boolean(),
      condition: z.string().optional(),
      templateUrl: z.string().optional(),
      exemptedBySharedData: z.boolean(),
    }),
  ),
  steps: z.array(z.object({ name: z.string(), description: z.string() })),
  statutoryDays: z.number().int().nullable(),
  promisedDays: z.number().int().nullable(),
  fees: z.array(z.object({ name: z.string(), amountYuan: z.number(), basis: z.string() })),
  free: z.boolean(),
  siteIds: z.array(z.string()),
  /** the published sites among siteIds (detail only; empty in lists) */
  sites: z.array(GuideSiteRef),
  whereText: z.string(),
  hoursText: z.string(),
  onlineUrl: z.string().nullable(),
  onlineDepth: OnlineDepth,
  consultPhones: z.array(z.string()),
  complaintPhones: z.array(z.string()),
  topics: z.array(z.string()),
  /** the topics were chosen by an editor (else computed by the shared topic classifier) */
  topicsOverridden: z.boolean(),
  /** published versions so far (1 for a draft never published) */
  version: z.number().int(),
  updatedAt: IsoDateTime,
  /** DRAFT until a reviewer other than its editor publishes it; drafts are staff-only */
  status: GuideStatus,
  ...Authorship,
  /** staff only: a policy of the legal basis was amended or repealed since the guide was last saved */
  needsUpdate: z
    .object({ reason: z.enum(['AMENDED', 'REPEALED', 'EXPIRED']), policyId: z.string(), since: IsoDateTime })
    .nullable()
    .optional(),
});
export type GuideMatterView = z.infer<typeof GuideMatterView>;

export const upsertGuideMatter = defineRpc('rpc.guide.matter.upsert', {
  access: EDITORS,
  request: UpsertGuideMatterReq,
  response: GuideMatterView,
});
export const getGuideMatter = defineRpc('rpc.guide.matter.get', {
  access: PUBLIC,
  request: z.strictObject({ code: MatterCode }),
  response: GuideMatterView,
});
export const ListGuideMattersReq = Page.extend({
  q: z.string().trim().min(1).max(100).optional().describe('名称或编码中的文字'),
  topic: z.string().trim().min(1).max(50).optional(),
  department: z.string().trim().min(1).max(200).optional(),
  needsUpdate: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .or(z.boolean())
    .optional()
    .describe('staff only: matters flagged (true) or not (false) because a cited policy changed'),
}).strict();
export const listGuideMatters = defineRpc('rpc.guide.matter.list', {
  access: PUBLIC,
  request: ListGuideMattersReq,
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
  request: z.strictObject({ code: MatterCode }),
  response: GuideMatterView,
});
/** Published matters whose legal basis cites a policy document, by its id or its externalId (for the policy's page). */
export const CitingMattersReq = z.strictObject({
  documentId: Uuid,
  externalId: z.string().trim().min(1).max(100).nullable().default(null),
  limit: z.number().int().min(1).max(50).default(20),
});
export const listMattersCitingPolicy = defineRpc('rpc.guide.matter.citing-policy', {
  access: PUBLIC,
  request: CitingMattersReq,
  response: z.object({
    items: z.array(z.object({ code: z.string(), name: z.string(), department: z.string(), clause: z.string().optional() })),
  }),
});

/**
 * Every policy id or externalId a published matter's legal basis names (the ids listMattersCitingPolicy matches):
 * policy-svc skips that call for a document outside it (ADR 0036).
 */
export const listPoliciesCitedByMatters = defineRpc('rpc.guide.matter.cited-policies', {
  access: PUBLIC,
  request: z.strictObject({}),
  response: z.object({ ids: z.array(z.string()) }),
});

/** A policy cited by a published guide's legal basis was amended, repealed or expired: the guide's department should check it. */
export const MatterNeedsUpdateV1 = z.object({
  matterId: Uuid,
  code: z.string(),
  name: z.string(),
  department: z.string(),
  documentId: z.string(),
  reason: z.enum(['AMENDED', 'REPEALED', 'EXPIRED']),
});
export const matterNeedsUpdate = defineEvent('guide.matter.needs-update', { 1: MatterNeedsUpdateV1 });

export const guideHealth = defineRpc('rpc.guide.health.check', { access: PUBLIC, request: z.object({}), response: ServiceHealth });

export { Authorship as GuideAuthorshipFields };
