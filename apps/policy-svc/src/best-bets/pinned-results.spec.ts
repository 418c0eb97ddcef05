import { PinTable, type SearchItem, pinFirst, withoutPinned } from './pinned-results.js';

const item = (id: string, title = `文件${id}`): SearchItem => ({
  id,
  externalId: null,
  title,
  docNumber: null,
  agencies: [],
  publishDate: null,
  validity: '有效',
  snippet: '',
});

const table = new PinTable([
  { normalizedQuery: '公积金提取', documentIds: ['p1', 'p2'] },
  { normalizedQuery: 'covid 19', documentIds: ['p3'] },
]);

test('a best bet matches its query however it is typed: spaces, punctuation, full-width, traditional, case', () => {
  for (const q of ['公积金提取', ' 公积金 提取？', '公積金提取', '公积金，提取']) expect(table.pinnedFor(q)).toEqual(['p1', 'p2']);
  expect(table.pinnedFor('ＣＯＶＩＤ-19')).toEqual(['p3']);
});

test('only the whole query matches: a longer or shorter query gets no best bet', () => {
  expect(table.pinnedFor('公积金提取条件')).toEqual([]);
  expect(table.pinnedFor('公积金')).toEqual([]);
});

test("page 1: pinned documents first in the editors' order, marked, and not repeated among the ranked hits", () => {
  const ranked = [item('a'), item('p2', '排名中的置顶文件'), item('b')];
  const fetched = new Map([['p1', item('p1')]]);
  const page = pinFirst(['p1', 'p2'], ranked, fetched);
  expect(page.map((i) => [i.id, i.pinned])).toEqual([
    ['p1', true],
    ['p2', true],
    ['a', undefined],
    ['b', undefined],
  ]);
  expect(page[1]!.title).toBe('排名中的置顶文件');
  expect('pinned' in page[2]!).toBe(false);
});

test('a pinned document that can no longer be shown (deleted, back to draft) is skipped', () => {
  expect(pinFirst(['gone', 'p1'], [item('a')], new Map([['p1', item('p1')]])).map((i) => i.id)).toEqual(['p1', 'a']);
});

test('later pages leave the pinned documents out', () => {
  expect(withoutPinned([item('c'), item('p1'), item('d')], ['p1', 'p2']).map((i) => i.id)).toEqual(['c', 'd']);
});
