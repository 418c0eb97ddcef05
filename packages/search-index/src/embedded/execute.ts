import { coordination, passageGroups } from '../query/build-query.js';
import type { Alternative, QueryAst, QueryGroup } from '../query/query-ast.js';
import { BM25, boostFactor, CLAUSE_FIELD, DOCNO_BOOST, regionFactor } from '../ranking.js';
import { FACET_FIELDS, type FacetCount, type FacetField } from '../types.js';
import { LENGTH_TABLE } from './lucene-norms.js';
import type { FieldIndex, Posting } from './field-index.js';
import { NO_DATE, type IndexState } from './state.js';

const f32 = Math.fround;

/** Reusable per-query arrays sized to the index; grown when it grows. */
class Scratch {
  constructor(
    readonly n: number,
    readonly altScore = new Float64Array(n),
    readonly altHits = new Uint8Array(n),
    readonly tokenStamp = new Int32Array(n),
    readonly groupBest = new Float64Array(n).fill(-1),
    readonly total = new Float64Array(n),
    readonly groupsMatched = new Uint16Array(n),
    /** which of the query's first MASKED_GROUPS groups each document matched (bit i = group i), zero between queries */
    readonly groupMask = new Int32Array(n),
    /** the query's candidates (matching, passing the filters): internal doc and final score, `candidates` of them */
    readonly candDocs = new Int32Array(n),
    readonly candScores = new Float64Array(n),
    /** boostFactor() per document for `priorDay` (NaN = not computed yet): a doc number's fields never change */
    readonly prior = new Float64Array(n).fill(NaN),
    /** the best clause's score per document (passage scoring), zero between queries */
    readonly passage = new Float64Array(n),
    /** 1 for the documents whose clauses are scored in this query, zero between queries */
    readonly keep = new Uint8Array(n),
    /** the documents whose clauses are scored in this query (their number is known per query) */
    readonly kept = new Int32Array(n),
  ) {}
  stamp = 0;
  private clauseScratch: ClauseScratch | null = null;
  /** per-clause accumulators, grown with the clauses */
  clausesFor(count: number): ClauseScratch {
    if (!this.clauseScratch || this.clauseScratch.n < count) this.clauseScratch = new ClauseScratch(count + 4096);
    return this.clauseScratch;
  }
  candidates = 0;
  priorDay = NaN;
  priorState: IndexState | null = null;
  readonly norms = new NormTables();
  /** per facet field, a count per value id, all zero between queries (grown with the dictionary) */
  readonly facetCounts = new Map<FacetField, Int32Array>();
}

/** What scoreAlternative accumulates into, per document or per clause. */
interface Accumulators {
  readonly altScore: Float64Array;
  readonly altHits: Uint8Array;
  readonly tokenStamp: Int32Array;
  stamp: number;
}

class ClauseScratch implements Accumulators {
  constructor(
    readonly n: number,
    readonly altScore = new Float64Array(n),
    readonly altHits = new Uint8Array(n),
    readonly tokenStamp = new Int32Array(n),
    readonly groupBest = new Float64Array(n).fill(-1),
    readonly total = new Float64Array(n),
  ) {}
  stamp = 0;
}

export interface RankedDoc {
  doc: number;
  score: number;
}

export interface ExecuteResult {
  top: RankedDoc[];
  total: number;
  facets: Record<FacetField, FacetCount[]>;
}

/**
 * BM25 as OpenSearch's "BM25" similarity computes it (Lucene's LegacyBM25Similarity, which keeps
 * the (k1 + 1) factor): w − w / (1 + tf·normInverse) with w = boost·idf·(k1 + 1), in float32.
 */
