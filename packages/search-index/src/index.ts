export * from './types.js';
export { analyzeDocument, clauseStarts, type AnalyzedDocument } from './analysis.js';
export {
  BM25,
  BOOST_PARAMS,
  CLAUSE_FIELD,
  DOCNO_BOOST,
  FACET_SIZE,
  FIELD_BOOSTS,
  DAY_MS,
  PASSAGE_WEIGHT,
  TEXT_FIELDS,
  boostFactor,
  toDays,
  type TextField,
} from './ranking.js';
export {
  buildQuery,
  clearQueryCache,
  COORD_EXPONENT,
  COORD_SETTINGS,
  coordination,
  LEXICON_SOURCES,
  looseMinShouldMatch,
  minShouldMatch,
  passageGroups,
  PASSAGE_SETTINGS,
  QUESTION_LEXICON_WEIGHT,
  QUESTION_SEARCH,
  relaxed,
  MAX_PAGE_SIZE,
} from './query/build-query.js';
export type { Alternative, QueryAst, QueryGroup } from './query/query-ast.js';
export { EmbeddedSearchIndex } from './embedded/embedded-index.js';
export { loadSnapshot, saveSnapshot, SNAPSHOT_FORMAT } from './embedded/snapshot.js';
export { OpenSearchSearchIndex, toOpenSearchSource, type OpenSearchIndexOptions } from './opensearch/opensearch-index.js';
export { OS_FACET_FIELD, policyIndexMappings, policyIndexSettings, policyIndexTemplate } from './opensearch/mapping.js';
export { PAGE_SOURCE_FIELDS, PRIOR_SCRIPT, renderRankBody, renderSearchBody } from './opensearch/render-query.js';
export {
  closeSearchEngine,
  engineKind,
  openSearchEngine,
  type EngineKind,
  type OpenEngineOptions,
  type OpenedEngine,
} from './open-engine.js';
