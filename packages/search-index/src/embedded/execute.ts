import type { Alternative, QueryAst } from '../query/query-ast.js';
import { BM25, boostFactor, DOCNO_BOOST, FACET_SIZE, regionFactor } from '../ranking.js';
import { FACET_FIELDS, type FacetCount, type FacetField } from '../types.js';
import { LENGTH_TABLE } from './lucene-norms.js';
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
  ) {}
  stamp = 0;
  readonly norms = new NormTables();
  /** per facet field, a count per value id, all zero between queries (grown with the dictionary) */
  readonly facetCounts = new Map<FacetField, Int32Array>();
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
function scoreAlternative(state: IndexState, s: Scratch, alt: Alternative, touched: number[], norms: NormTables): void {
  for (const token of alt.tokens) {
    s.stamp++;
    for (const { field, boost } of alt.fields) {
      const fi = state.fields[field];
      const p = fi.terms.get(token);
      if (!p) continue;
      const idf = f32(Math.log(1 + (fi.docCount - p.len + 0.5) / (p.len + 0.5)));
      const weight = f32(boost * f32(idf * (BM25.k1 + 1)));
      const normInverse = norms.of(field, fi);
      for (let i = 0; i < p.len; i++) {
        const d = p.docs[i]!;
        s.altScore[d]! += weight - weight / (1 + p.tfs[i]! * normInverse[fi.norms[d]!]!);
        if (s.tokenStamp[d] !== s.stamp) {
          s.tokenStamp[d] = s.stamp;
          if (s.altHits[d]!++ === 0) touched.push(d);
        }
      }
    }
  }
}

/**
 * BM25's length factor 1 / (k1·(1 − b + b·length/avgdl)) for each of the 256 norm bytes of a field
 * (in float32, exactly as computed per document before), so the posting loop looks it up instead of
 * dividing for every document. A table is rebuilt only when the field's average length changes.
 */
class NormTables {
  private readonly tables = new Map<string, { avgdl: number; table: Float32Array }>();

  of(field: string, fi: IndexState['fields'][keyof IndexState['fields']]): Float32Array {
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

/** Σ over groups of the best alternative; returns the documents that matched any group. */
function scoreGroups(state: IndexState, s: Scratch, ast: QueryAst): number[] {
  const matched: number[] = [];
  const norms = s.norms;
  for (const group of ast.groups) {
    const groupTouched: number[] = [];
    for (const alt of group.alternatives) {
      const touched: number[] = [];
      scoreAlternative(state, s, alt, touched, norms);
      for (const d of touched) {
        if (s.altHits[d] === alt.tokens.length && s.altScore[d]! > s.groupBest[d]!) {
          if (s.groupBest[d]! < 0) groupTouched.push(d);
          s.groupBest[d] = s.altScore[d]!;
        }
        s.altScore[d] = 0;
        s.altHits[d] = 0;
      }
    }
    for (const d of groupTouched) {
      if (s.groupsMatched[d]!++ === 0) matched.push(d);
      s.total[d]! += s.groupBest[d]!;
      s.groupBest[d] = -1;
    }
  }
  return matched;
}

export { Scratch };

/** Runs the AST: match, filter, score with the shared prior, facet counts, top from+size. */
export function execute(state: IndexState, scratch: Scratch, ast: QueryAst, { facets = true } = {}): ExecuteResult {
  const filter = compileFilters(state, ast);
  const placeOf = compileRegionPrior(state, ast);
  const candidates: RankedDoc[] = [];
  const consider = (d: number, raw: number) => {
    const st = state.stored[d];
    if (!st || (filter && !filter(d))) return;
    const days = state.publishDays[d]!;
    const prior = boostFactor(st.doc.validity, days === NO_DATE ? null : days, ast.nowDays) * placeOf(d);
    candidates.push({ doc: d, score: raw * prior });
  };
  if (ast.matchNone) {
    // nothing to consider
  } else if (ast.groups.length === 0 && !ast.docnoKey) {
    for (let d = 0; d < state.size; d++) consider(d, 1);
  } else {
    for (const [d, raw] of textScores(state, scratch, ast)) consider(d, raw);
  }
  return {
    top: topK(state, candidates, ast),
    total: candidates.length,
    facets: facets ? countFacets(state, scratch, candidates) : noFacets(),
  };
}

/** Raw scores of matching documents: text (if enough groups matched) plus the doc-number bonus. */
function textScores(state: IndexState, scratch: Scratch, ast: QueryAst): Map<number, number> {
  const scores = new Map<number, number>();
  if (ast.groups.length > 0) {
    for (const d of scoreGroups(state, scratch, ast)) {
      if (scratch.groupsMatched[d]! >= ast.minShouldMatch) scores.set(d, scratch.total[d]!);
      scratch.total[d] = 0;
      scratch.groupsMatched[d] = 0;
    }
  }
  for (const d of ast.docnoKey ? (state.docno.get(ast.docnoKey) ?? []) : []) scores.set(d, (scores.get(d) ?? 0) + DOCNO_BOOST);
  return scores;
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
function topK(state: IndexState, candidates: RankedDoc[], ast: QueryAst): RankedDoc[] {
  const k = ast.from + ast.size;
  const cmp = comparator(state, ast.sort);
  const best: RankedDoc[] = [];
  for (const c of candidates) {
    if (best.length === k && cmp(c, best[k - 1]!) >= 0) continue;
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
function countFacets(state: IndexState, scratch: Scratch, candidates: RankedDoc[]): Record<FacetField, FacetCount[]> {
  const out = {} as Record<FacetField, FacetCount[]>;
  for (const field of FACET_FIELDS) {
    const names = state.columns.names[field];
    let counts = scratch.facetCounts.get(field);
    if (!counts || counts.length < names.length) scratch.facetCounts.set(field, (counts = new Int32Array(names.length + 256)));
    const column = state.columns.values[field];
    const seen: number[] = [];
    for (let c = 0; c < candidates.length; c++) {
      const vals = column[candidates[c]!.doc]!;
      for (let i = 0; i < vals.length; i++) if (counts[vals[i]!]!++ === 0) seen.push(vals[i]!);
    }
    const list: FacetCount[] = seen.map((id) => ({ value: names[id]!, count: counts[id]! }));
    for (const id of seen) counts[id] = 0;
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    out[field] = list.slice(0, FACET_SIZE);
  }
  return out;
}
