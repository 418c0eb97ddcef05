import {
  DomainError,
  ErrorCode,
  SEARCH_TYPES,
  type SearchPart,
  type SearchType,
  UNIFIED_SEARCH,
  type UnifiedSearchItem,
  type UnifiedSearchResult,
} from '@govdisc/contracts';

/** The checked query of `GET /search`. */
export interface UnifiedQuery {
  q: string;
  type: SearchType | null;
  page: number;
}

const one = (v: unknown): unknown => (Array.isArray(v) ? v[v.length - 1] : v);

/**
 * Checks the query string, one stable code per mistake (each with a message a citizen can act on):
 * empty or too long `q`, a `type` that is not one of the four, a page outside 1..maxPage or past 1
 * without a type (the blended list has one page; paging happens within a type).
 */
export function parseUnifiedQuery(query: Record<string, unknown>): UnifiedQuery {
  const rawQ = one(query.q);
  const q = typeof rawQ === 'string' ? rawQ.trim() : '';
  if (q === '') throw new DomainError(ErrorCode.SEARCH_QUERY_EMPTY);
  if ([...q].length > UNIFIED_SEARCH.maxQueryChars)
    throw new DomainError(ErrorCode.SEARCH_QUERY_TOO_LONG, undefined, { maxChars: UNIFIED_SEARCH.maxQueryChars });
  const rawType = one(query.type);
  let type: SearchType | null = null;
  if (rawType !== undefined && rawType !== '') {
    if (typeof rawType !== 'string' || !(SEARCH_TYPES as readonly string[]).includes(rawType))
      throw new DomainError(ErrorCode.SEARCH_TYPE_UNKNOWN, undefined, { types: SEARCH_TYPES });
    type = rawType as SearchType;
  }
  const rawPage = one(query.page);
  const page = rawPage === undefined || rawPage === '' ? 1 : Number(rawPage);
  const maxPage = type ? UNIFIED_SEARCH.maxPage : 1;
  if (!Number.isInteger(page) || page < 1 || page > maxPage)
    throw new DomainError(ErrorCode.SEARCH_PAGE_OUT_OF_RANGE, undefined, { maxPage, type });
  return { q, type, page };
}

const TYPE_ORDER: Record<SearchType, number> = { policy: 0, qa: 1, guide: 2, bundle: 3 };
const byScore = (a: UnifiedSearchItem, b: UnifiedSearchItem) => b.score - a.score || TYPE_ORDER[a.type] - TYPE_ORDER[b.type];

/**
 * The blended first page: the best hit of every type that has one (so each shows up), best first,
 * then the remaining hits of all types by relative score (ties: policy, Q&A, guide, bundle).
 */
export function blendFirstPage(parts: readonly SearchPart[], pageSize: number): UnifiedSearchItem[] {
  const leaders = parts.flatMap((p) => p.items.slice(0, 1)).sort(byScore);
  const rest = parts.flatMap((p) => p.items.slice(1)).sort(byScore);
  return [...leaders, ...rest].slice(0, pageSize);
}

/** The answer: counts of every type (0 for a missing part, named in `partial`), and the page's items. */
export function unifiedResult(query: UnifiedQuery, parts: readonly SearchPart[], partial: readonly SearchType[]): UnifiedSearchResult {
  const counts = Object.fromEntries(SEARCH_TYPES.map((t) => [t, 0])) as Record<SearchType, number>;
  for (const p of parts) counts[p.type] = p.total;
  const pageSize = UNIFIED_SEARCH.pageSize;
  const items = query.type ? (parts.find((p) => p.type === query.type)?.items ?? []).slice(0, pageSize) : blendFirstPage(parts, pageSize);
  return { q: query.q, type: query.type, page: query.page, pageSize, counts, items, partial: [...partial] };
}
