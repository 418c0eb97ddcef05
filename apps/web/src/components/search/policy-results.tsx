import { Pager } from '../pager';
import type { GetOk } from '@govdisc/api-client';
import { FACET_LABEL, VALIDITY_LABEL } from '../../lib/labels';
import { formatDate } from '../../lib/site';
import { SnippetParagraph } from '../../lib/snippet';
import { FacetGroup, FacetNav } from '../facets';
import { type Filter, FILTERS, POLICY_PAGE_SIZE, type PolicySort, policyHref as href } from '../../lib/search-links';

type Results = GetOk<'/api/v1/policies/search'>;

/** The 政策文件 tab: policy search with its facets, sort and paging (the policy library's own search). */
export function PolicyResults({
  q,
  filters,
  sort,
  page,
  results,
}: {
  q: string;
  filters: Partial<Record<Filter, string>>;
  sort: PolicySort;
  page: number;
  results: Results;
}) {
  const PAGE_SIZE = POLICY_PAGE_SIZE;
  const pages = Math.min(500, Math.ceil(results.total / PAGE_SIZE));
  return (
    <>
      {results && results.total === 0 && (
        <section aria-labelledby="none-h">
          <h2 id="none-h">没有找到相关政策文件</h2>
          {results.didYouMean && (
            <p>
              您是不是要找：<a href={href(results.didYouMean, {})}>{results.didYouMean}</a>
            </p>
          )}
          <ul>
            <li>换个说法试试，比如用“公积金”代替“住房公积金提取”，或只输入文号中的数字。</li>
            {Object.keys(filters).length > 0 && (
              <li>
                <a href={href(q, {})}>去掉筛选条件重新查找</a>
              </li>
            )}
            <li>
              直接提问：<a href={`/ask?q=${encodeURIComponent(q)}`}>到“一号答”问一问“{q}”</a>
            </li>
            <li>
              找不到需要的政府信息？可以<a href="/disclosure/new">申请政府信息公开</a>。
            </li>
          </ul>
          {(results.externalLinks ?? []).length > 0 && (
            <>
              <h3>到其他政策文件库继续查找</h3>
              <ul>
                {results.externalLinks!.map((l) => (
                  <li key={l.url}>
                    <a href={l.url} rel="noopener">
                      {l.name}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {results && results.total > 0 && (
        <div className="layout-2">
          <section aria-labelledby="results-h">
            <h2 id="results-h">
              共找到 {results.total} 份文件{pages > 1 ? `，第 ${page}/${pages} 页` : ''}
            </h2>
            <p className="meta">
              排序：
              {sort === 'relevance' ? <strong>按相关度</strong> : <a href={href(q, filters, 1, 'relevance')}>按相关度</a>} ·{' '}
              {sort === 'date' ? <strong>按发布日期</strong> : <a href={href(q, filters, 1, 'date')}>按发布日期</a>}
              <span className="only-narrow">
                {' '}
                · <a href="#facets">筛选结果</a>
              </span>
            </p>
            <ol className="results" start={(page - 1) * PAGE_SIZE + 1}>
              {results.items.map((item) => (
                <li key={item.id}>
                  <h3>
                    <a href={`/policies/${item.id}`}>{item.title}</a>
                    <span className={`badge badge-${item.validity}`}>{VALIDITY_LABEL[item.validity] ?? item.validity}</span>
                  </h3>
                  <p className="meta">
                    {[item.docNumber, item.agencies.join('、'), item.publishDate ? `发布于 ${formatDate(item.publishDate)}` : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <SnippetParagraph html={item.snippet} />
                </li>
              ))}
            </ol>
            <Pager page={page} pages={pages} href={(n) => href(q, filters, n, sort)} />
          </section>
          <FacetNav>
            {FILTERS.map((f) => (
              <FacetGroup
                key={f}
                label={FACET_LABEL[f] ?? f}
                clearHref={filters[f] ? href(q, { ...filters, [f]: undefined }, 1, sort) : null}
                options={(results.facets[f] ?? []).slice(0, 8).map((v) => ({
                  value: v.value,
                  label: f === 'validity' ? (VALIDITY_LABEL[v.value] ?? v.value) : v.value,
                  count: v.count,
                  href: href(q, { ...filters, [f]: v.value }, 1, sort),
                  current: filters[f] === v.value,
                }))}
              />
            ))}
          </FacetNav>
        </div>
      )}
    </>
  );
}
