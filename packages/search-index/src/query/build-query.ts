import {
  cjkBigrams,
  defaultLawShorthand,
  defaultParaphrases,
  defaultQuestionLexicon,
  detectDocNumber,
  expandQuery,
  type LawShorthand,
  type Paraphrase,
  queryTokens,
} from '@govdisc/text-analysis';
import { CLAUSE_FIELD, DAY_MS, FACET_SIZE, FIELD_BOOSTS, PASSAGE_WEIGHT, toDays } from '../ranking.js';
import { FACET_FIELDS, type SearchFilters, type SearchRequest } from '../types.js';
import type { Alternative, QueryAst, QueryGroup } from './query-ast.js';
import { regionPriorFor } from './region-prior.js';

export const MAX_PAGE_SIZE = 100;
export const MAX_FACET_SIZE = 200;
const WORD_FIELDS = [
  { field: 'title_tok', boost: FIELD_BOOSTS.title_tok },
  { field: 'body_tok', boost: FIELD_BOOSTS.body_tok },
] as const;
const HAN_ONLY = /^\p{Script=Han}{3,}$/u;

/**
 * Question expansion (issue 18, ADR 0020): a query word's legal terms from the reviewed hand list
 * (dict/question-lexicon.txt) are extra alternatives of the word's group at QUESTION_LEXICON_WEIGHT × the entry's weight of the word's own field weights: a document
 * using the law's term instead of the asker's word still matches the word, scored below one using the word itself.
 */
export const QUESTION_LEXICON_WEIGHT = 0.5;
/** The best clause's weight (ranking.ts PASSAGE_WEIGHT); benchmarks compare others. */
export const PASSAGE_SETTINGS = { weight: PASSAGE_WEIGHT };
/**
 * Where a word's legal terms come from. The paraphrases mined from the Q&A corpus (dict/paraphrases.txt, 2020
 * epidemic notices) were measured as a second source and left out: no gain on the held-out questions (ADR 0020);
 * `minedMinWeight` ≤ 1 puts them back for a benchmark.
 */
export const LEXICON_SOURCES = { hand: true, minedMinWeight: 2 };

function lexiconTerms(word: string): readonly Paraphrase[] {
  const hand = LEXICON_SOURCES.hand ? defaultQuestionLexicon().of(word) : [];
  if (LEXICON_SOURCES.minedMinWeight > 1) return hand;
  const out = new Map(hand.map((p) => [p.term, p.weight]));
  for (const p of defaultParaphrases().of(word))
    if (p.weight >= LEXICON_SOURCES.minedMinWeight) out.set(p.term, Math.max(out.get(p.term) ?? 0, p.weight));
  return [...out].map(([term, weight]) => ({ term, weight }));
}

/** A word, its synonyms, its lexicon terms (when asked for) and for unknown long Han words their title bigrams as a fallback. */
function groupFor(alternatives: string[], lexicon: boolean): QueryGroup {
  const alts: Alternative[] = alternatives.map((t) => ({ tokens: [t], fields: WORD_FIELDS.map((f) => ({ ...f })) }));
  const word = alternatives[0]!;
  if (lexicon) {
    const have = new Set(alternatives);
    for (const { term, weight } of lexiconTerms(word)) {
      const tokens = [...new Set(queryTokens(term))];
      if (tokens.length === 0 || (tokens.length === 1 && have.has(tokens[0]!))) continue;
      const factor = (QUESTION_LEXICON_WEIGHT * weight) / tokens.length; // a term of n words: each word at 1/n
      alts.push({ tokens, fields: WORD_FIELDS.map((f) => ({ field: f.field, boost: f.boost * factor })) });
    }
  }
  if (HAN_ONLY.test(word)) alts.push({ tokens: cjkBigrams(word), fields: [{ field: 'title_bi', boost: FIELD_BOOSTS.title_bi }] });
  return { alternatives: alts };
}

/** A law's shorthand (网安法) is one query word: its full title's words, or the shorthand as written. */
function shorthandGroup({ shorthand, full }: LawShorthand): QueryGroup {
  const alts: Alternative[] = [full, shorthand]
    .map((text) => queryTokens(text))
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => ({ tokens, fields: WORD_FIELDS.map((f) => ({ ...f })) }));
  return { alternatives: alts, names: true };
}

/**
 * The groups as scored on one clause: each alternative's body part (its body_tok boost) on the clause field;
 * title-only alternatives (title bigrams), groups naming a law (a clause citing 劳动合同法 does not answer a
 * search for it) and groups left without any are dropped. Both engines score clauses with it.
 */
export function passageGroups(groups: readonly QueryGroup[]): QueryGroup[] {
  return groups
    .filter((g) => !g.names)
    .map((g) => ({
      alternatives: g.alternatives.flatMap((a) =>
        a.fields
          .filter((f) => f.field === 'body_tok')
          .map((f) => ({ tokens: a.tokens, fields: [{ field: CLAUSE_FIELD, boost: f.boost }] })),
      ),
    }))
    .filter((g) => g.alternatives.length > 0);
}

/**
 * How policy search asks (issue 18; docs/adr/0020-passage-scoring.md, 0046-coordinated-word-matching.md): a document's
 * best clause adds to its score, a query word's legal terms (辞退 → 解除劳动合同) are tried below the word itself, and
 * a third of the words match, scored by the share held. policy-svc and the relevance benches use it; both engines.
 */
export const QUESTION_SEARCH = { passages: true, lexicon: true, match: 'coordinated' } as const satisfies Partial<SearchRequest>;

/** Short queries need every word; long (colloquial) ones about two thirds of them. */
export function minShouldMatch(groups: number): number {
  return groups <= 2 ? groups : Math.ceil((groups * 2) / 3);
}

