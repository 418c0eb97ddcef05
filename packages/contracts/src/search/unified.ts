import { z } from 'zod';
import { defineRpc } from '../define.js';
import { PUBLIC } from '../roles.js';

/** What unified search (一键查) finds: policy documents, Q&A pairs, service guides (matters), 一件事 bundles. */
export const SEARCH_TYPES = ['policy', 'qa', 'guide', 'bundle'] as const;
export const SearchType = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof SearchType>;

export const UNIFIED_SEARCH = {
  /** longest query, in characters after trimming */
  maxQueryChars: 100,
  /** results per page, blended or per type */
  pageSize: 10,
  /** last page a type can be paged to (deeper pages are never read; refine the query instead) */
  maxPage: 50,
} as const;

/**
 * Query string of `GET /search` (shown in OpenAPI; the route checks it itself so each mistake has its
 * own code): `q` required; `type` pages within one type; without `type` only page 1 (the blended page).
 */
export const UnifiedSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(UNIFIED_SEARCH.maxQueryChars).describe('查询词：口语、标题片段、事项名称或发文字号'),
  type: SearchType.optional().describe('只看一类并翻页：policy 政策文件、qa 问答、guide 办事指南、bundle 一件事'),
  page: z.coerce.number().int().min(1).max(UNIFIED_SEARCH.maxPage).default(1).describe('页码；不指定 type 时只有第 1 页'),
});
export type UnifiedSearchQuery = z.output<typeof UnifiedSearchQuery>;

/** One result row of any type. `id` is what the type's page is addressed by (guides and bundles: their code). */
export const UnifiedSearchItem = z.object({
  type: SearchType,
  id: z.string(),
  title: z.string(),
  /** HTML: text with the query's terms in <em> (as policy search gives), escaped otherwise */
  snippet: z.string(),
  /** one line under the title: 文号 · 发文机关, the answering department, the implementing body… */
  meta: z.string(),
  /** the hit's score divided by the best score of its type for this query: (0, 1] */
  score: z.number().min(0).max(1),
});
export type UnifiedSearchItem = z.infer<typeof UnifiedSearchItem>;

/** One service's answer for one type: how many match, and the requested page of them. */
export const SearchPart = z.object({
  type: SearchType,
  total: z.number().int().nonnegative(),
  items: z.array(UnifiedSearchItem),
});
export type SearchPart = z.infer<typeof SearchPart>;

/** What each owning service's search RPC takes: `types` narrows a service that owns two (guides and bundles). */
export const SearchPartReq = z.strictObject({
  q: z.string().trim().min(1).max(UNIFIED_SEARCH.maxQueryChars),
  page: z.number().int().min(1).max(UNIFIED_SEARCH.maxPage).default(1),
  pageSize: z.number().int().min(1).max(50).default(UNIFIED_SEARCH.pageSize),
  types: z.array(SearchType).min(1).optional(),
});
export type SearchPartReq = z.output<typeof SearchPartReq>;
export const SearchPartRes = z.object({ parts: z.array(SearchPart) });

/** Published policy documents only (the search read model holds no drafts). */
export const searchPolicyPart = defineRpc('rpc.policy.search.part', { access: PUBLIC, request: SearchPartReq, response: SearchPartRes });
/** Q&A pairs the public may see right now (published, in effect). */
export const searchQaPart = defineRpc('rpc.qa.search.part', { access: PUBLIC, request: SearchPartReq, response: SearchPartRes });
/** Published service matters (their published version) and published 一件事 bundles. */
export const searchGuidePart = defineRpc('rpc.guide.search.part', { access: PUBLIC, request: SearchPartReq, response: SearchPartRes });

export const UnifiedSearchResult = z.object({
  q: z.string(),
  type: SearchType.nullable(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** matches per type, whatever `type` is (a part that did not answer counts 0 and is named in `partial`) */
  counts: z.record(SearchType, z.number().int().nonnegative()),
  items: z.array(UnifiedSearchItem),
  /** types whose service did not answer in time: their counts and items are missing, not zero */
  partial: z.array(SearchType),
});
export type UnifiedSearchResult = z.infer<typeof UnifiedSearchResult>;

/**
 * A page of one type's hits as unified items: each score divided by the page's best, so every type's
 * scores fall in (0, 1] and the gateway can blend types whose raw scores are not comparable.
 */
export function toSearchPart<H extends { score: number }>(
  type: SearchType,
  ranked: { hits: readonly H[]; total: number },
  row: (hit: H) => Omit<UnifiedSearchItem, 'type' | 'score'>,
): SearchPart {
  const best = Math.max(0, ...ranked.hits.map((h) => h.score));
  const relative = (score: number) => (best > 0 ? Math.min(1, Math.max(0, score / best)) : 1);
  return {
    type,
    total: ranked.total,
    items: ranked.hits.map((hit) => ({ type, ...row(hit), score: Math.round(relative(hit.score) * 1e4) / 1e4 })),
  };
}
