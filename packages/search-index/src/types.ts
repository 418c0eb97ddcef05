/** Validity of a policy document (时效性). */
export const VALIDITIES = ['有效', '已修改', '失效', '废止'] as const;
export type Validity = (typeof VALIDITIES)[number];

/** What the read model stores for one document; `version` orders updates of the same id. */
export interface SearchDocument {
  id: string;
  externalId?: string | null;
  title: string;
  docNumber?: string | null;
  agencies: string[];
  docType?: string | null;
  level?: string | null;
  region?: string | null;
  topics: string[];
  validity: Validity;
  /** YYYY-MM-DD */
  publishDate?: string | null;
  body: string;
  version: number;
}

export const FACET_FIELDS = ['agency', 'level', 'region', 'year', 'topic', 'docType', 'validity'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** Filters: several values of one field are OR-ed, different fields AND-ed. */
export type SearchFilters = Partial<Record<FacetField, string | readonly string[]>>;

export interface SearchRequest {
  q?: string;
  filters?: SearchFilters;
  sort?: 'relevance' | 'date';
  /** 1-based */
  page?: number;
  pageSize?: number;
  /** Day used by the recency boost (ISO date); defaults to today. Fixed in tests. */
  now?: string;
  /**
   * How many of the query's words a document must match. `auto` (default): all of one or two
   * words, two thirds of longer queries, relaxed to one third when that finds fewer than 3
   * documents. `loose`: one third (question matching, where askers add words stored text lacks).
   * `coordinated` (policy search): one third, as `loose`, and each document's text score × √(share of the
   * query's words it holds), so a document holding every word still leads one holding fewer while a long
   * question finds the article that lacks the asker's own words (docs/adr/0046-coordinated-word-matching.md).
   */
  match?: 'auto' | 'loose' | 'coordinated';
  /** Count facet values (default true); false leaves every facet list empty and saves the counting. */
  facets?: boolean;
  /** Values listed per facet, the most frequent first (default FACET_SIZE); a result page asks for what it shows. */
  facetSize?: number;
  /**
   * Level and place (policy search asks for it; default off): national documents first, the higher level first
   * among them, then `homeRegion` (浙江省杭州市), then other places; a place named in the query wins.
   */
  regionPrior?: boolean;
  homeRegion?: string | null;
  /**
   * Passage-level retrieval (policy search asks for it; default off): a document's best clause (article with its
   * paragraphs) adds its score to the document's, so the law whose one article answers a question comes up.
   */
  passages?: boolean;
  /**
   * Question expansion (policy search asks for it; default off): a query word's legal terms (辞退 → 解除劳动合同,
   * 经济补偿) from the hand list and the mined paraphrases, as alternatives weighted below the word itself.
   */
  lexicon?: boolean;
}

/** Results below this count make an `auto` query retry with the loose word-match rule. */
export const RELAX_BELOW = 3;

/** One ranked document without its result row: what candidate retrieval (question matching) needs. */
export interface RankedHit {
  id: string;
  score: number;
}

/** `search` without rows and facets: the same ids, order, scores and total, cheaper to produce. */
export interface RankResult {
  hits: RankedHit[];
  total: number;
}

export interface SearchHit {
  id: string;
  externalId: string | null;
  title: string;
  docNumber: string | null;
  agencies: string[];
  publishDate: string | null;
  validity: Validity;
  snippet: string;
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  facets: Record<FacetField, FacetCount[]>;
}

export type SuggestionKind = 'docNumber' | 'title' | 'agency';

export interface Suggestion {
  kind: SuggestionKind;
  text: string;
  /** document id for titles and document numbers */
  id?: string;
}

export interface UpsertResult {
  /** written because newer than what the index held */
  applied: number;
  /** ignored because the index already held this or a newer version */
  stale: number;
}

/** The search port. The embedded engine and the OpenSearch adapter implement it identically. */
export interface SearchIndex {
  readonly analyzerVersion: string;
  upsert(docs: readonly SearchDocument[]): Promise<UpsertResult>;
  delete(id: string): Promise<boolean>;
  /** Deletes several documents in one request; returns how many the index held. */
  deleteMany(ids: readonly string[]): Promise<number>;
  count(): Promise<number>;
  search(request: SearchRequest): Promise<SearchResult>;
  /** Same matching, scores and order as `search`, without snippets or facets (candidate retrieval). */
  rank(request: SearchRequest): Promise<RankResult>;
  suggest(prefix: string, limit?: number): Promise<Suggestion[]>;
  /** Exact lookup by the normalised 发文字号 key, any spelling of the number. */
  findByDocNumber(docNumber: string): Promise<SearchHit[]>;
}

export class AnalyzerVersionMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(`index was built with analyzer ${found}, this code uses ${expected}: rebuild the index`);
    this.name = 'AnalyzerVersionMismatchError';
  }
}