/**
 * Coordination's exponent (ADR 0046): a document holding m of a query's n words has its text score × (m/n)^0.5.
 * Chosen on the policy dev queries (0.25 / 0.5 / 0.75 / 1 / 2: 0.5 gave the best overall nDCG@10, and no kind below
 * the two-thirds rule's).
 */
export const COORD_EXPONENT = 0.5;
/** The exponent used (COORD_EXPONENT); benchmarks compare others. */
export const COORD_SETTINGS = { exponent: COORD_EXPONENT };

/** The factor of a document matching `matched` of `groups` words (1 when the AST has no coordination). */
export function coordination(ast: Pick<QueryAst, 'coordExponent' | 'groups'>, matched: number): number {
  return ast.coordExponent > 0 && matched < ast.groups.length ? (matched / ast.groups.length) ** ast.coordExponent : 1;
}

/** The loose rule: a third of the words (at least one). */
export function looseMinShouldMatch(groups: number): number {
  return Math.max(1, Math.ceil(groups / 3));
}

/** The same query with the loose rule, or null when it would not change anything. */
export function relaxed(ast: QueryAst): QueryAst | null {
  const loose = looseMinShouldMatch(ast.groups.length);
  return ast.groups.length > 0 && loose < ast.minShouldMatch ? { ...ast, minShouldMatch: loose } : null;
}

function filtersOf(filters: SearchFilters | undefined): QueryAst['filters'] {
  const out: QueryAst['filters'] = [];
  for (const field of FACET_FIELDS) {
    const raw = filters?.[field];
    if (raw === undefined) continue;
    const values = (typeof raw === 'string' ? [raw] : [...raw]).filter((v) => v !== '');
    if (values.length > 0) out.push({ field, values });
  }
  return out;
}

/** What a query's text alone decides: the same for every request with that text (and home region). */
type TextPart = Pick<QueryAst, 'matchNone' | 'groups' | 'docnoKey' | 'regionPrior' | 'highlightTerms'>;

/**
 * Text parts of recent queries. Segmenting, shorthand and order-number detection and the place prior cost more
 * than the engine's scoring of a typical query, and the same texts come back (paging, facet clicks, popular
 * queries); the tables they read are fixed per process. Bounded: cleared when full. Cached parts are shared
 * between requests and never changed (relaxed() copies the AST).
 */
const textParts = new Map<string, TextPart>();
const TEXT_PARTS_MAX = 2_000;

/** Forgets the cached text parts (after LEXICON_SOURCES changed: benchmarks comparing lexicon sources). */
export function clearQueryCache(): void {
  textParts.clear();
}

function textPartOf(q: string, regionPrior: boolean, homeRegion: string | null | undefined, lexicon: boolean): TextPart {
  const key = `${regionPrior ? 'r' : '-'}${lexicon ? 'x' : '-'}${homeRegion ?? ''}\u0000${q}`;
  let part = textParts.get(key);
  if (part === undefined) {
    if (textParts.size >= TEXT_PARTS_MAX) textParts.clear();
    part = analyseText(q, regionPrior, homeRegion, lexicon);
    textParts.set(key, part);
  }
  return part;
}

function analyseText(q: string, regionPrior: boolean, homeRegion: string | null | undefined, lexicon: boolean): TextPart {
  const docno = q ? detectDocNumber(q) : null;
  const rest = docno ? q.normalize('NFKC').replace(/\s+/gu, '').replace(docno.match, ' ') : q;
  const shorthand = defaultLawShorthand().extract(rest);
  const words = [...new Set(queryTokens(shorthand.rest))];
  const groups = [...shorthand.found.map(shorthandGroup), ...expandQuery(words).map((alts) => groupFor(alts, lexicon))];
  return {
    matchNone: q !== '' && groups.length === 0 && !docno,
    groups,
    docnoKey: docno?.key ?? null,
    regionPrior: regionPrior && !docno ? regionPriorFor(q, homeRegion) : null,
    highlightTerms: groups.flatMap((g) => g.alternatives.filter((a) => a.fields[0]!.field !== 'title_bi').flatMap((a) => a.tokens)),
  };
}

/** The one query builder: request → AST that both engines render. */
export function buildQuery(req: SearchRequest): QueryAst {
  const q = (req.q ?? '').trim();
  const text = textPartOf(q, req.regionPrior === true, req.homeRegion, req.lexicon === true);
  const pageSize = Math.min(Math.max(1, req.pageSize ?? 10), MAX_PAGE_SIZE);
  const page = Math.max(1, req.page ?? 1);
  const coordinated = req.match === 'coordinated' && text.groups.length > 1;
  return {
    matchNone: text.matchNone,
    groups: text.groups,
    minShouldMatch: req.match === 'loose' || coordinated ? looseMinShouldMatch(text.groups.length) : minShouldMatch(text.groups.length),
    coordExponent: coordinated ? COORD_SETTINGS.exponent : 0,
    passageWeight: req.passages === true && text.groups.some((g) => !g.names) ? PASSAGE_SETTINGS.weight : 0,
    docnoKey: text.docnoKey,
    filters: filtersOf(req.filters),
    nowDays: req.now ? toDays(req.now) : Math.floor(Date.now() / DAY_MS),
    regionPrior: text.regionPrior,
    sort: req.sort ?? 'relevance',
    from: (page - 1) * pageSize,
    size: pageSize,
    highlightTerms: text.highlightTerms,
    facetSize: Math.min(Math.max(1, req.facetSize ?? FACET_SIZE), MAX_FACET_SIZE),
  };
}
