import type { Metadata } from 'next';
import { SearchBox } from '../../components/search-box';
import { api, type GetOk } from '../../lib/api';
import { one } from '../../lib/site';
import { PolicyResults } from './_components/policy-results';
import { SearchTabs } from './_components/search-tabs';
import { UnifiedResults } from './_components/unified-results';
import { type Filter, FILTERS, POLICY_PAGE_SIZE, type SearchType, TABS } from './_components/search-links';

type Params = Record<string, string | string[] | undefined>;
type PolicyResultsBody = GetOk<'/api/v1/policies/search'>;
type Unified = GetOk<'/api/v1/search'>;
/** Unified search pages one type up to here (UNIFIED_SEARCH.maxPage in contracts). */
const MAX_PAGE = 50;
const TYPES = TABS.flatMap((t) => (t.type ? [t.type] : [])) as SearchType[];
const FAILED = '查询暂时无法完成，请稍后再试。';

function filtersOf(sp: Params): Partial<Record<Filter, string>> {
  const out: Partial<Record<Filter, string>> = {};
  for (const f of FILTERS) {
    const v = one(sp[f]);
    if (v) out[f] = v;
  }
  return out;
}

export async function generateMetadata({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> {
  const q = one((await searchParams).q);
  return {
    title: q ? `“${q}”的查询结果` : '一键查',
    description: q
      ? `查找“${q}”：政策文件、问答、办事指南和一件事，一次查全。`
      : '一次查找政策文件、政策问答、办事指南和“一件事”主题服务。',
    alternates: { canonical: q ? `/search?q=${encodeURIComponent(q)}` : '/search' },
    robots: q ? { index: false, follow: true } : undefined,
  };
}

const errorOf = (err: unknown) => (err as { message?: string } | undefined)?.message ?? FAILED;

/**
 * 一键查: tabs 全部 / 政策文件 / 问答 / 办事指南 / 一件事 with counts from unified search. 全部 shows the
 * blended first page; each type pages on its own; 政策文件 keeps the policy library's facets and sort
 * (links with facet filters open it directly, as they did before the tabs).
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const sp = await searchParams;
  const q = one(sp.q).trim().slice(0, 200);
  const filters = filtersOf(sp);
  const sort = one(sp.sort) === 'date' ? 'date' : 'relevance';
  const asked = one(sp.type) as SearchType;
  const type: SearchType | null = TYPES.includes(asked) ? asked : Object.keys(filters).length > 0 || sort === 'date' ? 'policy' : null;
  const page = Math.max(1, Number.parseInt(one(sp.page), 10) || 1);
  const client = await api();

  let unified: Unified | undefined;
  let policy: PolicyResultsBody | undefined;
  let error: string | undefined;
  const policyTab = type === 'policy';
  const [u, p] = await Promise.all([
    q
      ? client.GET('/api/v1/search', {
          // the policy tab reads its items from policy search: ask unified search for the counts only
          params: { query: { q, ...(type ? { type } : {}), page: type && !policyTab ? Math.min(page, MAX_PAGE) : 1 } },
        })
      : undefined,
    policyTab && (q || Object.keys(filters).length > 0)
      ? client.GET('/api/v1/policies/search', {
          params: {
            query: {
              q: q || undefined,
              page: Math.min(page, 500),
              pageSize: POLICY_PAGE_SIZE,
              sort,
              ...(filters as Record<string, string>),
            },
          },
        })
      : undefined,
  ]);
  if (u?.data) unified = u.data;
  else if (u) error = errorOf(u.error);
  if (p?.data) policy = p.data;
  else if (p) error = errorOf(p.error);

  const counts = (unified?.counts as Record<SearchType, number> | undefined) ?? null;
  return (
    <>
      <h1>{q ? `“${q}”的查询结果` : '一键查'}</h1>
      <SearchBox defaultValue={q} label="查政策、问答、办事指南" />
      {q && <SearchTabs q={q} current={type} counts={counts} missing={unified?.partial ?? []} />}
      {error && (
        <div className="banner banner-bad" role="alert">
          {error}
        </div>
      )}
      {policy && <PolicyResults q={q} filters={filters} sort={sort} page={Math.min(page, 500)} results={policy} />}
      {unified && !policyTab && <UnifiedResults results={unified} maxPage={MAX_PAGE} />}
      {!q && !policy && <p>输入关键词，一次查找政策文件、政策问答、办事指南和“一件事”，也可以从首页的主题服务进入。</p>}
    </>
  );
}
