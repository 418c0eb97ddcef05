import type { Validity } from './types.js';

/** Lucene/OpenSearch BM25 defaults, used by the embedded engine and set on the OpenSearch index. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** App-tokenized fields and their query-time weights (title above body). */
export const TEXT_FIELDS = ['title_tok', 'body_tok', 'title_bi'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const FIELD_BOOSTS: Record<TextField, number> = { title_tok: 3, body_tok: 1, title_bi: 0.5 };

/**
 * Passage-level retrieval (issue 18, ADR 0020): the clause field (each clause of a body indexed as its own unit,
 * OpenSearch: nested `clauses.tok`) and the weight of a document's best clause. A document's text score is
 * its whole-document score + PASSAGE_WEIGHT × the BM25 score of its best-matching clause (same query words,
 * body weights, clause statistics); the clause part never decides whether a document matches.
 */
export const CLAUSE_FIELD = 'clause_tok' as const;
export const PASSAGE_WEIGHT = 0.5;

/** Values returned per facet unless a request asks for fewer or more (SearchRequest.facetSize). */
export const FACET_SIZE = 50;

/** Added to a document whose normalised number equals the query's: beats any BM25 score. */
export const DOCNO_BOOST = 1_000_000;

/** Multiplicative prior: valid and recent documents up, repealed ones down but still found. */
export const BOOST_PARAMS = {
  validity: { 有效: 1, 已修改: 0.85, 失效: 0.6, 废止: 0.5 } satisfies Record<Validity, number>,
  /** max extra weight of a brand-new document */
  recency: 0.3,
  /** years after which half of the recency extra is gone */
  halfLifeYears: 5,
} as const;

/**
 * Level and place (issue 18): a query naming no place prefers national documents (全国), then the
 * deployment's home region (its city, then its province), then other places; a query naming a place
 * prefers that place's documents, national ones next. Multiplied into the prior by both engines.
 */
export const PLACE_PRIOR = {
  /** no place in the query */
  national: 1,
  homeCity: 0.95,
  homeProvince: 0.92,
  /** a place in the query: its documents, then national ones */
  named: 1,
  nationalWhenNamed: 0.9,
  /** every other region, and documents whose region is unknown (news, interpretations: not national texts) */
  other: 0.85,
  /** among national documents, the higher level first: a law above its 实施条例 and the interpretations of it */
  nationalLevels: { 全国人大: 1, 国务院: 0.95, 部委: 0.92, 两高: 0.92 } as Record<string, number>,
} as const;

/** What the query asks of regions: a factor for 全国, per region prefix (first match wins), for the rest. */
export interface RegionPrior {
  national: number;
  /** a national document's level multiplies `national` (absent level: 1) */
  nationalLevels: Record<string, number>;
  tiers: { prefix: string; factor: number }[];
  other: number;
}

/** The factor for a document's region and level (region null/'' = unknown); PRIOR_SCRIPT and regionFunctions in render-query.ts must agree. */
export function regionFactor(region: string | null | undefined, level: string | null | undefined, prior: RegionPrior | null): number {
  if (!prior) return 1;
  if (!region) return prior.other;
  if (region === '全国') return prior.national * (level ? (prior.nationalLevels[level] ?? 1) : 1);
  for (const t of prior.tiers) if (region.startsWith(t.prefix)) return t.factor;
  return prior.other;
}

export const DAY_MS = 86_400_000;

export function toDays(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** A validity's weight in the prior (1 for none or an unknown one); OpenSearch stores it per document (`validity_w`). */
export function validityWeight(validity: string | null): number {
  return validity !== null && Object.hasOwn(BOOST_PARAMS.validity, validity) ? BOOST_PARAMS.validity[validity as Validity] : 1;
}

/** The prior both engines multiply into the score (OpenSearch: PRIOR_SCRIPT in render-query.ts). */
export function boostFactor(validity: string | null, publishDays: number | null, nowDays: number): number {
  const v = validityWeight(validity);
  if (publishDays === null) return v;
  const age = Math.max(0, (nowDays - publishDays) / 365);
  return v * (1 + BOOST_PARAMS.recency / (1 + age / BOOST_PARAMS.halfLifeYears));
}
