import { cjkBigrams, defaultLawShorthand, detectDocNumber, expandQuery, type LawShorthand, queryTokens } from '@govdisc/text-analysis';
import { DAY_MS, FIELD_BOOSTS, toDays } from '../ranking.js';
import { FACET_FIELDS, type SearchFilters, type SearchRequest } from '../types.js';
import type { Alternative, QueryAst, QueryGroup } from './query-ast.js';
import { regionPriorFor } from './region-prior.js';

export const MAX_PAGE_SIZE = 100;
const WORD_FIELDS = [
  { field: 'title_tok', boost: FIELD_BOOSTS.title_tok },
  { field: 'body_tok', boost: FIELD_BOOSTS.body_tok },
] as const;
const HAN_ONLY = /^\p{Script=Han}{3,}$/u;

/** A word, its synonyms, and for unknown long Han words their title bigrams as a fallback. */
function groupFor(alternatives: string[]): QueryGroup {
  const alts: Alternative[] = alternatives.map((t) => ({ tokens: [t], fields: WORD_FIELDS.map((f) => ({ ...f })) }));
  const word = alternatives[0]!;
  if (HAN_ONLY.test(word)) alts.push({ tokens: cjkBigrams(word), fields: [{ field: 'title_bi', boost: FIELD_BOOSTS.title_bi }] });
  return { alternatives: alts };
}

/** A law's shorthand (网安法) is one query word: its full title's words, or the shorthand as written. */
function shorthandGroup({ shorthand, full }: LawShorthand): QueryGroup {
  const alts: Alternative[] = [full, shorthand]
    .map((text) => queryTokens(text))
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => ({ tokens, fields: WORD_FIELDS.map((f) => ({ ...f })) }));
  return { alternatives: alts };
}

/** Short queries need every word; long (colloquial) ones about two thirds of them. */
export function minShouldMatch(groups: number): number {
  return groups <= 2 ? groups : Math.ceil((groups * 2) / 3);
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

/** The one query builder: request → AST that both engines render. */
export function buildQuery(req: SearchRequest): QueryAst {
  const q = (req.q ?? '').trim();
  const docno = q ? detectDocNumber(q) : null;
  const rest = docno ? q.normalize('NFKC').replace(/\s+/gu, '').replace(docno.match, ' ') : q;
  const shorthand = defaultLawShorthand().extract(rest);
  const words = [...new Set(queryTokens(shorthand.rest))];
  const groups = [...shorthand.found.map(shorthandGroup), ...expandQuery(words).map(groupFor)];
  const pageSize = Math.min(Math.max(1, req.pageSize ?? 10), MAX_PAGE_SIZE);
  const page = Math.max(1, req.page ?? 1);
  return {
    matchNone: q !== '' && groups.length === 0 && !docno,
    groups,
    minShouldMatch: req.match === 'loose' ? looseMinShouldMatch(groups.length) : minShouldMatch(groups.length),
    docnoKey: docno?.key ?? null,
    filters: filtersOf(req.filters),
    nowDays: req.now ? toDays(req.now) : Math.floor(Date.now() / DAY_MS),
    regionPrior: req.regionPrior === true && !docno ? regionPriorFor(q, req.homeRegion) : null,
    sort: req.sort ?? 'relevance',
    from: (page - 1) * pageSize,
    size: pageSize,
    highlightTerms: groups.flatMap((g) => g.alternatives.filter((a) => a.fields[0]!.field !== 'title_bi').flatMap((a) => a.tokens)),
  };
}
