import { CandidateIndex, type CandidateFields } from './candidate-index.js';

const doc = (id: string, over: Partial<CandidateFields> = {}): CandidateFields => ({
  id,
  keywords: [],
  topics: [],
  amendedById: null,
  repealedById: null,
  ...over,
});

function indexOf(docs: CandidateFields[]) {
  const index = new CandidateIndex();
  docs.forEach((d) => index.put(d));
  return index;
}

test('candidates: shared keyword or topic, links either way, extra ids; most shared keywords first, then id', () => {
  const source = doc('s', { keywords: ['公积金', '提取'], topics: ['住房'], amendedById: 'f' });
  const index = indexOf([
    source,
    doc('b', { keywords: ['公积金', '提取', '提取'] }), // a keyword twice counts once, as INTERSECT does
    doc('a', { keywords: ['公积金'] }),
    doc('c', { topics: ['住房', '社保'] }),
    doc('d', { repealedById: 's' }), // repealed by the source
    doc('e', { keywords: ['养老'] }), // nothing shared: only as an extra id
    doc('f', {}), // amended the source
    doc('g', { keywords: ['养老'], topics: ['社保'] }), // nothing at all
  ]);
  expect(index.choose(source, ['e', 'unknown', 's'], 200)).toEqual(['b', 'a', 'c', 'd', 'e', 'f']);
  expect(index.choose(source, [], 200)).toEqual(['b', 'a', 'c', 'd', 'f']);
  expect(index.choose(source, [], 3)).toEqual(['b', 'a', 'c']);
  expect(index.choose({ ...source, keywords: ['提取', '提取', '公积金'] }, [], 2)).toEqual(['b', 'a']);
});

test('a replaced document is found by its new fields only; a removed one not at all', () => {
  const index = indexOf([
    doc('s', { keywords: ['公积金'], topics: ['住房'] }),
    doc('a', { keywords: ['公积金'] }),
    doc('b', { topics: ['住房'] }),
  ]);
  const source = doc('s', { keywords: ['公积金'], topics: ['住房'] });
  expect(index.choose(source, [], 10)).toEqual(['a', 'b']);

  index.put(doc('a', { keywords: ['养老'], amendedById: 's' }));
  index.put(doc('b', { topics: ['社保'] }));
  expect(index.choose(source, [], 10)).toEqual(['a']); // by its link now, no shared keyword
  index.remove('a');
  expect(index.choose(source, ['a'], 10)).toEqual([]);
  expect(index.size).toBe(2);
  expect(index.has('a')).toBe(false);
  expect(index.choose(doc('x', { topics: ['社保'] }), [], 10)).toEqual(['b']);
});

test('ids sort as PostgreSQL sorts uuids (lower-case hex text order)', () => {
  const ids = ['f0000000-0000-4000-8000-000000000000', '0a000000-0000-4000-8000-000000000000', '0a000000-0000-4000-8000-00000000000b'];
  const index = indexOf(ids.map((id) => doc(id, { topics: ['住房'] })));
  expect(index.choose(doc('s', { topics: ['住房'] }), [], 10)).toEqual([ids[1], ids[2], ids[0]]);
});
