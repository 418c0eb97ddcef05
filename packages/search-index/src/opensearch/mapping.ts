import { createHash } from 'node:crypto';
import { BM25, BOOST_PARAMS } from '../ranking.js';
import type { FacetField } from '../types.js';

/** Facet field → OpenSearch keyword field. */
export const OS_FACET_FIELD: Record<FacetField, string> = {
  agency: 'agency',
  level: 'level',
  region: 'region',
  year: 'year',
  topic: 'topic',
  docType: 'doc_type',
  validity: 'validity',
};

/** Text arrives as the app's tokens joined by spaces; OpenSearch only splits on whitespace. */
const appTokens = { type: 'text', analyzer: 'whitespace', index_options: 'freqs' } as const;
const keyword = { type: 'keyword' } as const;
const displayOnly = { type: 'keyword', index: false } as const;

export const MAX_CLAUSES_PER_DOCUMENT = 100_000;

/**
 * The mapping's own revision. 2: `validity_w`, the validity's weight as a number for the prior's script (ADR 0027).
 */
export const MAPPING_REVISION = 2;

/**
 * What an index's stored values depend on besides the analyzer: the mapping's revision and the validity weights it
 * stores (`validity_w`). Part of the index's version (OpenSearchSearchIndex.analyzerVersion), so an index made with
 * an older mapping or other weights is replaced and refilled like one of another analyzer.
 */
export function indexRevision(): string {
  const weights = Object.entries(BOOST_PARAMS.validity).map(([validity, w]) => `${validity}=${w}`);
  return `m${MAPPING_REVISION}-${createHash('sha256').update(weights.join(',')).digest('hex').slice(0, 6)}`;
}

/** One primary shard: document frequencies are global, exactly like the embedded engine's. */
export function policyIndexSettings(): Record<string, unknown> {
  return {
    number_of_shards: 1,
    number_of_replicas: 0,
    similarity: { default: { type: 'BM25', k1: BM25.k1, b: BM25.b } },
    /** a long law has more clauses than the default limit of 10,000 nested objects per document allows for */
    mapping: { nested_objects: { limit: MAX_CLAUSES_PER_DOCUMENT } },
  };
}

export function policyIndexMappings(analyzerVersion: string): Record<string, unknown> {
  return {
    dynamic: 'strict',
    _meta: { analyzerVersion },
    _source: { excludes: ['title_tok', 'body_tok', 'title_bi', 'clauses'] },
    properties: {
      id: keyword,
      external_id: keyword,
      version: { type: 'long' },
      title: displayOnly,
      title_norm: keyword,
      title_py: keyword,
      title_len: { type: 'integer' },
      title_tok: appTokens,
      title_bi: appTokens,
      body: { type: 'text', index: false },
      body_tok: appTokens,
      /** each clause of the body as a nested document (passage scoring: its best clause scores a document) */
      clauses: { type: 'nested', properties: { tok: appTokens } },
      docno: displayOnly,
      docno_key: keyword,
      docno_norm: keyword,
      docno_len: { type: 'integer' },
      ...Object.fromEntries(Object.values(OS_FACET_FIELD).map((f) => [f, keyword])),
      publish_date: { type: 'date', format: 'yyyy-MM-dd' },
      publish_days: { type: 'integer' },
      /** BOOST_PARAMS.validity of the document's validity (1 when none): the prior's script reads a number, not a keyword */
      validity_w: { type: 'double' },
    },
  };
}

/**
 * Composable index template for `<alias>-*` indices, for infra to install
 * (`PUT _index_template/<alias>`); the adapter also creates each index with the same body.
 */
export function policyIndexTemplate(alias: string, analyzerVersion: string): Record<string, unknown> {
  return {
    index_patterns: [`${alias}-*`],
    template: { settings: policyIndexSettings(), mappings: policyIndexMappings(analyzerVersion) },
    _meta: { analyzerVersion, description: 'govdisc policy search read model (app-tokenized fields)' },
  };
}
