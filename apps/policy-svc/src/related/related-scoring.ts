import type { RelatedRelation, z } from '@govdisc/contracts';

type Relation = z.infer<typeof RelatedRelation>;

/** What scoring needs of a document. */
export interface Relatable {
  id: string;
  titleTerms: readonly string[];
  keywords: readonly string[];
  topics: readonly string[];
  canonicalId: string | null;
  amendedById: string | null;
  repealedById: string | null;
}

/** Document frequencies of the library (the search lexicon). */
export interface TermStats {
  readonly documents: number;
  frequency(term: string): number;
}

export interface RankedRelated<T> {
  doc: T;
  relation: Relation;
  shared: string[];
  score: number;
}

/** A shared title term says a little more than a shared keyword; a shared topic (broad category) less. */
export const RELATED_WEIGHTS = { titleTerm: 1.5, keyword: 1, topic: 0.5 } as const;
/** With at least this many documents, a term found in more than COMMON_SHARE of them carries no weight. */
const COMMON_MIN_DOCS = 20;
const COMMON_SHARE = 0.2;
const SHOWN_TERMS = 6;
const LINK_ORDER: Record<Relation, number> = { amendedBy: 0, repealedBy: 1, amends: 2, repeals: 3, related: 4 };

/** idf ln(1 + N/df), and nothing for words every other title has (办法, 通知, the city's name). */
export function termWeight(term: string, stats: TermStats): number {
  const n = Math.max(1, stats.documents);
  const df = Math.max(1, stats.frequency(term));
  if (n >= COMMON_MIN_DOCS && df / n > COMMON_SHARE) return 0;
  return Math.log(1 + n / df);
}

/** How `other` is linked to `source` by amendment or repeal, if at all. */
export function linkOf(source: Relatable, other: Relatable): Relation {
  if (source.amendedById === other.id) return 'amendedBy';
  if (source.repealedById === other.id) return 'repealedBy';
  if (other.amendedById === source.id) return 'amends';
  if (other.repealedById === source.id) return 'repeals';
  return 'related';
}

/**
 * Related documents: version links first (marked), then documents scored by what they share with
 * the source — keywords and title terms weighted by rarity, topics by a constant. Near-duplicates
 * (same canonical document: reposts of the same text) are left out; so is anything sharing nothing.
 */
export function rankRelated<T extends Relatable>(
  source: Relatable,
  candidates: readonly T[],
  stats: TermStats,
  limit: number,
): RankedRelated<T>[] {
  const group = source.canonicalId ?? source.id;
  const terms = sourceTerms(source, stats);
  const out: RankedRelated<T>[] = [];
  for (const doc of candidates) {
    if (doc.id === source.id) continue;
    const relation = linkOf(source, doc);
    if (relation === 'related' && (doc.canonicalId ?? doc.id) === group) continue;
    const contributions = sharedContributions(terms, doc);
    const score = [...contributions.values()].reduce((a, b) => a + b, 0);
    if (relation === 'related' && score <= 0) continue;
    out.push({ doc, relation, shared: strongestTerms(contributions), score: Math.round(score * 1000) / 1000 });
  }
  return out
    .sort((a, b) => LINK_ORDER[a.relation] - LINK_ORDER[b.relation] || b.score - a.score || (a.doc.id < b.doc.id ? -1 : 1))
    .slice(0, limit);
}

/** The source's distinct terms of each kind with their weights, in the source's order: the same for every candidate. */
type SourceTerms = Record<'keywords' | 'titleTerms' | 'topics', Array<[string, number]>>;

function sourceTerms(source: Relatable, stats: TermStats): SourceTerms {
  const weighed = (terms: readonly string[], weigh: (t: string) => number) =>
    [...new Set(terms)].map((t): [string, number] => [t, weigh(t)]);
  return {
    keywords: weighed(source.keywords, (t) => RELATED_WEIGHTS.keyword * termWeight(t, stats)),
    titleTerms: weighed(source.titleTerms, (t) => RELATED_WEIGHTS.titleTerm * termWeight(t, stats)),
    topics: weighed(source.topics, () => RELATED_WEIGHTS.topic),
  };
}

// Weighed once per ranking, not per candidate; a candidate's few terms are searched in place (building sets of them
// for each of 200 candidates was most of a ranking's time).
function sharedContributions(terms: SourceTerms, doc: Relatable): Map<string, number> {
  const contributions = new Map<string, number>();
  const add = (weighed: Array<[string, number]>, others: readonly string[]) => {
    for (const [t, w] of weighed) if (others.includes(t)) contributions.set(t, (contributions.get(t) ?? 0) + w);
  };
  add(terms.keywords, doc.keywords);
  add(terms.titleTerms, doc.titleTerms);
  add(terms.topics, doc.topics);
  for (const [t, w] of contributions) if (w <= 0) contributions.delete(t);
  return contributions;
}

/** Strongest first; a term inside a stronger one shown already (医疗 in 医疗保险) is left out. */
function strongestTerms(contributions: Map<string, number>): string[] {
  const shown: string[] = [];
  const ordered = [...contributions].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  for (const [term] of ordered) {
    if (shown.length === SHOWN_TERMS) break;
    if (!shown.some((s) => s.includes(term))) shown.push(term);
  }
  return shown;
}
