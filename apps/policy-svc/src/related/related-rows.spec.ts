import type { CandidateStamp, DocumentRepository, RelatedRow } from '../document/document.repository.js';
import { stampKey } from '../document/document.service.js';
import { RelatedRows } from './related-rows.js';

const row = (id: string, version: number, over: Partial<RelatedRow> = {}): RelatedRow => ({
  id,
  externalId: `ext-${id}`,
  title: '住房公积金提取办法',
  docNumber: null,
  agencies: [],
  agency: null,
  publishDate: null,
  validity: '有效',
  keywords: ['公积金'],
  topics: ['住房保障'],
  canonicalId: null,
  amendedById: null,
  repealedById: null,
  status: 'PUBLISHED',
  version,
  updatedAt: new Date(1_700_000_000_000 + version),
  ...over,
});
const stamp = (r: RelatedRow): CandidateStamp => ({ id: r.id, stamp: stampKey(r) });

/** The table as a map; `reads` records which ids each relatedRows() call asked for. */
function table(rows: RelatedRow[]) {
  const current = new Map(rows.map((r) => [r.id, r]));
  const reads: string[][] = [];
  const documents = {
    relatedRows: async (ids: readonly string[]) => {
      reads.push([...ids]);
      return ids.flatMap((id) => (current.get(id)?.status === 'DRAFT' ? [] : [current.get(id)!].filter(Boolean)));
    },
    relatedRowsPage: async (after: string | null) => [...current.values()].filter((r) => r.status !== 'DRAFT' && (!after || r.id > after)),
  } as unknown as DocumentRepository;
  return { current, reads, rows: new RelatedRows(documents) };
}

test('rows held at their stamp are not read again; a changed stamp reads that row only, in the candidates order', async () => {
  const { current, reads, rows } = table([row('a', 1), row('b', 1), row('c', 1)]);
  expect((await rows.rows([stamp(current.get('b')!), stamp(current.get('a')!)])).map((r) => r.id)).toEqual(['b', 'a']);
  expect(reads).toEqual([['b', 'a']]);
  await rows.rows([stamp(current.get('a')!), stamp(current.get('b')!)]);
  expect(reads).toHaveLength(1);

  current.set('a', row('a', 2, { keywords: ['提取'], title: '住房公积金缴存办法' }));
  const [a] = await rows.rows([stamp(current.get('a')!), stamp(current.get('b')!)]);
  expect(reads[1]).toEqual(['a']);
  expect(a).toMatchObject({ version: 2, keywords: ['提取'] });
  expect(a!.titleTerms).toContain('缴存');
  expect([...a!.termIds.keywords]).toEqual([rows.termIds.id('提取')]);
});

test('a row that turned draft meanwhile is left out and not kept', async () => {
  const { current, rows } = table([row('a', 1), row('b', 1)]);
  await rows.rows([stamp(current.get('a')!), stamp(current.get('b')!)]);
  current.set('b', row('b', 2, { status: 'DRAFT' }));
  expect((await rows.rows([stamp(current.get('a')!), { id: 'b', stamp: 'PUBLISHED|2|x' }])).map((r) => r.id)).toEqual(['a']);
  expect(rows.size).toBe(1);
});

test('filled at start from every non-draft row; a source at its held stamp reuses the held terms', async () => {
  const { current, reads, rows } = table([row('a', 1), row('b', 1), row('d', 1, { status: 'DRAFT' })]);
  rows.onApplicationBootstrap();
  await rows.loaded;
  expect(rows.size).toBe(2);
  await rows.rows([stamp(current.get('a')!), stamp(current.get('b')!)]);
  expect(reads).toEqual([]);
  const held = (await rows.rows([stamp(current.get('a')!)]))[0]!;
  expect(rows.relatable(current.get('a')!).termIds).toBe(held.termIds);
  expect(rows.relatable(row('a', 9)).termIds).not.toBe(held.termIds);
});
