import { type Relatable, type TermStats, TermIds, linkOf, rankRelated, termWeight } from './related-scoring.js';

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

/** The ranking as it was written before the scorer (a Map of contributions per candidate): what it must equal. */
function rankedBefore(source: Relatable, candidates: Relatable[], limit: number) {
  const weighed = (terms: readonly string[], w: (t: string) => number) => [...new Set(terms)].map((t): [string, number] => [t, w(t)]);
  const terms = {
    keywords: weighed(source.keywords, (t) => termWeight(t, stats)),
    titleTerms: weighed(source.titleTerms, (t) => 1.5 * termWeight(t, stats)),
    topics: weighed(source.topics, () => 0.5),
  };
  const group = source.canonicalId ?? source.id;
  const order = { amendedBy: 0, repealedBy: 1, amends: 2, repeals: 3, related: 4 } as const;
  const out = [];
  for (const doc of candidates) {
    if (doc.id === source.id) continue;
    const relation = linkOf(source, doc);
    if (relation === 'related' && (doc.canonicalId ?? doc.id) === group) continue;
    const contributions = new Map<string, number>();
    for (const kind of ['keywords', 'titleTerms', 'topics'] as const)
      for (const [t, w] of terms[kind]) if (doc[kind].includes(t)) contributions.set(t, (contributions.get(t) ?? 0) + w);
    for (const [t, w] of contributions) if (w <= 0) contributions.delete(t);
    const score = [...contributions.values()].reduce((a, b) => a + b, 0);
    if (relation === 'related' && score <= 0) continue;
    out.push({ id: doc.id, relation, score: Math.round(score * 1000) / 1000 });
  }
  return out.sort((a, b) => order[a.relation] - order[b.relation] || b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
}

test('the scorer ranks exactly as a Map of contributions per candidate did (random libraries, terms in several kinds)', () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const vocabulary = [
    '公积金',
    '提取',
    '办法',
    '缴存',
    '住房',
    '医疗',
    '医疗保险',
    '保险',
    '养老',
    '就业',
    '补贴',
    '创业',
    '社保',
    '住房保障',
  ];
  const some = (n: number) => Array.from({ length: Math.floor(random() * n) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
  const ids = new TermIds(); // one interner across rankings, as the service keeps it
  for (let round = 0; round < 200; round++) {
    const library = Array.from({ length: 60 }, (_, i) =>
      doc(`d${String(i).padStart(2, '0')}`, {
        keywords: some(8),
        titleTerms: some(6),
        topics: some(3),
        canonicalId: random() < 0.1 ? 'd00' : null,
        amendedById: random() < 0.05 ? `d${String(Math.floor(random() * 60)).padStart(2, '0')}` : null,
      }),
    );
    const [source, ...rest] = library;
    const withIds = rest.map((d) => (random() < 0.5 ? { ...d, termIds: ids.of(d) } : d));
    const ranked = rankRelated(source!, withIds, stats, 12, ids);
    expect(ranked.map((r) => ({ id: r.doc.id, relation: r.relation, score: r.score }))).toEqual(rankedBefore(source!, rest, 12));
  }
});
