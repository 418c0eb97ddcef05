import type { RegionPrior, TextField } from '../ranking.js';
import type { FacetField } from '../types.js';

/** One way to satisfy a query group: every token must occur in at least one of the fields. */
export interface Alternative {
  tokens: string[];
  fields: { field: TextField; boost: number }[];
}

/** One query word with its synonyms/fallbacks; scored as the best alternative (dis_max, tie 0). */
export interface QueryGroup {
  alternatives: Alternative[];
}

/**
 * The engine-neutral query. Match: (at least minShouldMatch groups) OR (doc-number key equal);
 * no groups and no key = every document. Score: (Σ group scores + DOCNO_BOOST if key equal) ×
 * boostFactor, or 1 × boostFactor without groups. Filters never score.
 */
export interface QueryAst {
  /** the text had nothing searchable (only punctuation or stop words): no document matches */
  matchNone: boolean;
  groups: QueryGroup[];
  minShouldMatch: number;
  docnoKey: string | null;
  filters: { field: FacetField; values: string[] }[];
  nowDays: number;
  /** level and place (ranking.ts regionFactor), multiplied into the prior; null = none */
  regionPrior: RegionPrior | null;
  sort: 'relevance' | 'date';
  from: number;
  size: number;
  /** words to mark in snippets */
  highlightTerms: string[];
  /** values listed per facet */
  facetSize: number;
}
