import { runSearchIndexContract } from '../contract/search-index.contract.js';
import { PASSAGE_DOCS, runPassageContract } from '../contract/passages.contract.js';
import { loadRealSample } from '../contract/real-sample.js';
import { EmbeddedSearchIndex } from './embedded-index.js';

runSearchIndexContract('embedded', async (docs) => {
  const index = new EmbeddedSearchIndex();
  await index.upsert(docs);
  return { index };
});

runPassageContract('embedded', async (docs) => {
  const index = new EmbeddedSearchIndex();
  await index.upsert(docs);
  return { index };
});

describe('embedded passage scoring among many clauses of documents the words do not match', () => {
  // 40 documents whose clauses name 宠物 without 疫苗: the clause postings of 宠物 are long and the documents matching
  // both words few, so only the clause ranges of those few are read. With the loose rule all 43 match and every
  // clause posting is read: the three documents' scores must be the same either way.
  const others = Array.from({ length: 40 }, (_, i) => ({
    ...PASSAGE_DOCS[2]!,
    id: `pet-${i}`,
    title: `宠物市场规定${i}`,
    body: Array.from({ length: 8 }, (_, j) => `第${j + 1}条 宠物市场的经营者应当遵守本规定。`).join('\n'),
  }));

  it('scores the clauses of the few matching documents as when every clause is read', async () => {
    const index = new EmbeddedSearchIndex();
    // a third match keeps the two-thirds rule from being relaxed (which would match the others too)
    await index.upsert([...PASSAGE_DOCS, { ...PASSAGE_DOCS[1]!, id: 'pa-scattered-2' }, ...others]);
    const req = { q: '宠物 疫苗', now: '2024-06-01', passages: true, pageSize: 50 } as const;
    const strict = (await index.search(req)).items;
    const loose = (await index.search({ ...req, match: 'loose' })).items;
    expect(strict.map((h) => h.id)).toEqual(['pa-scattered', 'pa-scattered-2', 'pa-answer']);
    expect(loose).toHaveLength(43);
    expect(loose.slice(0, 3)).toEqual(strict);
    const plain = (await index.search({ ...req, passages: false })).items;
    for (const [i, hit] of plain.entries()) expect(strict[i]!.score).toBeGreaterThan(hit.score);
  });
});

describe('embedded passage scoring on short pages', () => {
  // Clauses are scored only for the documents that could still reach the page; every short page must hold what the
  // long ranking holds at its place, scores included.
  const sample = loadRealSample();
  const queries = [
    '管理',
    '疫情 防控 工作',
    '农村 建设',
    '资金 使用 管理',
    '服务 管理 办法',
    '企业 申请',
    '疫情 防控 期间 企业 怎么 申请 资金 支持',
  ];
  const cases = queries.flatMap((q) => (['auto', 'coordinated'] as const).map((match) => [q, match] as const));

  it.each(cases)('pages of 1, 2 and 3 of %s (%s matching) are slices of the whole ranking', async (q, match) => {
    const index = new EmbeddedSearchIndex();
    await index.upsert(sample.docs);
    const ask = { q, match, passages: true, regionPrior: true, now: '2026-01-01' };
    const whole = (await index.search({ ...ask, pageSize: 60 })).items.map((h) => [h.id, h.score]);
    expect(whole.length).toBeGreaterThanOrEqual(15);
    for (const pageSize of [1, 2, 3])
      for (const page of [1, 2]) {
        const items = (await index.search({ ...ask, pageSize, page })).items.map((h) => [h.id, h.score]);
        expect(items).toEqual(whole.slice((page - 1) * pageSize, page * pageSize));
      }
  });
});
