import { z } from 'zod';
import { Uuid } from '../common.js';
import { defineRpc } from '../define.js';
import { ADMINS, PUBLIC } from '../roles.js';

/** Validity of a policy document (时效性), as the search read model stores it. */
export const PolicyValidity = z.enum(['有效', '已修改', '失效', '废止']);

const facetValue = z.string().trim().min(1).max(100);
const SEARCH_FACETS = ['agency', 'level', 'region', 'year', 'topic', 'docType', 'validity'] as const;

/** Query-string shape of `GET /policies/search`: empty `q` with filters = browse. */
export const SearchPoliciesReq = z.strictObject({
  q: z.string().trim().max(200).optional().describe('查询词：口语、标题片段或发文字号'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  agency: facetValue.optional(),
  level: facetValue.optional(),
  region: facetValue.optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, '年份应为四位数字')
    .optional(),
  topic: facetValue.optional(),
  docType: facetValue.optional(),
  validity: PolicyValidity.optional(),
});
export type SearchPoliciesReq = z.infer<typeof SearchPoliciesReq>;
/** The RPC takes one more, internal field: services searching on a citizen's behalf (the Q&A fallback) keep out of query analytics. */
export const SearchPoliciesRpcReq = SearchPoliciesReq.extend({ recordQuery: z.boolean().default(true) });
export type SearchPoliciesRpcReq = z.infer<typeof SearchPoliciesRpcReq>;
export const SEARCH_FILTER_FIELDS = SEARCH_FACETS;

export const PolicySearchItem = z.object({
  id: Uuid,
  externalId: z.string().nullable(),
  title: z.string(),
  docNumber: z.string().nullable(),
  agencies: z.array(z.string()),
  publishDate: z.string().nullable(),
  validity: PolicyValidity,
  snippet: z.string(),
  /** Present (true) only on documents editors pinned for this query (best bets), shown first on page 1. */
  pinned: z.literal(true).optional(),
});
const FacetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));
/** Another library to run the same query in ("search there too"); `url` holds the query, URL-encoded. */
export const ExternalSearchLink = z.object({ name: z.string(), url: z.url() });

/**
 * `total` counts ranked matches; pinned items are extra (page 1 may hold up to pageSize + pinned).
 * Fields after `facets` are optional additions: clients that ignore them see the original shape.
 */
export const PolicySearchResult = z.object({
  items: z.array(PolicySearchItem),
  total: z.number().int().nonnegative(),
  facets: z.record(z.enum(SEARCH_FACETS), FacetCounts),
  didYouMean: z.string().optional().describe('您是不是要找：结果为零或很少时，按文件库词汇纠正后的查询词'),
  externalLinks: z.array(ExternalSearchLink).optional().describe('到其他政策文件库继续检索'),
});

export const searchPolicies = defineRpc('rpc.policy.search.query', {
  access: PUBLIC,
  request: SearchPoliciesRpcReq,
  response: PolicySearchResult,
});

export const SuggestPoliciesReq = z.strictObject({ q: z.string().trim().min(1).max(50) });
export const PolicySuggestion = z.object({
  kind: z.enum(['docNumber', 'title', 'agency']),
  text: z.string(),
  id: Uuid.optional(),
});
export const suggestPolicies = defineRpc('rpc.policy.search.suggest', {
  access: PUBLIC,
  request: SuggestPoliciesReq,
  response: z.object({ items: z.array(PolicySuggestion) }),
});

/** Rebuilds the search read model from the database (staff; the replica that answers rebuilds). */
export const rebuildPolicySearch = defineRpc('rpc.policy.search.rebuild', {
  access: ADMINS,
  request: z.strictObject({}),
  response: z.object({ indexed: z.number().int(), engine: z.string(), ms: z.number() }),
});
