import type { GatewayClient, GetOk } from '@govdisc/api-client';
import { type Filter, FILTERS, POLICY_PAGE_SIZE, type PolicySort, type SearchType, TABS } from './search-links';
import { one } from './site';

type Params = Partial<Record<string, string | string[]>>;
export type PolicyResultsBody = GetOk<'/api/v1/policies/search'>;
export type UnifiedResultsBody = GetOk<'/api/v1/search'>;

/** Unified search pages one type up to here (UNIFIED_SEARCH.maxPage in contracts). */
export const MAX_PAGE = 50;
/** Policy search pages up to here. */
export const MAX_POLICY_PAGE = 500;
const TYPES = TABS.flatMap((t) => (t.type ? [t.type] : [])) as SearchType[];
const FAILED = '查询暂时无法完成，请稍后再试。';

/** What the search page was asked for (`/search?q=…&type=…&page=…` and the 政策文件 tab's filters and sort). */
export interface SearchQuery {
  q: string;
  filters: Partial<Record<Filter, string>>;
  sort: PolicySort;
  /** null: the 全部 tab. */
  type: SearchType | null;
  page: number;
}

/** What the gateway answered; `error` is the message shown when a search could not be done. */
export interface SearchAnswer {
  unified?: UnifiedResultsBody;
  policy?: PolicyResultsBody;
  error?: string;
}

/** The query string as a search: links with facet filters or a sort open the 政策文件 tab directly. */
export function searchQuery(params: Params): SearchQuery {
  const filters: Partial<Record<Filter, string>> = {};
  for (const f of FILTERS) {
    const v = one(params[f]);
    if (v) filters[f] = v;
  }
  const sort = one(params.sort) === 'date' ? 'date' : 'relevance';
  const asked = one(params.type) as SearchType;
  const filtered = Object.keys(filters).length > 0 || sort === 'date';
  return {
    q: one(params.q).trim().slice(0, 200),
    filters,
    sort,
    type: TYPES.includes(asked) ? asked : filtered ? 'policy' : null,
    page: Math.max(1, Number.parseInt(one(params.page), 10) || 1),
  };
}

const errorOf = (err: unknown) => (err as { message?: string } | undefined)?.message ?? FAILED;

/**
 * Asks the gateway: unified search for the tabs' counts and the 全部 tab or one type's page; policy search for the
 * 政策文件 tab (unified search then gives the counts only). A gateway that cannot be reached throws.
 */
export async function loadSearch(client: GatewayClient, { q, filters, sort, type, page }: SearchQuery): Promise<SearchAnswer> {
  const policyTab = type === 'policy';
  const [u, p] = await Promise.all([
    q
      ? client.GET('/api/v1/search', {
          params: { query: { q, ...(type ? { type } : {}), page: type && !policyTab ? Math.min(page, MAX_PAGE) : 1 } },
        })
      : undefined,
    policyTab && (q || Object.keys(filters).length > 0)
      ? client.GET('/api/v1/policies/search', {
          params: {
            query: {
              q: q || undefined,
              page: Math.min(page, MAX_POLICY_PAGE),
              pageSize: POLICY_PAGE_SIZE,
              sort,
              ...(filters as Record<string, string>),
            },
          },
        })
      : undefined,
  ]);
  const answer: SearchAnswer = {};
  if (u?.data) answer.unified = u.data;
  else if (u) answer.error = errorOf(u.error);
  if (p?.data) answer.policy = p.data;
  else if (p) answer.error = errorOf(p.error);
  return answer;
}

/** The page's head: title, description, canonical path; a page with a query is not indexed (its links are followed). */
export function searchHead(q: string): { title: string; description: string; canonicalPath: string; noindex: boolean } {
  return {
    title: q ? `“${q}”的查询结果` : '一键查',
    description: q
      ? `查找“${q}”：政策文件、问答、办事指南和一件事，一次查全。`
      : '一次查找政策文件、政策问答、办事指南和“一件事”主题服务。',
    canonicalPath: q ? `/search?q=${encodeURIComponent(q)}` : '/search',
    noindex: Boolean(q),
  };
}
