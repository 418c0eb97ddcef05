export * from './types.js';
export { analyzeDocument, type AnalyzedDocument } from './analysis.js';
export { BM25, BOOST_PARAMS, DOCNO_BOOST, FACET_SIZE, FIELD_BOOSTS, TEXT_FIELDS, boostFactor, toDays, type TextField } from './ranking.js';
export { buildQuery, looseMinShouldMatch, minShouldMatch, relaxed, MAX_PAGE_SIZE } from './query/build-query.js';
export type { Alternative, QueryAst, QueryGroup } from './query/query-ast.js';
export { EmbeddedSearchIndex } from './embedded/embedded-index.js';
export { loadSnapshot, saveSnapshot, SNAPSHOT_FORMAT } from './embedded/snapshot.js';
export { OpenSearchSearchIndex, toOpenSearchSource, type OpenSearchIndexOptions } from './opensearch/opensearch-index.js';
export { OS_FACET_FIELD, policyIndexMappings, policyIndexSettings, policyIndexTemplate } from './opensearch/mapping.js';
export { BOOST_SCRIPT, renderRankBody, renderSearchBody } from './opensearch/render-query.js';
export {
  closeSearchEngine,
  engineKind,
  openSearchEngine,
  type EngineKind,
  type OpenEngineOptions,
  type OpenedEngine,
} from './open-engine.js';
