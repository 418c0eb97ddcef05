import { coordination, passageGroups } from '../query/build-query.js';
import type { Alternative, QueryAst, QueryGroup } from '../query/query-ast.js';
import { BOOST_PARAMS, CLAUSE_FIELD, DOCNO_BOOST, type RegionPrior } from '../ranking.js';
import { FACET_FIELDS } from '../types.js';
import { OS_FACET_FIELD } from './mapping.js';

type Json = Record<string, unknown>;

/**
 * The prior of ranking.ts boostFactor() × regionFactor(), in painless; both must change together. It reads numbers
 * only: the validity's weight is stored per document (`validity_w`), and the region's factor is chosen by the
 * function's filter (regionFunctions) and passed as `params.region`. Reading the keywords `validity`, `region` and
 * `level` in two scripts (a string per document and script) cost OpenSearch ~2.8 ms per search on the full corpus;
 * ADR 0027. The arithmetic is the old scripts' in the same order (boost, then × region), so scores are identical.
 */
export const PRIOR_SCRIPT = `
double v = doc['validity_w'].size() == 0 ? 1.0 : doc['validity_w'].value;
double p = v;
if (doc['publish_days'].size() > 0) {
  double age = Math.max(0.0, (params.now - doc['publish_days'].value) / 365.0);
  p = v * (1.0 + params.recency / (1.0 + age / params.halfLife));
}
return params.containsKey('region') ? p * params.region : p;`;

/**
 * ranking.ts regionFactor() as filtered functions of a `first` function_score: the first whose filter matches a
 * document gives its region factor, in regionFactor()'s order (全国 by level, 全国, each tier's prefix, the rest).
 */
function regionFunctions(prior: RegionPrior): { filter?: Json; region: number }[] {
  const national = { term: { region: '全国' } };
  return [
    ...Object.entries(prior.nationalLevels).map(([level, w]) => ({
      filter: { bool: { filter: [national, { term: { level } }] } },
      region: prior.national * w,
    })),
    { filter: national, region: prior.national },
    ...prior.tiers.map((t) => ({ filter: { prefix: { region: t.prefix } }, region: t.factor })),
    { region: prior.other },
  ];
}

/** The clause field's path in the index (a nested object's field). */
const fieldPath = (field: Alternative['fields'][number]['field']) => (field === CLAUSE_FIELD ? 'clauses.tok' : field);

/** Every token must match in some field: bool.must of per-token bool.should (scores summed). */
function renderAlternative(alt: Alternative): Json {
  const perToken = alt.tokens.map((t) => ({
    bool: { should: alt.fields.map((f) => ({ term: { [fieldPath(f.field)]: { value: t, boost: f.boost } } })), minimum_should_match: 1 },
  }));
  return perToken.length === 1 ? perToken[0]! : { bool: { must: perToken } };
}

/** Best alternative wins: dis_max with tie_breaker 0 = max, as the embedded engine does. */
function renderGroup(group: QueryGroup): Json {
  return { dis_max: { queries: group.alternatives.map(renderAlternative), tie_breaker: 0 } };
}

/**
 * Coordination (build-query.ts coordination()) around the text part: the first function whose filter holds gives the
 * factor, from "all n words" down, so a document matching m words gets (m/n)^exponent; the last (no filter) is for
 * those matching only minShouldMatch. The doc-number bonus stays outside, as in the embedded engine.
 */
function coordinated(ast: QueryAst, text: Json): Json {
  const n = ast.groups.length;
  const groups = ast.groups.map(renderGroup);
  const functions: Json[] = [];
  for (let m = n; m > ast.minShouldMatch; m--)
    functions.push({ filter: { bool: { should: groups, minimum_should_match: m } }, weight: coordination(ast, m) });
  functions.push({ weight: coordination(ast, ast.minShouldMatch) });
  return { function_score: { query: text, functions, score_mode: 'first', boost_mode: 'multiply' } };
}

function renderFilters(ast: QueryAst): Json[] {
  return ast.filters.map((f) => ({ terms: { [OS_FACET_FIELD[f.field]]: f.values } }));
}

function renderMatch(ast: QueryAst): Json {
  const filter = renderFilters(ast);
  if (ast.matchNone) return { match_none: {} };
  if (ast.groups.length === 0 && !ast.docnoKey) return { bool: { must: [{ match_all: {} }], filter } };
  const should: Json[] = [];
  if (ast.groups.length > 0) {
    const words = { bool: { should: ast.groups.map(renderGroup), minimum_should_match: ast.minShouldMatch } };
    const clauses = ast.passageWeight > 0 ? passageGroups(ast.groups) : [];
    // passage scoring: the best clause (nested, score_mode max) adds its score; only the words decide the match
    const text =
      clauses.length > 0
        ? {
            bool: {
              must: [words],
              should: [
                {
                  nested: {
                    path: 'clauses',
                    score_mode: 'max',
                    boost: ast.passageWeight,
                    query: { bool: { should: clauses.map(renderGroup) } },
                  },
                },
              ],
            },
          }
        : words;
    should.push(ast.coordExponent > 0 ? coordinated(ast, text) : text);
  }
  if (ast.docnoKey) should.push({ constant_score: { filter: { term: { docno_key: ast.docnoKey } }, boost: DOCNO_BOOST } });
  return { bool: { should, minimum_should_match: 1, filter } };
}

/** What a result row shows. */
export const SOURCE_FIELDS = ['id', 'external_id', 'title', 'docno', 'agency', 'publish_date', 'validity'];

/**
 * A document's row as a page shows it: the display fields, the body its snippet is cut from (prepared once per version
 * as the embedded engine prepares every body: SnippetText) and the version that identifies both. A search asks for none of it:
 * its hits carry the `version` (doc values, no _source read) and the rows come from PageRows, fetched once per
 * version. Asking for the body with every page was half of OpenSearch's CPU per search; ADR 0044.
 */
export const PAGE_SOURCE_FIELDS = [...SOURCE_FIELDS, 'body', 'version'];

/** The AST as an OpenSearch search body: same matching, scoring, prior, order and facets. */
export function renderSearchBody(ast: QueryAst): Json {
  const params = { now: ast.nowDays, recency: BOOST_PARAMS.recency, halfLife: BOOST_PARAMS.halfLifeYears };
  const sort =
    ast.sort === 'relevance'
      ? [{ _score: 'desc' }, { id: 'asc' }]
      : [{ publish_days: { order: 'desc', missing: '_last' } }, { _score: 'desc' }, { id: 'asc' }];
  return {
    track_total_hits: true,
    track_scores: true,
    from: ast.from,
    size: ast.size,
    _source: false,
    docvalue_fields: ['version'],
    query: {
      function_score: {
        query: renderMatch(ast),
        functions: ast.regionPrior
          ? regionFunctions(ast.regionPrior).map(({ filter, region }) => ({
              ...(filter ? { filter } : {}),
              script_score: { script: { lang: 'painless', source: PRIOR_SCRIPT, params: { ...params, region } } },
            }))
          : [{ script_score: { script: { lang: 'painless', source: PRIOR_SCRIPT, params } } }],
        score_mode: 'first',
        boost_mode: 'multiply',
      },
    },
    sort,
    aggs: Object.fromEntries(FACET_FIELDS.map((f) => [f, { terms: { field: OS_FACET_FIELD[f], size: ast.facetSize } }])),
  };
}

/** The same query for ranking only: ids and scores, no versions, no facet aggregations. */
export function renderRankBody(ast: QueryAst): Json {
  const { aggs: _aggs, docvalue_fields: _versions, ...body } = renderSearchBody(ast);
  return body;
}
