import type { SearchAnswer, SearchQuery } from '../../lib/search-query';
import { MAX_PAGE, MAX_POLICY_PAGE } from '../../lib/search-query';
import { SearchForm } from '../search-form';
import { PolicyResults } from './policy-results';
import { SearchTabs } from './search-tabs';
import type { SearchType } from '../../lib/search-links';
import { UnifiedResults } from './unified-results';

/** The search box's id prefix on the search page (`search-q`, `search-hint`, `search-list`: public/search-suggest.js). */
export const SEARCH_BOX_ID = 'search';

/**
 * 一键查: tabs 全部 / 政策文件 / 问答 / 办事指南 / 一件事 with counts from unified search. 全部 shows the
 * blended first page; each type pages on its own; 政策文件 keeps the policy library's facets and sort
 * (links with facet filters open it directly, as they did before the tabs).
 */
export function SearchView({ query, answer }: { query: SearchQuery; answer: SearchAnswer }) {
  const { q, filters, sort, type, page } = query;
  const { unified, policy, error } = answer;
  const counts = (unified?.counts as Record<SearchType, number> | undefined) ?? null;
  return (
    <>
      <h1>{q ? `“${q}”的查询结果` : '一键查'}</h1>
      <SearchForm id={SEARCH_BOX_ID} value={q} label="查政策、问答、办事指南" />
      {q && <SearchTabs q={q} current={type} counts={counts} missing={unified?.partial ?? []} />}
      {error && (
        <div className="banner banner-bad" role="alert">
          {error}
        </div>
      )}
      {policy && <PolicyResults q={q} filters={filters} sort={sort} page={Math.min(page, MAX_POLICY_PAGE)} results={policy} />}
      {unified && type !== 'policy' && <UnifiedResults results={unified} maxPage={MAX_PAGE} />}
      {!q && !policy && <p>输入关键词，一次查找政策文件、政策问答、办事指南和“一件事”，也可以从首页的主题服务进入。</p>}
    </>
  );
}
