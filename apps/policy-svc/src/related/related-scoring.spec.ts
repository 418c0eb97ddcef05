import { type Relatable, type TermStats, rankRelated, termWeight } from './related-scoring.js';

const doc = (id: string, over: Partial<Relatable> = {}): Relatable => ({
  id,
  titleTerms: [],
  keywords: [],
  topics: [],
  canonicalId: null,
  amendedById: null,
  repealedById: null,
  ...over,
});

/** 100 documents; 办法 is in half of them, 公积金 in 5, 提取 in 10. */
const df: Record<string, number> = { 办法: 50, 公积金: 5, 提取: 10, 缴存: 8, 住房: 20 };
const stats: TermStats = { documents: 100, frequency: (t) => df[t] ?? 1 };

const source = doc('src', { titleTerms: ['公积金', '提取', '办法'], keywords: ['公积金', '提取'], topics: ['住房保障'] });

test('documents sharing rarer keywords and title terms rank higher; a shared topic alone ranks last', () => {
  const ranked = rankRelated(
    source,
    [
      doc('topic-only', { topics: ['住房保障'] }),
      doc('withdraw', { titleTerms: ['公积金', '提取'], keywords: ['公积金'] }),
      doc('deposit', { titleTerms: ['公积金', '缴存'], keywords: ['缴存'] }),
      doc('nothing', { titleTerms: ['养老'], keywords: ['养老'] }),
    ],
    stats,
    10,
  );
  expect(ranked.map((r) => r.doc.id)).toEqual(['withdraw', 'deposit', 'topic-only']);
  expect(ranked[0]!.shared).toEqual(['公积金', '提取']);
  expect(ranked.every((r) => r.relation === 'related')).toBe(true);
});

test('words half the library uses (办法) make nothing related', () => {
  expect(termWeight('办法', stats)).toBe(0);
  expect(rankRelated(source, [doc('generic', { titleTerms: ['办法'] })], stats, 10)).toEqual([]);
});

test('near-duplicates (same canonical document) are left out; version links are kept, marked and listed first', () => {
  const ranked = rankRelated(
    doc('src', { keywords: ['公积金'], canonicalId: null, amendedById: 'newer' }),
    [
      doc('repost', { keywords: ['公积金'], canonicalId: 'src' }),
      doc('similar', { keywords: ['公积金'] }),
      doc('newer', { keywords: ['公积金'], canonicalId: 'src' }),
      doc('older', { repealedById: 'src' }),
    ],
    stats,
    10,
  );
  expect(ranked.map((r) => [r.doc.id, r.relation])).toEqual([
    ['newer', 'amendedBy'],
    ['older', 'repeals'],
    ['similar', 'related'],
  ]);
});

test('a source that is itself a repost excludes its canonical document and the other reposts', () => {
  const ranked = rankRelated(
    doc('copy', { keywords: ['公积金'], canonicalId: 'orig' }),
    [doc('orig', { keywords: ['公积金'] }), doc('copy2', { keywords: ['公积金'], canonicalId: 'orig' })],
    stats,
    10,
  );
  expect(ranked).toEqual([]);
});

test('at most `limit` documents; a shared term inside a stronger shared one is not shown twice', () => {
  const s = doc('s', { titleTerms: ['医疗保险', '医疗', '保险'] });
  const candidates = Array.from({ length: 8 }, (_, i) => doc(`c${i}`, { titleTerms: ['医疗保险', '医疗', '保险'] }));
  const ranked = rankRelated(s, candidates, stats, 3);
  expect(ranked).toHaveLength(3);
  expect(ranked[0]!.shared).toEqual(['医疗保险']);
});