function scoreAlternative(
  fieldOf: (field: Alternative['fields'][number]['field']) => FieldIndex,
  s: Accumulators,
  alt: Alternative,
  touched: number[],
  norms: NormTables,
  only?: ClauseFilter,
): void {
  for (const token of alt.tokens) {
    s.stamp++;
    for (const { field, boost } of alt.fields) {
      const fi = fieldOf(field);
      const p = fi.terms.get(token);
      if (!p) continue;
      const idf = f32(Math.log(1 + (fi.docCount - p.len + 0.5) / (p.len + 0.5)));
      const weight = f32(boost * f32(idf * (BM25.k1 + 1)));
      const normInverse = norms.of(field, fi);
      if (!only) {
        for (let i = 0; i < p.len; i++) addPosting(s, p, i, weight, normInverse, fi.norms, touched);
      } else if (only.kept.length * 2 * Math.log2(p.len + 1) < p.len) {
        // few documents kept, a long clause list: look up each kept document's clause range (the postings ascend)
        const { kept, starts } = only;
        let i = 0;
        for (let k = 0; k < kept.length && i < p.len; k++) {
          const d = kept[k]!;
          i = lowerBound(p.docs, i, p.len, starts[d]!);
          for (const end = starts[d + 1]!; i < p.len && p.docs[i]! < end; i++) addPosting(s, p, i, weight, normInverse, fi.norms, touched);
        }
      } else {
        for (let i = 0; i < p.len; i++) {
          if (only.keep[only.parent[p.docs[i]!]!] === 0) continue; // a clause of a document that does not match
          addPosting(s, p, i, weight, normInverse, fi.norms, touched);
        }
      }
    }
  }
}

/** The clauses scored in a query: those of the documents kept (`keep[d]` = 1; `kept` lists them ascending). */
interface ClauseFilter {
  parent: Int32Array;
  keep: Uint8Array;
  kept: Int32Array;
  starts: Int32Array;
}

/** One posting's BM25 term score added to its document's (or clause's) accumulator. */
function addPosting(
  s: Accumulators,
  p: Posting,
  i: number,
  weight: number,
  normInverse: Float32Array,
  fieldNorms: Uint8Array,
  touched: number[],
): void {
  const d = p.docs[i]!;
  s.altScore[d]! += weight - weight / (1 + p.tfs[i]! * normInverse[fieldNorms[d]!]!);
  if (s.tokenStamp[d] !== s.stamp) {
    s.tokenStamp[d] = s.stamp;
    if (s.altHits[d]!++ === 0) touched.push(d);
  }
}

