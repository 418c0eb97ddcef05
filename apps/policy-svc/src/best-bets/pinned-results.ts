import type { PolicySearchItem, z } from '@govdisc/contracts';
import { normalizeQuery } from '../query-text/query-text.js';

export type SearchItem = z.input<typeof PolicySearchItem>;

/** Normalised query → pinned document ids in display order. Built from every best bet. */
export class PinTable {
  private readonly byQuery: ReadonlyMap<string, readonly string[]>;

  constructor(rows: ReadonlyArray<{ normalizedQuery: string; documentIds: readonly string[] }>) {
    this.byQuery = new Map(rows.map((r) => [r.normalizedQuery, r.documentIds]));
  }

  /** Exact match of the normalised text: a best bet answers one query, not every query containing it. */
  pinnedFor(q: string): readonly string[] {
    return this.byQuery.get(normalizeQuery(q)) ?? [];
  }
}

/**
 * Page 1 of a query with a best bet: the pinned documents in the editors' order, marked `pinned`,
 * then the ranked hits without them. Pinned documents come from the hits when ranked on this page,
 * else from `fetched`; one that is neither (deleted, back to draft) is skipped.
 */
export function pinFirst(
  pinnedIds: readonly string[],
  ranked: readonly SearchItem[],
  fetched: ReadonlyMap<string, SearchItem>,
): SearchItem[] {
  const rankedById = new Map(ranked.map((item) => [item.id, item]));
  const pinned = pinnedIds
    .map((id) => rankedById.get(id) ?? fetched.get(id))
    .filter((item): item is SearchItem => item !== undefined)
    .map((item) => ({ ...item, pinned: true as const }));
  return [...pinned, ...withoutPinned(ranked, pinnedIds)];
}

/** Later pages: the pinned documents were shown on page 1, so they are not repeated. */
export function withoutPinned(ranked: readonly SearchItem[], pinnedIds: readonly string[]): SearchItem[] {
  const pinned = new Set(pinnedIds);
  return ranked.filter((item) => !pinned.has(item.id));
}
