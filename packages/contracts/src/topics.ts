import { z } from 'zod';
import { Page } from './common.js';
import { defineRpc } from './define.js';
import { PUBLIC } from './roles.js';

/**
 * The citizen-facing topic services (主题服务), by code, in their seeded order. Names, descriptions and the
 * order editors give them live in qa-svc's qa_topic table (see docs/adr/0006-topic-services.md); the codes are
 * fixed here so that policy-svc and service-guide-svc can check an editor's choice without asking qa-svc.
 */
export const CITIZEN_TOPIC_CODES = [
  'enterprise-support',
  'subsidies',
  'education',
  'medical',
  'social-insurance',
  'employment',
  'housing-fund',
  'real-estate',
  'household-registration',
  'transport',
  'elderly-care',
  'marriage-birth',
  'disability',
  'tax',
  'entrepreneurship',
  'talent',
  'open-government',
] as const;
export const CitizenTopicCode = z.enum(CITIZEN_TOPIC_CODES, {
  error: `主题服务须为以下编码之一：${CITIZEN_TOPIC_CODES.join('、')}`,
});
export type CitizenTopicCode = z.infer<typeof CitizenTopicCode>;

/** How many public items each topic code has in one service (codes without any are absent). */
export const TopicCounts = z.object({ counts: z.record(z.string(), z.number().int().nonnegative()) });

export const policyTopicCounts = defineRpc('rpc.policy.topic.counts', {
  access: PUBLIC,
  request: z.strictObject({}),
  response: TopicCounts,
});
export const guideTopicCounts = defineRpc('rpc.guide.topic.counts', {
  access: PUBLIC,
  request: z.strictObject({}),
  response: TopicCounts,
});

/** GET /topics: every topic service in the editors' order with its public policies, Q&A pairs and guides. */
export const TopicSummary = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  /** null where that service did not answer in time (the list is still served) */
  counts: z.object({ policy: z.number().int().nullable(), qa: z.number().int().nullable(), guide: z.number().int().nullable() }),
});
export const TopicList = z.object({ items: z.array(TopicSummary) });

export const TopicPageReq = Page.extend({ code: z.string().trim().min(1).max(50) }).strict();
const part = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    /** false: that service did not answer in time; the part is empty, the page still served */
    available: z.boolean(),
  });
/** GET /topics/{code}: one topic service with its policies, Q&A pairs and guides, each paged by the same page/pageSize. */
export const TopicPage = TopicSummary.omit({ counts: true }).extend({
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  policies: part(z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable(), publishDate: z.string().nullable() })),
  qa: part(z.object({ id: z.string(), question: z.string() })),
  guides: part(z.object({ code: z.string(), name: z.string(), department: z.string() })),
});
