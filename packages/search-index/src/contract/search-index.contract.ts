import type { SearchDocument, SearchIndex, SearchRequest } from '../types.js';
import { FIXTURE_DOCS, FIXTURE_NOW } from './fixtures.js';

/** Builds a fresh index holding `docs`; `dispose` frees it (OpenSearch: deletes the index). */
export type EngineFactory = (docs: readonly SearchDocument[]) => Promise<{ index: SearchIndex; dispose?: () => Promise<void> }>;

const ids = (r: { items: { id: string }[] }) => r.items.map((h) => h.id);
const byId = new Map(FIXTURE_DOCS.map((d) => [d.id, d]));
const expectedCount = (pred: (d: SearchDocument) => boolean) => FIXTURE_DOCS.filter(pred).length;

/**
 * The behaviour every SearchIndex must show, asserted against facts about the fixtures (never
 * against one engine's output). Run once per engine.
 */
export function runSearchIndexContract(engine: string, factory: EngineFactory): void {
  describe(`SearchIndex contract: ${engine}`, () => {
    let index: SearchIndex;
    let dispose: (() => Promise<void>) | undefined;
    const search = (req: SearchRequest) => index.search({ now: FIXTURE_NOW, ...req });

    beforeAll(async () => {
      ({ index, dispose } = await factory(FIXTURE_DOCS));
    });
    afterAll(async () => dispose?.());

    it('counts every document', async () => {
      expect(await index.count()).toBe(FIXTURE_DOCS.length);
    });

    describe('document numbers', () => {
      it.each([
        ['浙政办发〔2018〕111号', 'fx-08'],
        ['浙政办发[2018]111号', 'fx-08'],
        ['浙政办发2018年111号文件', 'fx-08'],
        ['浙政办发（2018）第111号', 'fx-08'],
        ['国务院令第514号', 'fx-01'],
        ['国务院第514号令', 'fx-01'],
        ['财政部税务总局公告2022年第17号', 'fx-11'],
        ['请问江政发2021年12号讲了什么', 'fx-03'],
      ])('%s puts %s first', async (q, id) => {
        const r = await search({ q });
        expect(r.items[0]?.id).toBe(id);
      });

      it('finds a document by its number in any spelling', async () => {
        expect((await index.findByDocNumber('江政发[2021]13号')).map((h) => h.id)).toEqual(['fx-04']);
        expect(await index.findByDocNumber('江政发〔2099〕1号')).toEqual([]);
      });

      it('keeps a matching number first even when a filter is set, and respects the filter', async () => {
        expect(ids(await search({ q: '国务院令第514号', filters: { level: '国务院' } }))[0]).toBe('fx-01');
        expect(ids(await search({ q: '国务院令第514号', filters: { level: '市' } }))).not.toContain('fx-01');
      });
    });

    describe('ranking', () => {
      it('weights the title above the body', async () => {
        const r = ids(await search({ q: '年休假' }));
        expect(r.indexOf('fx-01')).toBeGreaterThanOrEqual(0);
        expect(r.indexOf('fx-01')).toBeLessThan(r.indexOf('fx-02'));
      });

      it('ranks a valid document above a repealed one with the same text, and still finds the repealed one', async () => {
        const r = ids(await search({ q: '基本医疗保险 门诊 报销' }));
        expect(r.indexOf('fx-05')).toBeLessThan(r.indexOf('fx-06'));
        expect(r).toContain('fx-06');
      });

      it('ranks recent documents above old ones of equal text relevance', async () => {
        const r = ids(await search({ q: '住房公积金', filters: { topic: '住房保障' } }));
        expect(r.slice(0, 2).sort()).toEqual(['fx-03', 'fx-04']);
      });

      it('expands colloquial abbreviations (医保 → 医疗保险)', async () => {
        const r = await search({ q: '医保报销' });
        expect(r.items.map((h) => h.id)).toEqual(expect.arrayContaining(['fx-05', 'fx-06']));
        expect(FIXTURE_DOCS.filter((d) => (d.title + d.body).includes('医保'))).toEqual([]);
      });

      it('answers a colloquial question with the matching document first', async () => {
        expect(ids(await search({ q: '请问公积金怎么提取？' }))[0]).toBe('fx-03');
        expect(ids(await search({ q: '失业了社保关系怎么转' }))[0]).toBe('fx-07');
      });

      it('finds policy terms kept whole by the domain dictionary', async () => {
        expect(ids(await search({ q: '专精特新' }))[0]).toBe('fx-09');
        expect(ids(await search({ q: '稳岗返还' }))[0]).toBe('fx-10');
        expect(ids(await search({ q: '留抵退税' }))[0]).toBe('fx-11');
      });

      it('matches traditional and full-width input against simplified text and back', async () => {
        expect(ids(await search({ q: '個人所得稅' }))[0]).toBe('fx-12');
        expect(ids(await search({ q: '医疗保险基金监督管理' }))[0]).toBe('fx-29');
      });

      it('returns nothing for words no document contains', async () => {
        const r = await search({ q: '火星移民签证' });
        expect([r.total, r.items.length]).toEqual([0, 0]);
      });

      it('returns nothing for a query of punctuation and stop words only', async () => {
        const r = await search({ q: '的，？' });
        expect([r.total, r.facets.level]).toEqual([0, []]);
      });

      it('finds a document whose number is written in traditional characters', async () => {
        expect(ids(await search({ q: '江医保发2023年7号' }))[0]).toBe('fx-29');
      });

      it('orders by date when asked, undated last', async () => {
        const r = await search({ q: '社会保险', sort: 'date', pageSize: 50 });
        const dates = r.items.map((h) => h.publishDate ?? '0000');
        expect(dates).toEqual([...dates].sort().reverse());
        expect(r.total).toBe(r.items.length);
      });
    });

    describe('ranking without rows (rank)', () => {
      const rank = (req: SearchRequest) => index.rank({ now: FIXTURE_NOW, ...req });

      it.each<[string, SearchRequest]>([
        ['a colloquial question', { q: '请问公积金怎么提取？' }],
        ['a loose question', { q: '职工医疗保险缴费比例', match: 'loose', pageSize: 30 }],
        ['text with a filter, second page', { q: '社会保险', filters: { level: '市' }, pageSize: 3, page: 2 }],
        ['a document number', { q: '国务院令第514号' }],
        ['filters only', { filters: { topic: '住房保障' } }],
        ['nothing matching', { q: '火星移民签证' }],
      ])('returns the ids, order, scores and total of search for %s', async (_name, req) => {
        const [ranked, searched] = await Promise.all([rank(req), search(req)]);
        expect(ranked.total).toBe(searched.total);
        expect(ranked.hits.map((h) => h.id)).toEqual(ids(searched));
        ranked.hits.forEach((h, i) => expect(h.score).toBeCloseTo(searched.items[i]!.score, 4));
      });

      it("with loose matching, finds documents holding only a third of a question's words", async () => {
        // 职工 医疗保险 缴费 比例: fx-26 has 医疗保险 and 缴费 only, so the two-thirds rule leaves it out.
        const q = '职工医疗保险缴费比例';
        expect(['职工', '比例'].some((w) => (byId.get('fx-26')!.title + byId.get('fx-26')!.body).includes(w))).toBe(false);
        const auto = await rank({ q, pageSize: 30 });
        const loose = await rank({ q, pageSize: 30, match: 'loose' });
        expect(auto.total).toBeGreaterThanOrEqual(3);
        expect(auto.hits.map((h) => h.id)).not.toContain('fx-26');
        expect(loose.hits.map((h) => h.id)).toContain('fx-26');
        expect(loose.total).toBeGreaterThan(auto.total);
        expect(loose.hits.map((h) => h.id)).toEqual(expect.arrayContaining(auto.hits.map((h) => h.id)));
      });
    });

    describe('filters and facets', () => {
      it('counts filter-only results exactly', async () => {
        expect((await search({ filters: { level: '省' } })).total).toBe(expectedCount((d) => d.level === '省'));
        expect((await search({ filters: { validity: ['失效', '废止'] } })).total).toBe(
          expectedCount((d) => d.validity === '失效' || d.validity === '废止'),
        );
        expect((await search({ filters: { year: '2021', topic: '住房保障' } })).total).toBe(
          expectedCount((d) => d.publishDate?.startsWith('2021') === true && d.topics.includes('住房保障')),
        );
        expect((await search({ filters: { agency: '江东市财政局' } })).total).toBe(
          expectedCount((d) => d.agencies.includes('江东市财政局')),
        );
      });

      it('returns facet counts over the whole result set', async () => {
        const r = await search({});
        expect(r.total).toBe(FIXTURE_DOCS.length);
        const validity = Object.fromEntries(r.facets.validity.map((f) => [f.value, f.count]));
        expect(validity).toEqual({ 有效: 23, 已修改: 3, 失效: 2, 废止: 2 });
        expect(Object.values(validity).reduce((a, b) => a + b)).toBe(FIXTURE_DOCS.length);
        const agencyTotal = r.facets.agency.reduce((s, f) => s + f.count, 0);
        expect(agencyTotal).toBe(FIXTURE_DOCS.reduce((s, d) => s + d.agencies.length, 0));
        expect(r.facets.level[0]).toEqual({ value: '市', count: expectedCount((d) => d.level === '市') });
      });

      it('orders facet values by count, then value', async () => {
        const years = (await search({})).facets.year;
        const sorted = [...years].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
        expect(years).toEqual(sorted);
      });

      it('lists only the most frequent facet values when asked for fewer', async () => {
        const all = (await search({})).facets;
        const two = (await search({ facetSize: 2 })).facets;
        for (const field of Object.keys(all) as (keyof typeof all)[]) expect(two[field]).toEqual(all[field].slice(0, 2));
        expect(all.agency.length).toBeGreaterThan(2);
      });

      it('combines text and filters', async () => {
        const r = await search({ q: '社会保险', filters: { region: '浙江省' } });
        expect(ids(r)).toEqual(['fx-08']);
        expect(r.facets.region).toEqual([{ value: '浙江省', count: 1 }]);
      });

      it('pages without overlap', async () => {
        const all = ids(await search({ filters: { level: '市' }, pageSize: 100 }));
        const p1 = ids(await search({ filters: { level: '市' }, pageSize: 7, page: 1 }));
        const p2 = ids(await search({ filters: { level: '市' }, pageSize: 7, page: 2 }));
        expect([...p1, ...p2]).toEqual(all.slice(0, 14));
      });
    });

    describe('result rows', () => {
      it('carries the display fields and a highlighted, escaped snippet', async () => {
        const hit = (await search({ q: '最低生活保障' })).items[0]!;
        const doc = byId.get('fx-13')!;
        expect(hit).toMatchObject({
          id: doc.id,
          externalId: doc.externalId,
          title: doc.title,
          docNumber: doc.docNumber,
          agencies: doc.agencies,
          publishDate: doc.publishDate,
          validity: doc.validity,
        });
        expect(hit.snippet).toContain('<em>最低生活保障</em>');
        expect(hit.score).toBeGreaterThan(0);
      });

      it('highlights synonyms of the query words', async () => {
        const hit = (await search({ q: '低保申请' })).items[0]!;
        expect(hit.id).toBe('fx-13');
        expect(hit.snippet).toMatch(/<em>(最低生活保障|申请)<\/em>/u);
      });
    });

    describe('suggestions', () => {
      it('suggests titles, agencies and document numbers by prefix', async () => {
        const s = await index.suggest('江东市住房');
        expect(
          s
            .filter((x) => x.kind === 'title')
            .map((x) => x.id)
            .sort(),
        ).toEqual(['fx-03', 'fx-04']);
        expect(s).toContainEqual({ kind: 'agency', text: '江东市住房公积金管理中心' });
        expect(await index.suggest('浙政办发')).toEqual([
          { kind: 'docNumber', text: '浙政办发〔2022〕40号', id: 'fx-09' }, // shorter first
          { kind: 'docNumber', text: '浙政办发〔2018〕111号', id: 'fx-08' },
        ]);
      });

      it('suggests by pinyin initials', async () => {
        const s = await index.suggest('jdszfgjj');
        expect(s.map((x) => x.id).sort()).toEqual(['fx-03', 'fx-04']);
      });

      it('limits and returns nothing for an empty prefix', async () => {
        expect(await index.suggest('江东市', 3)).toHaveLength(3);
        expect(await index.suggest('  ')).toEqual([]);
      });
    });
  });

  describe(`SearchIndex contract: ${engine}, writes`, () => {
    let index: SearchIndex;
    let dispose: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      ({ index, dispose } = await factory(FIXTURE_DOCS.slice(0, 5)));
    });
    afterEach(async () => dispose?.());

    it('applies a newer version and ignores an older or equal one', async () => {
      const doc = FIXTURE_DOCS[2]!;
      expect(await index.upsert([{ ...doc, title: '住房公积金提取新规', version: 3 }])).toEqual({ applied: 1, stale: 0 });
      expect(
        await index.upsert([
          { ...doc, title: '旧标题不应出现', version: 2 },
          { ...doc, version: 3 },
        ]),
      ).toEqual({ applied: 0, stale: 2 });
      const r = await index.search({ q: '提取新规' });
      expect(r.items.map((h) => [h.id, h.title])).toEqual([[doc.id, '住房公积金提取新规']]);
      expect((await index.search({ q: '旧标题不应出现' })).total).toBe(0);
      expect(await index.count()).toBe(5);
    });

    it('shows a document it showed before as its newest version: title, fields and snippet', async () => {
      const doc = FIXTURE_DOCS[2]!;
      const first = (await index.search({ q: '提取住房公积金' })).items.find((h) => h.id === doc.id);
      expect(first?.snippet).toContain('存储余额');
      const body = '职工偿还购房贷款本息的，可以按月提取住房公积金，提取额度不超过当月还款额。';
      await index.upsert([{ ...doc, title: '江东市住房公积金提取办法（修订）', agencies: ['江东市住房和城乡建设局'], body, version: 2 }]);
      const again = (await index.search({ q: '提取住房公积金' })).items.find((h) => h.id === doc.id);
      expect([again?.title, again?.agencies]).toEqual(['江东市住房公积金提取办法（修订）', ['江东市住房和城乡建设局']]);
      expect(again?.snippet).toContain('当月还款额');
      expect(again?.snippet).not.toContain('存储余额');
    });

    it('deletes a document from search, lookups and counts', async () => {
      expect(await index.delete('fx-01')).toBe(true);
      expect(await index.delete('fx-01')).toBe(false);
      expect(await index.count()).toBe(4);
      expect((await index.search({ q: '年休假' })).items.map((h) => h.id)).not.toContain('fx-01');
      expect(await index.findByDocNumber('国务院令第514号')).toEqual([]);
    });

    it('deletes several documents in one call, counting only those it held', async () => {
      expect(await index.deleteMany(['fx-01', 'fx-02', 'fx-01', 'no-such-id'])).toBe(2);
      expect(await index.deleteMany([])).toBe(0);
      expect(await index.count()).toBe(3);
      expect((await index.rank({ q: '年休假' })).hits.map((h) => h.id)).toEqual([]);
    });

    it('adds new documents', async () => {
      await index.upsert([FIXTURE_DOCS[9]!]);
      expect(await index.count()).toBe(6);
      expect((await index.search({ q: '稳岗返还' })).items[0]?.id).toBe('fx-10');
    });

    it('finds a law by the shorthand people type (网安法 → 网络安全法), which neither its title nor its text holds', async () => {
      const law = { ...FIXTURE_DOCS[0]!, id: 'fx-law', docNumber: null, title: '中华人民共和国网络安全法', version: 1 };
      const other = { ...FIXTURE_DOCS[0]!, id: 'fx-other', docNumber: null, title: '江东市网格化服务管理办法', version: 1 };
      await index.upsert([
        { ...law, body: '第一条 为了保障网络安全，维护网络空间主权和国家安全，制定本法。第二十一条 国家实行网络安全等级保护制度。' },
        { ...other, body: '第一条 为了推进网格化服务管理，保障居民安全，制定本办法。' },
      ]);
      for (const q of ['网安法', '网安法第二十一条', '违反网安法怎么处罚'])
        expect([q, (await index.search({ q })).items[0]?.id]).toEqual([q, 'fx-law']);
      expect((await index.search({ q: '网安法' })).items.map((h) => h.id)).not.toContain('fx-other');
    });

    it('finds a regulation by every order number of its promulgation record, in any spelling, first', async () => {
      const reg = { ...FIXTURE_DOCS[0]!, id: 'fx-revised', title: '专利代理条例', docNumber: '国务院令第76号', version: 1 };
      const body = [
        '1991年3月4日 中华人民共和国国务院令第76号发布',
        '2018年11月6日 中华人民共和国国务院令第706号公布',
        '第一条 为了规范专利代理行为，制定本条例。',
      ].join('\n');
      await index.upsert([{ ...reg, body }]);
      for (const q of ['国务院令第706号', '国务院706号令', '国令706', '国务院令706', '国务院令第76号'])
        expect([q, (await index.search({ q })).items[0]?.id]).toEqual([q, 'fx-revised']);
      expect((await index.findByDocNumber('国务院令第706号')).map((h) => h.id)).toEqual(['fx-revised']);
    });

    it('with no place in the query prefers the national text, then the home region; a place in the query wins', async () => {
      // the same title (the words' only field) everywhere: text scores tie, ids order ties, only level and place differ
      const fit = { ...FIXTURE_DOCS[0]!, title: '全民健身条例', docNumber: null, version: 1, publishDate: '2020-01-01' };
      await index.upsert([
        { ...fit, id: 'fx-fit-1', level: '省', region: '山东省', body: '第一条 本条例适用于山东省行政区域。' },
        { ...fit, id: 'fx-fit-2', level: '省', region: '浙江省', body: '第一条 本条例适用于浙江省行政区域。' },
        { ...fit, id: 'fx-fit-3', level: '国务院', region: '全国', body: '第一条 本条例适用于中华人民共和国境内。' },
        { ...fit, id: 'fx-fit-4', level: '全国人大', region: '全国', body: '第一条 本条例适用于中华人民共和国境内。' },
        { ...fit, id: 'fx-fit-5', level: null, region: null, body: '第一条 本条例适用于中华人民共和国境内。' },
      ]);
      const order = async (req: SearchRequest) =>
        (await index.search({ now: FIXTURE_NOW, regionPrior: true, ...req })).items
          .map((h) => h.id)
          .filter((id) => id.startsWith('fx-fit'));
      // off by default (Q&A and guide indexes): ids order the tie
      expect(await order({ q: '全民健身条例', regionPrior: undefined })).toEqual([
        'fx-fit-1',
        'fx-fit-2',
        'fx-fit-3',
        'fx-fit-4',
        'fx-fit-5',
      ]);
      // national first (the higher level first), then the home region, then other and unknown places (ids order those)
      expect(await order({ q: '全民健身条例' })).toEqual(['fx-fit-4', 'fx-fit-3', 'fx-fit-1', 'fx-fit-2', 'fx-fit-5']);
      expect(await order({ q: '全民健身条例', homeRegion: '浙江省杭州市' })).toEqual([
        'fx-fit-4',
        'fx-fit-3',
        'fx-fit-2',
        'fx-fit-1',
        'fx-fit-5',
      ]);
      expect((await order({ q: '山东全民健身条例', homeRegion: '浙江省杭州市' }))[0]).toBe('fx-fit-1');
      expect((await order({ q: '浙江全民健身条例' }))[0]).toBe('fx-fit-2');
    });
  });
}
