import { OpenSearchSearchIndex, type OpenSearchIndexOptions } from './opensearch/opensearch-index.js';
import type { SearchIndex } from './types.js';

export type EngineKind = 'embedded' | 'opensearch';

/** OpenSearch when a URL is configured (an empty string counts as unset), else the embedded engine. */
export function engineKind(opensearchUrl: string | null | undefined): EngineKind {
  return opensearchUrl ? 'opensearch' : 'embedded';
}

export interface OpenEngineOptions<E extends SearchIndex> {
  /** OpenSearch node, e.g. http://127.0.0.1:9200; unset = the embedded engine */
  opensearchUrl?: string | null;
  /** the service's own alias in OpenSearch (each service and each test run has its own) */
  alias: string;
  /** OpenSearch write refresh; default 'wait_for' (writes searchable when they return) */
  refresh?: OpenSearchIndexOptions['refresh'];
  /** OpenSearch: memory for result rows held per document version (default PAGE_ROWS_DEFAULT_MB; 0 = none) */
  pageRowsMb?: number;
  /** makes the embedded engine: a fresh index, or one loaded from a snapshot */
  embedded: () => E | Promise<E>;
}

export type OpenedEngine<E extends SearchIndex> =
  | {
      kind: 'opensearch';
      index: OpenSearchSearchIndex;
      /** the alias held another analyzer's index: it was replaced by an empty one, refill it */
      needsRebuild: boolean;
      /** the index behind the alias is new and empty (first start, or replaced): fill it from the source of truth */
      empty: boolean;
    }
  | { kind: 'embedded'; index: E; needsRebuild: false; empty: false };

/**
 * Opens a service's search read model: OpenSearch behind `alias` when `opensearchUrl` is set (an
 * index built by another analyzer version is swapped for an empty one, and `needsRebuild` says
 * so), otherwise the embedded engine the caller makes.
 */
export async function openSearchEngine<E extends SearchIndex>(opts: OpenEngineOptions<E>): Promise<OpenedEngine<E>> {
  if (engineKind(opts.opensearchUrl) === 'embedded')
    return { kind: 'embedded', index: await opts.embedded(), needsRebuild: false, empty: false };
  const index = await OpenSearchSearchIndex.open({
    node: opts.opensearchUrl!,
    alias: opts.alias,
    replaceForeign: true,
    ...(opts.refresh === undefined ? {} : { refresh: opts.refresh }),
    ...(opts.pageRowsMb === undefined ? {} : { pageRowsMb: opts.pageRowsMb }),
  });
  return { kind: 'opensearch', index, needsRebuild: index.replacedForeignIndex, empty: index.createdEmpty };
}

/** Releases what the engine holds open (the OpenSearch client); the embedded engine holds nothing. */
export async function closeSearchEngine(index: SearchIndex | null | undefined): Promise<void> {
  if (index instanceof OpenSearchSearchIndex) await index.close();
}
