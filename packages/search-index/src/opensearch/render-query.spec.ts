import { buildQuery } from '../query/build-query.js';
import { regionPriorFor } from '../query/region-prior.js';
import { DOCNO_BOOST, PLACE_PRIOR, regionFactor } from '../ranking.js';
import { PRIOR_SCRIPT, renderRankBody, renderSearchBody } from './render-query.js';

type J = Record<string, any>;
const inner = (body: J): J => body.query.function_score.query;

describe('renderSearchBody', () => {
  it('renders word groups as dis_max over synonyms with title and body term clauses', () => {
    const q = inner(renderSearchBody(buildQuery({ q: '医保' })));
    const group = q.bool.should[0].bool.should[0].dis_max;
    expect(group.tie_breaker).toBe(0);
    expect(group.queries[0]).toEqual({
      bool: {
        should: [{ term: { title_tok: { value: '医保', boost: 3 } } }, { term: { body_tok: { value: '医保', boost: 1 } } }],
        minimum_should_match: 1,
      },
    });
    expect(group.queries[1].bool.should[0].term.title_tok.value).toBe('医疗保险');
  });

  it('requires every bigram of the title fallback', () => {
    const group = inner(renderSearchBody(buildQuery({ q: '老旧小区改造' }))).bool.should[0].bool.should[0].dis_max;
    expect(group.queries.at(-1).bool.must).toHaveLength(5);
  });

  it('adds the document-number clause as a should next to the text', () => {
    const q = inner(renderSearchBody(buildQuery({ q: '国务院令第514号 年休假' })));
    expect(q.bool.minimum_should_match).toBe(1);
    expect(q.bool.should[1]).toEqual({ constant_score: { filter: { term: { docno_key: '国务院令||514' } }, boost: DOCNO_BOOST } });
  });

  it('coordinates the text part only: the first of "m words held" filters gives (m/n)^exponent, the doc-number bonus stays outside', () => {
    const ast = buildQuery({ q: '国务院令第514号 年休假 工资 天数 计算', match: 'coordinated' });
    const q = inner(renderSearchBody(ast));
    const fs = q.bool.should[0].function_score;
    expect([fs.score_mode, fs.boost_mode]).toEqual(['first', 'multiply']);
    expect(fs.query.bool.minimum_should_match).toBe(ast.minShouldMatch);
    const held = fs.functions.map((f: J) => f.filter?.bool.minimum_should_match ?? ast.minShouldMatch);
    expect(held).toEqual([4, 3, 2]); // 4 words (年休假 工资 天数 计算), a third of them is 2: the last function has no filter
    expect(fs.functions.at(-1).filter).toBeUndefined();
    expect(fs.functions.map((f: J) => f.weight)).toEqual(held.map((m: number) => Math.sqrt(m / 4)));
    expect(q.bool.should[1].constant_score.boost).toBe(DOCNO_BOOST);
    expect(inner(renderSearchBody(buildQuery({ q: '年休假 工资 天数 计算' }))).bool.should[0].function_score).toBeUndefined();
  });

  it('turns filter-only requests into match_all with terms filters', () => {
    const body = renderSearchBody(buildQuery({ filters: { docType: ['通知', '办法'], level: '市' } }));
    expect(inner(body)).toEqual({
      bool: { must: [{ match_all: {} }], filter: [{ terms: { level: ['市'] } }, { terms: { doc_type: ['通知', '办法'] } }] },
    });
    expect(Object.keys(body.aggs as object)).toEqual(['agency', 'level', 'region', 'year', 'topic', 'docType', 'validity']);
  });

  it('multiplies the prior into the score and sorts ties by id', () => {
    const body: J = renderSearchBody(buildQuery({ q: '社保', sort: 'date', page: 2, pageSize: 5 }));
    expect(body.query.function_score.boost_mode).toBe('multiply');
    expect(body.sort).toEqual([{ publish_days: { order: 'desc', missing: '_last' } }, { _score: 'desc' }, { id: 'asc' }]);
    expect([body.from, body.size]).toEqual([5, 5]);
  });
});

describe('the prior (boostFactor × regionFactor) in OpenSearch', () => {
  const functions = (req: Parameters<typeof buildQuery>[0]): J[] => {
    const body: J = renderSearchBody(buildQuery(req));
    return body.query.function_score.functions;
  };

  it('is one script reading numbers only, without a region factor when the request asks for none', () => {
    const body: J = renderSearchBody(buildQuery({ q: '社保' }));
    expect(body.query.function_score.score_mode).toBe('first');
    expect(functions({ q: '社保' })).toEqual([
      {
        script_score: {
          script: { lang: 'painless', source: PRIOR_SCRIPT, params: { now: expect.any(Number), recency: 0.3, halfLife: 5 } },
        },
      },
    ]);
    expect(PRIOR_SCRIPT).not.toMatch(/doc\['(validity|region|level)'\]/u);
  });

  it("gives each document the first region factor whose filter matches, in regionFactor()'s order", () => {
    const fns = functions({ q: '社保', regionPrior: true, homeRegion: '浙江省杭州市' });
    const factors = fns.map((f) => [f.filter ?? null, f.script_score.script.params.region]);
    expect(factors).toEqual([
      ...Object.entries(PLACE_PRIOR.nationalLevels).map(([level, w]) => [
        { bool: { filter: [{ term: { region: '全国' } }, { term: { level } }] } },
        PLACE_PRIOR.national * w,
      ]),
      [{ term: { region: '全国' } }, PLACE_PRIOR.national],
      [{ prefix: { region: '浙江省杭州市' } }, PLACE_PRIOR.homeCity],
      [{ prefix: { region: '浙江省' } }, PLACE_PRIOR.homeProvince],
      [null, PLACE_PRIOR.other],
    ]);
    // the same factors as regionFactor() for a document each filter picks first
    expect(factors[0]![1]).toBe(regionFactor('全国', '全国人大', regionPriorFor('社保', '浙江省杭州市')));
    expect(factors.at(-1)![1]).toBe(regionFactor(null, null, regionPriorFor('社保', '浙江省杭州市')));
  });
});

describe('what a search asks OpenSearch to send back', () => {
  it('reads no _source: each hit carries its version from doc values (rows come from PageRows), no script field', () => {
    const body: J = renderSearchBody(buildQuery({ q: '住房公积金 提取' }));
    expect([body._source, body.docvalue_fields, body.stored_fields]).toEqual([false, ['version'], undefined]);
    expect(body.script_fields).toBeUndefined();
  });

  it('facets are aggregations of the same request, and ranking asks for neither rows nor snippets', () => {
    const ast = buildQuery({ q: '医保' });
    expect(Object.keys(renderSearchBody(ast).aggs as object)).toHaveLength(7);
    const rank = renderRankBody(ast);
    expect([rank._source, rank.docvalue_fields, rank.script_fields, rank.aggs]).toEqual([false, undefined, undefined, undefined]);
  });
});
