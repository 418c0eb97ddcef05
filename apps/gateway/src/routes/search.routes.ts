import {
  PUBLIC,
  type RpcContract,
  type SearchPart,
  type SearchPartReq,
  type SearchPartRes,
  type SearchType,
  UNIFIED_SEARCH,
  UnifiedSearchQuery,
  UnifiedSearchResult,
  searchGuidePart,
  searchPolicyPart,
  searchQaPart,
  type z,
} from '@govdisc/contracts';
import { type RouteDeps, routes } from './route-table.js';
import { type UnifiedQuery, parseUnifiedQuery, unifiedResult } from './unified-search.js';

/**
 * How long unified search waits for each owning service: a part that is later (or fails) is left out
 * of this answer and named in `partial`, so one slow service never holds the others' results back.
 */
export const PART_TIMEOUT_MS = 800;

type PartContract = RpcContract<typeof SearchPartReq, typeof SearchPartRes>;

/** Each owning service's search RPC and the types it answers. */
const OWNERS: Readonly<{ rpc: PartContract; types: readonly SearchType[] }[]> = [
  { rpc: searchPolicyPart, types: ['policy'] },
  { rpc: searchQaPart, types: ['qa'] },
  { rpc: searchGuidePart, types: ['guide', 'bundle'] },
];

/** Counts come from page 1 of every type; with `type`, that type's part is asked for the requested page instead. */
async function askOwner(owner: (typeof OWNERS)[number], query: UnifiedQuery, deps: RouteDeps) {
  const request: z.output<typeof SearchPartReq> = { q: query.q, page: 1, pageSize: UNIFIED_SEARCH.pageSize };
  const wanted = query.type && owner.types.includes(query.type) ? query.type : null;
  try {
    if (!wanted || query.page === 1) return { parts: (await deps.rpc.call(owner.rpc, request, { timeoutMs: PART_TIMEOUT_MS })).parts };
    // a later page of one type: that page, plus the owner's other types for their counts
    const [paged, others] = await Promise.all([
      deps.rpc.call(owner.rpc, { ...request, page: query.page, types: [wanted] }, { timeoutMs: PART_TIMEOUT_MS }),
      owner.types.length > 1
        ? deps.rpc.call(
            owner.rpc,
            { ...request, pageSize: 1, types: owner.types.filter((t) => t !== wanted) },
            { timeoutMs: PART_TIMEOUT_MS },
          )
        : Promise.resolve({ parts: [] as SearchPart[] }),
    ]);
    return { parts: [...paged.parts, ...others.parts] };
  } catch {
    return { parts: [] as SearchPart[], failed: owner.types };
  }
}

export const searchRoutes = routes('search', [
  {
    key: 'search.unified',
    method: 'GET',
    path: '/search',
    access: PUBLIC,
    // the handler checks the query itself (one code per mistake); `input` + `publicInput` document it in OpenAPI
    input: 'query',
    publicInput: UnifiedSearchQuery,
    output: UnifiedSearchResult,
    describe: '`rpc.policy.search.part`, `rpc.qa.search.part` and `rpc.guide.search.part` in parallel',
    summary:
      '一键查: one query over published policies, Q&A, service guides and 一件事 bundles: counts per type, a blended first page, `type` + `page` to page within one type; a service that does not answer in time is named in `partial`',
    handle: async ({ query }, deps) => {
      const checked = parseUnifiedQuery(query);
      const answers = await Promise.all(OWNERS.map((owner) => askOwner(owner, checked, deps)));
      const parts = answers.flatMap((a) => a.parts);
      const partial = answers.flatMap((a) => a.failed ?? []);
      return unifiedResult(checked, parts, partial);
    },
  },
]);
