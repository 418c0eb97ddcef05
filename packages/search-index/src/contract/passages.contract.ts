import type { SearchDocument, SearchIndex, SearchRequest } from '../types.js';
import type { EngineFactory } from './search-index.contract.js';

const NOW = '2024-06-01';
const doc = (id: string, title: string, body: string): SearchDocument => ({
  id,
  title,
  agencies: ['测试机关'],
  level: '省',
  region: '浙江省',
  topics: [],
  validity: '有效',
  publishDate: '2020-01-01',
  body,
  version: 1,
});
const filler = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `第${from + i}条 本条例所称管理部门应当依法履行职责，加强监督检查，做好相关服务工作。`);

/**
 * A (pa-answer) says it in one clause: pets are vaccinated (宠物 … 疫苗 in article 3). B (pa-scattered) names both
 * words more often, but never in the same clause: as a whole it matches better, by its best clause worse.
 */
export const PASSAGE_DOCS: SearchDocument[] = [
  doc('pa-answer', '城市管理条例', ['第1条 为了加强城市管理，制定本条例。', '第2条 宠物应当按期接种疫苗。', ...filler(3, 6)].join('\n')),
  doc(
    'pa-scattered',
    '城市服务条例',
    [
      '第1条 为了做好城市服务，制定本条例。',
      '第2条 宠物店铺宠物用品的经营应当规范。',
      ...filler(3, 3),
      '第6条 疫苗储存运输的疫苗记录应当完整。',
      ...filler(7, 2),
    ].join('\n'),
  ),
  doc('pa-other', '环境卫生条例', ['第1条 为了保护环境卫生，制定本条例。', ...filler(2, 7)].join('\n')),
  // the lexicon: a law's term (解除劳动合同) for the citizen's word (辞退), and a text using the word itself
  doc('lx-legal', '劳动关系条例', ['第1条 用人单位解除劳动合同的，应当支付经济补偿。', ...filler(2, 4)].join('\n')),
  doc('lx-word', '企业用工指引', ['第1条 企业辞退职工的，应当依法支付经济补偿。', ...filler(2, 4)].join('\n')),
  // coordination: co-all holds all three words of 自来水 水费 停水, co-one only 停水 (but in its title), co-two two
  // of them many times
  doc('co-all', '城镇供水条例', ['第1条 自来水供应单位计划停水的，应当提前公告。', '第2条 水费按月缴纳。', ...filler(3, 6)].join('\n')),
  doc('co-two', '自来水水费管理办法', ['第1条 自来水水费实行阶梯水费，自来水水费按表计量。', ...filler(2, 3)].join('\n')),
  doc('co-one', '停水应急预案', ['第1条 发生停水的，启动应急响应。', ...filler(2, 3)].join('\n')),
];

/** Passage-level retrieval and question expansion (issue 18): the same on every engine. */
export function runPassageContract(engine: string, factory: EngineFactory): void {
  describe(`SearchIndex passages and lexicon: ${engine}`, () => {
    let index: SearchIndex;
    let dispose: (() => Promise<void>) | undefined;
    const ids = async (req: SearchRequest) => (await index.search({ now: NOW, ...req })).items.map((h) => h.id);

    beforeAll(async () => {
      ({ index, dispose } = await factory(PASSAGE_DOCS));
    });
    afterAll(async () => dispose?.());

    it('ranks the document whose one clause holds the words above one that scatters them', async () => {
      expect((await ids({ q: '宠物 疫苗' })).slice(0, 2)).toEqual(['pa-scattered', 'pa-answer']);
      expect((await ids({ q: '宠物 疫苗', passages: true })).slice(0, 2)).toEqual(['pa-answer', 'pa-scattered']);
    });

    it('puts the clause answer first on a page of one (a page shorter than the matches scores the clauses that count)', async () => {
      expect(await ids({ q: '宠物 疫苗', passages: true, pageSize: 1 })).toEqual(['pa-answer']);
      expect(await ids({ q: '宠物 疫苗', passages: true, pageSize: 1, page: 2 })).toEqual(['pa-scattered']);
    });

    it('never lets a clause make a document match that the words alone do not', async () => {
      const plain = await ids({ q: '宠物 疫苗 环境卫生' });
      expect(await ids({ q: '宠物 疫苗 环境卫生', passages: true })).toEqual(expect.arrayContaining(plain));
      expect((await ids({ q: '宠物 疫苗 环境卫生', passages: true })).sort()).toEqual([...plain].sort());
    });

    it('coordinated matching finds what the loose rule finds, and scores each document by the share of the words it holds', async () => {
      const q = '自来水 水费 停水';
      const loose = await index.search({ now: NOW, q, match: 'loose', passages: true });
      const coordinated = await index.search({ now: NOW, q, match: 'coordinated', passages: true });
      expect(loose.items.map((h) => h.id)).toEqual(['co-two', 'co-one', 'co-all']);
      expect(coordinated.items.map((h) => h.id)).toEqual(['co-two', 'co-all', 'co-one']);
      expect(coordinated.total).toBe(loose.total);
      const score = (r: typeof loose, id: string) => r.items.find((h) => h.id === id)!.score;
      expect(score(coordinated, 'co-all')).toBeCloseTo(score(loose, 'co-all'), 4); // all three words: × 1
      expect(score(coordinated, 'co-two')).toBeCloseTo(score(loose, 'co-two') * Math.sqrt(2 / 3), 4);
      expect(score(coordinated, 'co-one')).toBeCloseTo(score(loose, 'co-one') * Math.sqrt(1 / 3), 4);
    });

    it('coordinated pages of one give the same order (clauses are scored for the documents that can reach the page)', async () => {
      const page = async (p: number) => ids({ q: '自来水 水费 停水', match: 'coordinated', passages: true, pageSize: 1, page: p });
      expect([...(await page(1)), ...(await page(2)), ...(await page(3))]).toEqual(['co-two', 'co-all', 'co-one']);
    });

    it("finds the law's term for the asker's word, below a text using the word itself", async () => {
      expect(await ids({ q: '辞退' })).toEqual(['lx-word']);
      expect(await ids({ q: '辞退', lexicon: true })).toEqual(['lx-word', 'lx-legal']);
    });
  });
}
