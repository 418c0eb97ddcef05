import { type SearchType, TABS, tabHref } from '../../lib/search-links';

/**
 * The tabs of the search page as links (a GET each, no JavaScript), each with its count from unified
 * search; the current one is marked with aria-current. A count a service did not give in time shows "—".
 */
export function SearchTabs({
  q,
  current,
  counts,
  missing,
}: {
  q: string;
  current: SearchType | null;
  counts: Record<SearchType, number> | null;
  missing: readonly SearchType[];
}) {
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  return (
    <nav aria-label="结果类型" className="tabs">
      <ul>
        {TABS.map((tab) => {
          const n = tab.type === null ? total : counts && !missing.includes(tab.type) ? counts[tab.type] : null;
          return (
            <li key={tab.label}>
              <a href={tabHref(q, tab.type)} aria-current={tab.type === current ? 'page' : undefined}>
                {tab.label}
                <span className="tab-count">（{n ?? '—'}）</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
