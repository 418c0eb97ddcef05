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
  const best: Array<Listed<T>> = []; // the best `limit` so far, in order (sorting all ~200 cost more than scoring)
  const scorer = new SharedScorer(terms, ids);
  try {
    for (const doc of candidates) {
      if (doc.id === source.id) continue;
      const relation = linkOf(source, doc);
      if (relation === 'related' && (doc.canonicalId ?? doc.id) === group) continue;
      const score = scorer.score(doc.termIds ?? ids.of(doc));
      if (relation === 'related' && score <= 0) continue;
      const listed = { doc, relation, order: LINK_ORDER[relation], score: Math.round(score * 1000) / 1000 };
      if (best.length === limit && (limit === 0 || before(best[limit - 1]!, listed))) continue;
      let i = best.length === limit ? limit - 1 : best.length;
      while (i > 0 && before(listed, best[i - 1]!)) best[i] = best[--i]!;
      best[i] = listed;
    }
  } finally {
    scorer.release();
  }
  return best.map(({ doc, relation, score }) => ({ doc, relation, score, shared: strongestTerms(sharedContributions(terms, doc)) }));
}

interface Listed<T extends Relatable> {
  doc: T;
  relation: Relation;
  order: number;
  score: number;
}

/** Version links first (in LINK_ORDER), then the higher score, then the smaller id. */
function before<T extends Relatable>(a: Listed<T>, b: Listed<T>): boolean {
  return a.order !== b.order ? a.order < b.order : a.score !== b.score ? a.score > b.score : a.doc.id < b.doc.id;
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
  // per kind (k keyword, t title term, p topic): the source's slots in its order, the weight per slot, the table from
  // term id to slot + 1 (shared, see TermIds.slotTable), and per slot the candidate number that matched it last
  private readonly kSlots: Int32Array;
  private readonly tSlots: Int32Array;
  private readonly pSlots: Int32Array;
  private readonly kWeight: Float64Array;
  private readonly tWeight: Float64Array;
  private readonly pWeight: Float64Array;
  private readonly kTable: Int32Array;
  private readonly tTable: Int32Array;
  private readonly pTable: Int32Array;
  private readonly kMatched: Int32Array;
  private readonly tMatched: Int32Array;
  private readonly pMatched: Int32Array;
  private readonly termIds: Int32Array[];
  private candidate = 0;

  constructor(terms: SourceTerms, ids: TermIds) {
    const slotByTerm = new Map<string, number>();
    for (const kind of KINDS) for (const [t] of terms[kind]) if (!slotByTerm.has(t)) slotByTerm.set(t, slotByTerm.size);
    const n = slotByTerm.size;
    const slots = KINDS.map((kind) => Int32Array.from(terms[kind], ([t]) => slotByTerm.get(t)!));
    const weights = KINDS.map((kind, k) => {
      const w = new Float64Array(n);
      terms[kind].forEach(([, weight], i) => (w[slots[k]![i]!] = weight));
      return w;
    });
    this.termIds = KINDS.map((kind) => Int32Array.from(terms[kind], ([t]) => ids.id(t)));
    const tables = KINDS.map((_, k) => {
      const table = ids.slotTable(k);
      this.termIds[k]!.forEach((id, i) => (table[id] = slots[k]![i]! + 1));
      return table;
    });
    [this.kSlots, this.tSlots, this.pSlots] = slots as [Int32Array, Int32Array, Int32Array];
    [this.kWeight, this.tWeight, this.pWeight] = weights as [Float64Array, Float64Array, Float64Array];
    [this.kTable, this.tTable, this.pTable] = tables as [Int32Array, Int32Array, Int32Array];
    this.kMatched = new Int32Array(n);
    this.tMatched = new Int32Array(n);
    this.pMatched = new Int32Array(n);
  }

  /** Clears the shared tables' entries this ranking set. */
  release(): void {
    const tables = [this.kTable, this.tTable, this.pTable];
    tables.forEach((table, k) => this.termIds[k]!.forEach((id) => (table[id] = 0)));
  }

  score(doc: RelatableIds): number {
    const c = ++this.candidate;
    mark(this.kTable, this.kMatched, doc.keywords, c);
    mark(this.tTable, this.tMatched, doc.titleTerms, c);
    mark(this.pTable, this.pMatched, doc.topics, c);
    const { kMatched, tMatched, pMatched, kSlots, tSlots, pSlots } = this;
    let score = 0;
    for (let i = 0; i < kSlots.length; i++) {
      const s = kSlots[i]!;
      if (kMatched[s] === c) score += this.value(s, c);
    }
    for (let i = 0; i < tSlots.length; i++) {
      const s = tSlots[i]!;
      if (tMatched[s] === c && kMatched[s] !== c) score += this.value(s, c);
    }
    for (let i = 0; i < pSlots.length; i++) {
      const s = pSlots[i]!;
      if (pMatched[s] === c && kMatched[s] !== c && tMatched[s] !== c) score += this.value(s, c);
    }
    return score;
  }

  /** A shared term's contribution: its weights as keyword, title term and topic, added in that order. */
  private value(s: number, c: number): number {
    let v = 0;
    if (this.kMatched[s] === c) v += this.kWeight[s]!;
    if (this.tMatched[s] === c) v += this.tWeight[s]!;
    if (this.pMatched[s] === c) v += this.pWeight[s]!;
    return v;
  }
}

/** Marks the source's slots among `termIds` as matched by candidate `c`. */
function mark(table: Int32Array, matched: Int32Array, termIds: Int32Array, c: number): void {
  for (let i = 0; i < termIds.length; i++) {
    const id = termIds[i]!;
    if (id < table.length) {
      const slot = table[id]!;
      if (slot > 0) matched[slot - 1] = c;
    }
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