/** The first index in [lo, hi) of the ascending `docs` holding a number ≥ `value` (hi when none does). */
function lowerBound(docs: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * BM25's length factor 1 / (k1·(1 − b + b·length/avgdl)) for each of the 256 norm bytes of a field
 * (in float32, exactly as computed per document before), so the posting loop looks it up instead of
 * dividing for every document. A table is rebuilt only when the field's average length changes.
 */
class NormTables {
  private readonly tables = new Map<string, { avgdl: number; table: Float32Array }>();

  of(field: string, fi: FieldIndex): Float32Array {
    const avgdl = f32(fi.sumTotalTermFreq / fi.docCount);
    let held = this.tables.get(field);
    if (held?.avgdl !== avgdl) {
      const table = new Float32Array(LENGTH_TABLE.length);
      for (let n = 0; n < table.length; n++) table[n] = 1 / (BM25.k1 * (1 - BM25.b + (BM25.b * LENGTH_TABLE[n]!) / avgdl));
      this.tables.set(field, (held = { avgdl, table }));
    }
    return held.table;
  }
}

/**
 * A group scores its best alternative: for each document (or clause) the alternative touched, its score becomes the
 * group's best when it matched every token and beats the best so far (first ones pushed onto `groupTouched`); the
 * alternative's accumulators are reset for the next one.
 */
function keepGroupBest(
  acc: Accumulators & { readonly groupBest: Float64Array },
  alt: Alternative,
  touched: readonly number[],
  groupTouched: number[],
): void {
  for (const i of touched) {
    if (acc.altHits[i] === alt.tokens.length && acc.altScore[i]! > acc.groupBest[i]!) {
      if (acc.groupBest[i]! < 0) groupTouched.push(i);
      acc.groupBest[i] = acc.altScore[i]!;
    }
    acc.altScore[i] = 0;
    acc.altHits[i] = 0;
  }
}

/** Groups whose matches are kept as a bit mask per document (an Int32 holds 31 bits and the sign). */
const MASKED_GROUPS = 31;

/** Σ over groups of the best alternative; returns the documents that matched any group. */
function scoreGroups(state: IndexState, s: Scratch, ast: QueryAst): number[] {
  const matched: number[] = [];
  const norms = s.norms;
  const fieldOf = (field: Alternative['fields'][number]['field']) => (field === CLAUSE_FIELD ? state.clauses : state.fields[field]);
  for (const [g, group] of ast.groups.entries()) {
    const bit = g < MASKED_GROUPS ? 1 << g : 0;
    const groupTouched: number[] = [];
    for (const alt of group.alternatives) {
      const touched: number[] = [];
      scoreAlternative(fieldOf, s, alt, touched, norms);
      keepGroupBest(s, alt, touched, groupTouched);
    }
    for (const d of groupTouched) {
      if (s.groupsMatched[d]!++ === 0) matched.push(d);
      s.groupMask[d]! |= bit;
      s.total[d]! += s.groupBest[d]!;
      s.groupBest[d] = -1;
    }
  }
  return matched;
}

/**
 * Passage scoring: the query's passageGroups() scored on every clause like a document (Σ over groups of the best
 * alternative, clause-field statistics), and each document's best clause kept in `s.passage` (OpenSearch: a
 * nested query with score_mode max). Returns the documents given a clause score (to be zeroed after the query).
 */
function bestClauses(state: IndexState, s: Scratch, ast: QueryAst, keep: Uint8Array, kept: Int32Array): number[] {
  const cs = s.clausesFor(state.clauseCount);
  const fieldOf = () => state.clauses;
  const only: ClauseFilter = { parent: state.clauseParent, keep, kept: kept.sort(), starts: state.clauseStarts() };
  const scored: number[] = [];
  for (const group of passageGroups(ast.groups)) {
    const groupTouched: number[] = [];
    for (const alt of group.alternatives) {
      const touched: number[] = [];
      scoreAlternative(fieldOf, cs, alt, touched, s.norms, only);
      keepGroupBest(cs, alt, touched, groupTouched);
    }
    for (const c of groupTouched) {
      if (cs.total[c] === 0) scored.push(c);
      cs.total[c]! += cs.groupBest[c]!;
      cs.groupBest[c] = -1;
    }
  }
  const docs: number[] = [];
  for (const c of scored) {
    const d = state.clauseParent[c]!;
    if (s.passage[d] === 0) docs.push(d);
    if (cs.total[c]! > s.passage[d]!) s.passage[d] = cs.total[c]!;
    cs.total[c] = 0;
  }
  return docs;
}

export { Scratch };

/**
 * Runs the AST: match, filter, score with the shared prior, facet counts, top from+size. The candidates
 * go into the scratch's typed arrays (no object per matching document); only the top k become objects.
 */
export function execute(state: IndexState, scratch: Scratch, ast: QueryAst, { facets = true } = {}): ExecuteResult {
  const filter = compileFilters(state, ast);
  const placeOf = compileRegionPrior(state, ast);
  const boostOf = priorOf(state, scratch, ast.nowDays);
  const { candDocs, candScores } = scratch;
  scratch.candidates = 0;
  const admits = (d: number) => !!state.stored[d] && (!filter || filter(d));
  const factorOf = (d: number) => boostOf(d) * placeOf(d);
  const consider = (d: number, raw: number) => {
    if (!admits(d)) return;
    const n = scratch.candidates++;
    candDocs[n] = d;
    candScores[n] = raw * factorOf(d);
  };
  if (ast.matchNone) {
    // nothing to consider
  } else if (ast.groups.length === 0 && !ast.docnoKey) {
    for (let d = 0; d < state.size; d++) consider(d, 1);
  } else {
    textScores(state, scratch, ast, consider, { admits, factorOf });
  }
  return {
    top: topK(state, scratch, ast),
    total: scratch.candidates,
    facets: facets ? countFacets(state, scratch, ast.facetSize) : noFacets(),
  };
}

/** boostFactor() of a document at `nowDays`, computed once per document and day (kept in the scratch). */
function priorOf(state: IndexState, s: Scratch, nowDays: number): (d: number) => number {
  if (s.priorDay !== nowDays || s.priorState !== state) {
    s.prior.fill(NaN);
    s.priorDay = nowDays;
    s.priorState = state;
  }
  const { prior } = s;
  const { publishDays } = state;
  return (d) => {
    let p = prior[d]!;
    if (p !== p) {
      const days = publishDays[d]!;
      p = prior[d] = boostFactor(state.stored[d]!.doc.validity, days === NO_DATE ? null : days, nowDays);
    }
    return p;
  };
}

/** Which documents are candidates at all (stored, passing the filters), and the prior's factor of a candidate's raw score. */
interface Candidacy {
  admits: (d: number) => boolean;
  factorOf: (d: number) => number;
}

/** Raw scores of matching documents, handed to `consider`: text (if enough groups matched) plus the doc-number bonus. */
function textScores(
  state: IndexState,
  scratch: Scratch,
  ast: QueryAst,
  consider: (d: number, raw: number) => void,
  candidacy: Candidacy,
): void {
  const docnoDocs = ast.docnoKey ? (state.docno.get(ast.docnoKey) ?? []) : [];
  const textMatched: number[] = []; // those of docnoDocs that matched the text too
  if (ast.groups.length > 0) {
    const matched = scoreGroups(state, scratch, ast);
    const coord = ast.groups.map((_, m) => coordination(ast, m)).concat(1); // by groups matched
    let withClause: number[] = [];
    const { passage, keep } = scratch;
    if (ast.passageWeight > 0) {
      // clauses are scored only for the candidates the words match (the clause part never makes a match) that could
      // still reach the page with their best clause
      const kept = scratch.kept;
      let n = 0;
      for (const d of matched) if (scratch.groupsMatched[d]! >= ast.minShouldMatch && candidacy.admits(d)) kept[n++] = d;
      n = mayReachPage(state, scratch, ast, kept, n, docnoDocs, candidacy.factorOf, coord);
      for (let i = 0; i < n; i++) keep[kept[i]!] = 1;
      withClause = bestClauses(state, scratch, ast, keep, kept.subarray(0, n));
      for (const d of matched) keep[d] = 0;
    }
    for (const d of matched) {
      if (scratch.groupsMatched[d]! >= ast.minShouldMatch) {
        const text = (scratch.total[d]! + ast.passageWeight * passage[d]!) * coord[scratch.groupsMatched[d]!]!;
        if (docnoDocs.length > 0 && docnoDocs.includes(d)) {
          textMatched.push(d);
          consider(d, text + DOCNO_BOOST);
        } else consider(d, text);
      }
      scratch.total[d] = 0;
      scratch.groupsMatched[d] = 0;
      scratch.groupMask[d] = 0;
    }
    for (const d of withClause) passage[d] = 0;
  }
  for (const d of docnoDocs) if (!textMatched.includes(d)) consider(d, DOCNO_BOOST);
}

/**
 * Passage scoring skips a candidate that cannot reach the page (relevance order): even its best clause scoring the most
 * a clause could (each token's BM25 weight, a term's score being below it, for each group the document matched: a
 * clause holds no group its document lacks) would leave it under the from+size-th best score of the candidates without
 * their clauses (coordination multiplies floor and bound alike). Scores only grow with a clause, so the page and every
 * score on it are what scoring every clause gives; the skipped keep their whole-document score, below the page. Keeps
 * those of `kept[0..n)` worth scoring at its front and returns how many
 * (docs/adr/0045-clauses-scored-for-documents-that-can-reach-the-page.md, 0046-coordinated-word-matching.md).
 */
function mayReachPage(
  state: IndexState,
  s: Scratch,
  ast: QueryAst,
  kept: Int32Array,
  n: number,
  docnoDocs: readonly number[],
  factorOf: (d: number) => number,
  coord: readonly number[],
): number {
  const k = ast.from + ast.size;
  if (ast.sort !== 'relevance' || n <= k) return n;
  const bonus = (d: number) => (docnoDocs.includes(d) ? DOCNO_BOOST : 0);
  const floors = new Float64Array(n);
  const factors = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = kept[i]!;
    factors[i] = factorOf(d);
    floors[i] = (s.total[d]! * coord[s.groupsMatched[d]!]! + bonus(d)) * factors[i]!;
  }
  const bar = kthLargest(floors, k); // the k-th best score without clauses
  const bound = clauseBound(state, ast, s);
  const margin = ast.passageWeight * (1 + 1e-9); // the margin covers rounding in the sums
  let m = 0;
  for (let i = 0; i < n; i++) {
    const d = kept[i]!;
    if (((s.total[d]! + margin * bound(d)) * coord[s.groupsMatched[d]!]! + bonus(d)) * factors[i]! >= bar) kept[m++] = d;
  }
  return m;
}

