import { Pager } from '../pager';
import type { GetOk } from '@govdisc/api-client';
import { SnippetParagraph } from '../../lib/snippet';
import { NoResults } from './no-results';
import { type SearchType, TYPE_LABEL, itemHref, tabHref } from '../../lib/search-links';

type Unified = GetOk<'/api/v1/search'>;

/** The 全部 tab (the blended first page) or one type's pages, from unified search. */
export function UnifiedResults({ results, maxPage }: { results: Unified; maxPage: number }) {
  const type = results.type;
  const counts = results.counts as Record<SearchType, number>;
  const total = type ? counts[type] : Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0 && results.partial.length === 0) return <NoResults q={results.q} what={type ? TYPE_LABEL[type] : '内容'} />;
  const pages = type ? Math.min(maxPage, Math.ceil(total / results.pageSize)) : 1;
  const heading = type
    ? `${TYPE_LABEL[type]}共 ${total} 条${pages > 1 ? `，第 ${results.page}/${pages} 页` : ''}`
    : `共找到 ${total} 条结果，以下是各类中最相关的`;
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h">{heading}</h2>
      {results.partial.length > 0 && (
        <p className="banner" role="status">
          {results.partial.map((t) => TYPE_LABEL[t]).join('、')}暂时没有返回结果，请稍后刷新再试。
        </p>
      )}
      <ol className="results" start={(results.page - 1) * results.pageSize + 1}>
        {results.items.map((item) => (
          <li key={`${item.type}:${item.id}`}>
            <h3>
              <span className={`badge badge-type badge-${item.type}`}>{TYPE_LABEL[item.type]}</span>{' '}
              <a href={itemHref(item as { type: SearchType; id: string; title: string })}>{item.title}</a>
            </h3>
            {item.meta && <p className="meta">{item.meta}</p>}
            <SnippetParagraph html={item.snippet} />
          </li>
        ))}
      </ol>
      {!type && (
        <p>
          {(['policy', 'qa', 'guide', 'bundle'] as const)
            .filter((t) => counts[t] > results.items.filter((i) => i.type === t).length)
            .map((t, i) => (
              <span key={t}>
                {i > 0 ? ' · ' : ''}
                <a href={tabHref(results.q, t)}>
                  查看全部{counts[t]}条{TYPE_LABEL[t]}
                </a>
              </span>
            ))}
        </p>
      )}
      {type && <Pager page={results.page} pages={pages} href={(n) => tabHref(results.q, type, n)} />}
    </section>
  );
}
