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
  /** The terms' ids in the TermIds the ranking is given (worked out when left out). */
  termIds?: RelatableIds;
}

/** A document's terms as interned ids, in the same order. */
export interface RelatableIds {
  keywords: Int32Array;
  titleTerms: Int32Array;
  topics: Int32Array;
}

/** Terms as small integers: a candidate's terms are compared with the source's by array lookups, not strings. */
export class TermIds {
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }

  /**
   * Per kind, a table from term id to a source term's slot + 1 (0: none), reused by every ranking (a ranking runs
   * synchronously and clears the entries it set): sized to the vocabulary, it is not allocated per ranking.
   */
  slotTable(kind: number): Int32Array {
    let table = this.tables[kind];
    if (!table || table.length < this.ids.size) this.tables[kind] = table = grown(table ?? new Int32Array(0), this.ids.size);
    return table;
  }

  private readonly tables: Int32Array[] = [];

  of(doc: Pick<Relatable, 'keywords' | 'titleTerms' | 'topics'>): RelatableIds {
    const all = (terms: readonly string[]) => Int32Array.from(terms, (t) => this.id(t));
    return { keywords: all(doc.keywords), titleTerms: all(doc.titleTerms), topics: all(doc.topics) };
  }
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
 * `ids` interns the terms (the service keeps one, and each document's ids with it); the shown terms are worked out
 * for the `limit` documents listed only.
 */
export function rankRelated<T extends Relatable>(
  source: Relatable,
  candidates: readonly T[],
  stats: TermStats,
  limit: number,
  ids: TermIds = new TermIds(),
): RankedRelated<T>[] {
  const group = source.canonicalId ?? source.id;
  const terms = sourceTerms(source, stats);
  const out: Array<{ doc: T; relation: Relation; score: number }> = [];
  const scorer = new SharedScorer(terms, ids);
  try {
    for (const doc of candidates) {
      if (doc.id === source.id) continue;
      const relation = linkOf(source, doc);
      if (relation === 'related' && (doc.canonicalId ?? doc.id) === group) continue;
      const score = scorer.score(doc.termIds ?? ids.of(doc));
      if (relation === 'related' && score <= 0) continue;
      out.push({ doc, relation, score: Math.round(score * 1000) / 1000 });
    }
  } finally {
    scorer.release();
  }
  return out
    .sort((a, b) => LINK_ORDER[a.relation] - LINK_ORDER[b.relation] || b.score - a.score || (a.doc.id < b.doc.id ? -1 : 1))
    .slice(0, limit)
    .map((r) => ({ ...r, shared: strongestTerms(sharedContributions(terms, r.doc)) }));
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

const KINDS = ['keywords', 'titleTerms', 'topics'] as const;

/**
 * A candidate's score exactly as Σ sharedContributions(terms, doc) would be, without a Map per candidate: the same
 * terms, each term's weights added in the same order (keyword, title term, topic) and the terms summed in the Map's
 * insertion order (matched keywords in the source's order, then matched title terms not matched as keywords, then
 * matched topics matched as neither), so the floating-point sum is the same number. Each of the source's distinct
 * terms gets a slot; `slotOf[kind][termId]` is its slot + 1 (0: not a source term of that kind).
 */
class SharedScorer {
  private readonly lists: Array<{ slots: Int32Array }>;
  private readonly termIds: Int32Array[];
  private readonly slotOf: Int32Array[];
  private readonly weights: Float64Array[];
  /** per kind and slot: the number of the candidate that matched it last */
  private readonly matched: Int32Array[];
  private candidate = 0;

  constructor(terms: SourceTerms, ids: TermIds) {
    const slotByTerm = new Map<string, number>();
    for (const kind of KINDS) for (const [t] of terms[kind]) if (!slotByTerm.has(t)) slotByTerm.set(t, slotByTerm.size);
    const n = slotByTerm.size;
    this.weights = KINDS.map(() => new Float64Array(n));
    this.matched = KINDS.map(() => new Int32Array(n));
    this.termIds = KINDS.map((kind) => Int32Array.from(terms[kind], ([t]) => ids.id(t)));
    this.slotOf = KINDS.map((_, k) => ids.slotTable(k));
    this.lists = KINDS.map((kind, k) => {
      const slots = Int32Array.from(terms[kind], ([t]) => slotByTerm.get(t)!);
      terms[kind].forEach(([, w], i) => {
        this.slotOf[k]![this.termIds[k]![i]!] = slots[i]! + 1;
        this.weights[k]![slots[i]!] = w;
      });
      return { slots };
    });
  }

  /** Clears the shared tables' entries this ranking set. */
  release(): void {
    KINDS.forEach((_, k) => this.termIds[k]!.forEach((id) => (this.slotOf[k]![id] = 0)));
  }

  score(doc: RelatableIds): number {
    const c = ++this.candidate;
    for (let k = 0; k < KINDS.length; k++) {
      const table = this.slotOf[k]!;
      const matched = this.matched[k]!;
      const termIds = doc[KINDS[k]!];
      for (let i = 0; i < termIds.length; i++) {
        const slot = table[termIds[i]!]!; // undefined (a term newer than the table) is not a source term either
        if (slot > 0) matched[slot - 1] = c;
      }
    }
    const [mk, mt, mp] = this.matched as [Int32Array, Int32Array, Int32Array];
    const [wk, wt, wp] = this.weights as [Float64Array, Float64Array, Float64Array];
    const value = (s: number) => {
      let v = 0;
      if (mk[s] === c) v += wk[s]!;
      if (mt[s] === c) v += wt[s]!;
      if (mp[s] === c) v += wp[s]!;
      return v;
    };
    let score = 0;
    for (const s of this.lists[0]!.slots) if (mk[s] === c) score += value(s);
    for (const s of this.lists[1]!.slots) if (mt[s] === c && mk[s] !== c) score += value(s);
    for (const s of this.lists[2]!.slots) if (mp[s] === c && mk[s] !== c && mt[s] !== c) score += value(s);
    return score;
  }
}

function grown(table: Int32Array, length: number): Int32Array {
  const next = new Int32Array(Math.max(length, table.length * 2, 64));
  next.set(table);
  return next;
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
