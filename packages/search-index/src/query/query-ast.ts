import type { CLAUSE_FIELD, RegionPrior, TextField } from '../ranking.js';
import type { FacetField } from '../types.js';

/** One way to satisfy a query group: every token must occur in at least one of the fields. */
export interface Alternative {
  tokens: string[];
  /** document fields, or the clause field in passageGroups() */
  fields: { field: TextField | typeof CLAUSE_FIELD; boost: number }[];
}

/** One query word with its synonyms/fallbacks; scored as the best alternative (dis_max, tie 0). */
export interface QueryGroup {
  alternatives: Alternative[];
  /** the group names a law (its shorthand): it identifies a document, and is not scored on clauses */
  names?: true;
}

/**
 * The engine-neutral query. Match: (at least minShouldMatch groups) OR (doc-number key equal);
 * no groups and no key = every document. Score: ((Σ group scores + passageWeight × best clause) × coordination +
 * DOCNO_BOOST if key equal) × boostFactor, or 1 × boostFactor without groups. Filters never score.
 */
export interface QueryAst {
  /** the text had nothing searchable (only punctuation or stop words): no document matches */
  matchNone: boolean;
  groups: QueryGroup[];
  minShouldMatch: number;
  /**
   * Passage-level retrieval: > 0 adds this weight × the best clause's score (the groups' body alternatives scored
   * on the clause field, passageGroups()) to every document that matches; 0 = whole documents only.
   */
  passageWeight: number;
  /**
   * Coordination: > 0 multiplies a document's text score (words and best clause, not the doc-number bonus) by
   * (groups it matched / groups)^coordExponent; 0 = plain sums. Set with the loose rule (`match: 'coordinated'`).
   */
  coordExponent: number;
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
