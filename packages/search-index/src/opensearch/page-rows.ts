import type { SnippetText } from '@govdisc/text-analysis';
import { LRUCache } from 'lru-cache';
import type { RowFields } from '../hits.js';

/**
 * What a result row is made of besides its score: the display fields and the body its snippet is cut from, prepared
 * once (cleaned and cut into words, as the embedded engine keeps every body), so a snippet is a lookup around the
 * first hit instead of a jieba pass over a window for every hit shown: the same snippets as the embedded engine's.
 */
export interface PageRow {
  fields: RowFields;
  text: SnippetText;
}

/** A document as the index holds it: its id and `version` (which orders the updates of one id). */
export interface RowKey {
  id: string;
  version: number;
}

/** Default budget: ~2,000 average bodies of the sample corpus, the documents a busy day's first pages show. */
export const PAGE_ROWS_DEFAULT_MB = 32;

/**
 * The rows of result pages, kept per document version so a search asks OpenSearch for ids, scores and versions only.
 * A page's bodies were most of what OpenSearch read, serialised and sent per search (146 KiB for 10 hits of the
 * full corpus, half of its CPU: bench/opensearch-floor.mjs). A version's fields and body never change (a new one
 * has a higher `version`), so a held row is never stale and nothing has to empty the cache; a row is fetched and
 * its text prepared once per version, when a page first shows it. Bounded by the texts' size (two bytes per
 * character, as V8 holds Chinese text, and one per word) plus a fixed share for the fields; the least recently shown
 * go first.
 */
export class PageRows {
  private readonly held: LRUCache<string, PageRow> | null;

  constructor(megabytes: number = PAGE_ROWS_DEFAULT_MB) {
    const maxSize = Math.floor(megabytes * 1024 * 1024);
    this.held = maxSize > 0 ? new LRUCache<string, PageRow>({ maxSize, sizeCalculation: rowBytes }) : null;
  }

  /**
   * The rows of `keys`: held ones at once, the others from `fetch` (the current version of each missing id, or none
   * if it is gone) in one call. A fetched row answers for its id even when its version is newer than the key's (an
   * update between the search and the fetch): the page then shows the document as it now is.
   */
  async rowsOf(keys: readonly RowKey[], fetch: (ids: string[]) => Promise<(PageRow & RowKey)[]>): Promise<Map<string, PageRow>> {
    const rows = new Map<string, PageRow>();
    const missing: string[] = [];
    for (const k of keys) {
      const row = this.held?.get(keyOf(k));
      if (row) rows.set(k.id, row);
      else missing.push(k.id);
    }
    if (missing.length === 0) return rows;
    for (const { id, version, fields, text } of await fetch(missing)) {
      const row = { fields, text };
      this.held?.set(keyOf({ id, version }), row);
      rows.set(id, row);
    }
    return rows;
  }

  /** Rows held now (for tests and metrics). */
  get size(): number {
    return this.held?.size ?? 0;
  }
}

/** Bytes counted per row for its fields and the cache's own entry (titles and agency names are short). */
const ROW_OVERHEAD = 512;

/** The prepared text's characters (two bytes each) and its word lengths (one each), plus the fields. */
const rowBytes = (r: PageRow) => 2 * r.text.text.length + r.text.lengths.length + ROW_OVERHEAD;

const keyOf = (k: RowKey) => `${k.version}\u0000${k.id}`;