/** The k-th largest of `values` (1 ≤ k ≤ length): a min-heap of the k largest, cheaper than sorting them all. */
export function kthLargest(values: Float64Array, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < size && heap[l]! < heap[least]!) least = l;
      if (r < size && heap[r]! < heap[least]!) least = r;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  };
  for (const v of values) {
    if (size < k) {
      let i = size++;
      heap[i] = v;
      while (i > 0 && heap[(i - 1) >> 1]! > heap[i]!) {
        const p = (i - 1) >> 1;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (v > heap[0]!) {
      heap[0] = v;
      siftDown(0);
    }
  }
  return heap[0]!;
}

/**
 * The most a document's best clause can score: the sum of the bounds of the groups it matched (a group's bound being
 * its best passage alternative's Σ token weights; 0 for a group not scored on clauses). Past MASKED_GROUPS groups the
 * matches are counted, not named, and g matched groups are bounded by the g largest bounds.
 */
function clauseBound(state: IndexState, ast: QueryAst, s: Scratch): (d: number) => number {
  const bounds = ast.groups.map((group) => {
    const [clauseGroup] = passageGroups([group]);
    return clauseGroup ? groupBound(state, clauseGroup) : 0;
  });
  if (bounds.length > MASKED_GROUPS) {
    const most = [0];
    for (const b of [...bounds].sort((a, b) => b - a)) most.push(most.at(-1)! + b);
    return (d) => most[s.groupsMatched[d]!]!;
  }
  return (d) => {
    let sum = 0;
    for (let mask = s.groupMask[d]!, g = 0; mask !== 0; mask >>>= 1, g++) if (mask & 1) sum += bounds[g]!;
    return sum;
  };
}

/** A clause group's most: its best alternative's Σ over tokens of the token's BM25 weight (idf × (k1 + 1) × boost). */
function groupBound(state: IndexState, group: QueryGroup): number {
  const fi = state.clauses;
  let best = 0;
  for (const alt of group.alternatives) {
    let sum = 0;
    for (const token of alt.tokens) {
      const p = fi.terms.get(token);
      if (!p) continue;
      const idf = f32(Math.log(1 + (fi.docCount - p.len + 0.5) / (p.len + 0.5)));
      for (const { boost } of alt.fields) sum += f32(boost * f32(idf * (BM25.k1 + 1)));
    }
    best = Math.max(best, sum);
  }
  return best;
}

/** The region factor per document, looked up per region value id (computed once per query). */
function compileRegionPrior(state: IndexState, ast: QueryAst): (d: number) => number {
  const prior = ast.regionPrior;
  if (!prior) return () => 1;
  const { names, values } = state.columns;
  const byRegion = names.region.map((name) => regionFactor(name, null, prior));
  const nationalId = state.columns.dicts.region.get('全国');
  const byNationalLevel = names.level.map((level) => regionFactor('全国', level, prior));
  const national = regionFactor('全国', null, prior);
  const [region1, level1] = [state.columns.singleOf('region'), state.columns.singleOf('level')];
  if (region1 && level1) {
    return (d) => {
      const region = region1[d]!;
      if (region < 0) return prior.other;
      if (region !== nationalId) return byRegion[region]!;
      const level = level1[d]!;
      return level >= 0 ? byNationalLevel[level]! : national;
    };
  }
  return (d) => {
    const region = values.region[d]!;
    if (region.length === 0) return prior.other;
    if (region[0] !== nationalId) return byRegion[region[0]!]!;
    const level = values.level[d]!;
    return level.length > 0 ? byNationalLevel[level[0]!]! : national;
  };
}

/** One mask of accepted value ids per filtered field; null when nothing is filtered. */
function compileFilters(state: IndexState, ast: QueryAst): ((d: number) => boolean) | null {
  if (ast.filters.length === 0) return null;
  const checks = ast.filters.map(({ field, values }) => {
    const mask = new Uint8Array(state.columns.names[field].length);
    for (const v of values) {
      const id = state.columns.dicts[field].get(v);
      if (id !== undefined) mask[id] = 1;
    }
    return { column: state.columns.values[field], mask };
  });
  return (d) => {
    for (const { column, mask } of checks) {
      const vals = column[d]!;
      let hit = false;
      for (let i = 0; i < vals.length && !hit; i++) hit = mask[vals[i]!] === 1;
      if (!hit) return false;
    }
    return true;
  };
}

function comparator(state: IndexState, sort: QueryAst['sort']): (a: RankedDoc, b: RankedDoc) => number {
  const byScore = (a: RankedDoc, b: RankedDoc) => b.score - a.score;
  const byId = (a: RankedDoc, b: RankedDoc) => {
    const x = state.stored[a.doc]!.doc.id;
    const y = state.stored[b.doc]!.doc.id;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  if (sort === 'relevance') return (a, b) => byScore(a, b) || byId(a, b);
  const days = state.publishDays; // NO_DATE is the smallest Int32: undated documents sort last
  return (a, b) => days[b.doc]! - days[a.doc]! || byScore(a, b) || byId(a, b);
}

/** Keeps the best from+size candidates with insertion into a short sorted list. */
function topK(state: IndexState, s: Scratch, ast: QueryAst): RankedDoc[] {
  const k = ast.from + ast.size;
  const cmp = comparator(state, ast.sort);
  const best: RankedDoc[] = [];
  const probe: RankedDoc = { doc: 0, score: 0 }; // a candidate is compared in place; an object only when it enters the list
  for (let n = 0; n < s.candidates; n++) {
    probe.doc = s.candDocs[n]!;
    probe.score = s.candScores[n]!;
    if (best.length === k && cmp(probe, best[k - 1]!) >= 0) continue;
    const c = { doc: probe.doc, score: probe.score };
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && cmp(c, best[i - 1]!) < 0) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = c;
  }
  return best.slice(ast.from);
}

function noFacets(): Record<FacetField, FacetCount[]> {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as Record<FacetField, FacetCount[]>;
}

/**
 * Counts per value, ordered like OpenSearch's terms aggregation (count desc, then key asc). Only the
 * values the candidates hold are visited and listed (a field such as agency has thousands), in
 * reused count arrays that are zeroed again afterwards.
 */
function countFacets(state: IndexState, scratch: Scratch, size: number): Record<FacetField, FacetCount[]> {
  const { candDocs, candidates } = scratch;
  const out = {} as Record<FacetField, FacetCount[]>;
  for (const field of FACET_FIELDS) {
    const names = state.columns.names[field];
    let counts = scratch.facetCounts.get(field);
    if (!counts || counts.length < names.length) scratch.facetCounts.set(field, (counts = new Int32Array(names.length + 256)));
    const seen: number[] = [];
    const single = state.columns.singleOf(field);
    if (single) {
      for (let c = 0; c < candidates; c++) {
        const v = single[candDocs[c]!]!;
        if (v >= 0 && counts[v]!++ === 0) seen.push(v);
      }
    } else {
      const column = state.columns.values[field];
      for (let c = 0; c < candidates; c++) {
        const vals = column[candDocs[c]!]!;
        for (let i = 0; i < vals.length; i++) if (counts[vals[i]!]!++ === 0) seen.push(vals[i]!);
      }
    }
    out[field] = topValues(seen, counts, names, size).map((id) => ({ value: names[id]!, count: counts[id]! }));
    for (const id of seen) counts[id] = 0;
  }
  return out;
}

/**
 * The `size` value ids listed first in terms-aggregation order (count desc, then name asc; names are distinct, so the
 * order is total). A page shows 10 of a field's values while a broad query sees hundreds of agencies: a short sorted
 * list that most values fail to enter costs less than sorting them all (the full sort when most are kept anyway).
 */
function topValues(seen: number[], counts: Int32Array, names: readonly string[], size: number): number[] {
  const before = (a: number, b: number) => counts[a]! > counts[b]! || (counts[a] === counts[b] && names[a]! < names[b]!);
  if (size * 4 >= seen.length) return seen.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, size);
  const best: number[] = [];
  for (const id of seen) {
    if (best.length === size && !before(id, best[size - 1]!)) continue;
    let i = best.length === size ? size - 1 : best.length;
    while (i > 0 && before(id, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = id;
  }
  return best;
}
