/** Links of the search page: one URL shape for every tab, so each state can be bookmarked and works without JavaScript. */
export const FILTERS = ['validity', 'agency', 'year', 'topic', 'docType', 'level', 'region'] as const;
export type Filter = (typeof FILTERS)[number];
export type PolicySort = 'relevance' | 'date';
export const POLICY_PAGE_SIZE = 10;

export const TABS = [
  { type: null, label: '全部' },
  { type: 'policy', label: '政策文件' },
  { type: 'qa', label: '问答' },
  { type: 'guide', label: '办事指南' },
  { type: 'bundle', label: '一件事' },
] as const;
export type SearchType = 'policy' | 'qa' | 'guide' | 'bundle';

/** A tab (or one of its pages): `/search?q=…&type=…&page=…`. */
export function tabHref(q: string, type: SearchType | null, page = 1): string {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (type) p.set('type', type);
  if (page > 1) p.set('page', String(page));
  return `/search?${p.toString()}`;
}

/** The 政策文件 tab with facet filters and sort. */
export function policyHref(q: string, filters: Partial<Record<Filter, string>>, page = 1, sort: PolicySort = 'relevance'): string {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  p.set('type', 'policy');
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
  if (sort !== 'relevance') p.set('sort', sort);
  if (page > 1) p.set('page', String(page));
  return `/search?${p.toString()}`;
}

/** Where a result of each type is read. A Q&A pair is answered on the ask page (一号答), with its citations. */
export function itemHref(item: { type: SearchType; id: string; title: string }): string {
  switch (item.type) {
    case 'policy':
      return `/policies/${encodeURIComponent(item.id)}`;
    case 'qa':
      return `/ask?q=${encodeURIComponent(item.title)}`;
    case 'guide':
      return `/guides/${encodeURIComponent(item.id)}`;
    case 'bundle':
      return `/bundles/${encodeURIComponent(item.id)}`;
  }
}

export const TYPE_LABEL: Record<SearchType, string> = { policy: '政策文件', qa: '问答', guide: '办事指南', bundle: '一件事' };
