import {
  DomainError,
  ErrorCode,
  PUBLIC,
  TopicList,
  TopicPage,
  TopicPageReq,
  guideTopicCounts,
  listGuideMatters,
  listPolicyDocuments,
  listQaPairs,
  listQaTopics,
  parseOrThrow,
  policyTopicCounts,
  type z,
} from '@govdisc/contracts';
import { type RouteDeps, routes } from './route-table.js';

/** How long the topic views wait for a part held by another service; a part that is late is left out, not fatal. */
const PART_TIMEOUT_MS = 2_000;

/** A part of a view from one service, or null when that service failed or did not answer in time. */
async function partOf<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch {
    return null;
  }
}

/** The taxonomy (names, descriptions, editors' order) is qa-svc's: without it there is no topic view at all. */
async function taxonomy(deps: RouteDeps) {
  return (await deps.rpc.call(listQaTopics, {})).items;
}

async function list(deps: RouteDeps): Promise<z.output<typeof TopicList>> {
  const [topics, policy, guide] = await Promise.all([
    taxonomy(deps),
    partOf(() => deps.rpc.call(policyTopicCounts, {}, { timeoutMs: PART_TIMEOUT_MS })),
    partOf(() => deps.rpc.call(guideTopicCounts, {}, { timeoutMs: PART_TIMEOUT_MS })),
  ]);
  return {
    items: topics.map((t) => ({
      code: t.code,
      name: t.name,
      description: t.description,
      counts: {
        policy: policy ? (policy.counts[t.code] ?? 0) : null,
        qa: t.publishedCount,
        guide: guide ? (guide.counts[t.code] ?? 0) : null,
      },
    })),
  };
}

const unavailable = { items: [], total: 0, available: false };

async function page(input: { params: Record<string, string>; query: Record<string, unknown> }, deps: RouteDeps) {
  const req = parseOrThrow(TopicPageReq, { ...input.query, code: input.params.code });
  const topic = (await taxonomy(deps)).find((t) => t.code === req.code);
  if (!topic) throw new DomainError(ErrorCode.TOPIC_NOT_FOUND, undefined, { code: req.code });
  const paging = { page: req.page, pageSize: req.pageSize };
  const opts = { timeoutMs: PART_TIMEOUT_MS };
  const [policies, qa, guides] = await Promise.all([
    partOf(() => deps.rpc.call(listPolicyDocuments, { ...paging, status: 'PUBLISHED', topicCode: req.code }, opts)),
    partOf(() => deps.rpc.call(listQaPairs, { ...paging, topic: req.code }, opts)),
    partOf(() => deps.rpc.call(listGuideMatters, { ...paging, topic: req.code }, opts)),
  ]);
  const view: z.input<typeof TopicPage> = {
    code: topic.code,
    name: topic.name,
    description: topic.description,
    ...paging,
    policies: policies
      ? {
          items: policies.items.map((p) => ({ id: p.id, title: p.title, docNumber: p.docNumber, publishDate: p.publishDate })),
          total: policies.total,
          available: true,
        }
      : unavailable,
    qa: qa ? { items: qa.items.map((p) => ({ id: p.id, question: p.question })), total: qa.total, available: true } : unavailable,
    guides: guides
      ? { items: guides.items.map((g) => ({ code: g.code, name: g.name, department: g.department })), total: guides.total, available: true }
      : unavailable,
  };
  return view;
}

/**
 * Topic services (主题服务): the gateway puts together qa-svc's taxonomy with the counts and lists of policy-svc,
 * qa-svc and service-guide-svc (docs/adr/0006-topic-services.md). Anonymous reads: drafts never show.
 */
export const topicRoutes = routes('topics', [
  {
    key: 'topics.list',
    method: 'GET',
    path: '/topics',
    access: PUBLIC,
    output: TopicList,
    describe: '`rpc.qa.topic.list` (names, order, Q&A counts) with `rpc.policy.topic.counts` and `rpc.guide.topic.counts`',
    summary:
      "Topic services in the editors' order, each with its numbers of published policies, Q&A pairs and guides (a count is null when its service did not answer in time)",
    handle: (_input, deps) => list(deps),
  },
  {
    key: 'topics.read',
    method: 'GET',
    path: '/topics/:code',
    access: PUBLIC,
    input: 'query',
    publicInput: TopicPageReq,
    output: TopicPage,
    describe: '`rpc.qa.topic.list`, then `rpc.policy.document.list`, `rpc.qa.pair.list` and `rpc.guide.matter.list` filtered by the topic',
    summary:
      'One topic service with its published policies, Q&A pairs and guides, each paged by page/pageSize (a part is empty with available=false when its service did not answer in time)',
    handle: (input, deps) => page(input, deps),
  },
]);
