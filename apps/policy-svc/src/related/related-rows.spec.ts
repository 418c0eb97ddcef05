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
  /** what the next poll reads */
  const changed: RelatedRow[] = [];
  const documents = {
    relatedRows: async (ids: readonly string[]) => {
      reads.push([...ids]);
      return ids.flatMap((id) => (current.get(id)?.status === 'DRAFT' ? [] : [current.get(id)!].filter(Boolean)));
    },
    relatedRowsPage: async (after: string | null) => [...current.values()].filter((r) => r.status !== 'DRAFT' && (!after || r.id > after)),
    // the table's clock: a row's updatedAt is 1_700_000_000_000 + its version
    databaseNow: async () => new Date(1_700_000_000_000),
    publicWriteCount: 0,
    relatedRowsChangedSince: async () => changed.splice(0),
  } as unknown as DocumentRepository;
  const related = new RelatedRows(documents, { RELATED_ROWS_POLL_MS: 60_000 });
  started.push(related);
  return { current, reads, changed, rows: related, documents: documents as { publicWriteCount: number } };
}

const started: RelatedRows[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.onModuleDestroy()));
});

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

describe('candidates chosen from the held rows', () => {
  const source = row('s', 1, { keywords: ['公积金', '提取'], topics: ['住房保障'] });

  test('none until every non-draft row is held; then the same filter and order as the table query', async () => {
    const { rows } = table([
      source,
      row('a', 1, { keywords: ['养老'], topics: ['社保'] }),
      row('b', 1, { keywords: ['提取', '公积金'] }),
      row('c', 1, { keywords: ['公积金'], status: 'DRAFT' }),
    ]);
    expect(await rows.choose(source, [], 10)).toBeNull();
    rows.onApplicationBootstrap();
    await rows.loaded;
    expect(rows.complete).toBe(true);
    expect(await rows.choose(source, ['a'], 10)).toEqual(['b', 'a']);
    expect(await rows.choose(source, [], 10)).toEqual(['b']);
  });

  test('a poll re-indexes a changed row and drops one turned draft; an older read never replaces a newer row', async () => {
    const { current, changed, rows } = table([source, row('a', 1), row('b', 1), row('c', 1, { keywords: [], topics: [] })]);
    rows.onApplicationBootstrap();
    await rows.loaded;
    expect(await rows.choose(source, [], 10)).toEqual(['a', 'b']);

    changed.push(row('a', 2, { status: 'DRAFT' }), row('b', 2, { keywords: [], topics: [] }), row('c', 2, { amendedById: 's' }));
    await rows.poll();
    expect(await rows.choose(source, [], 10)).toEqual(['c']);
    expect(rows.size).toBe(3);

    // a first visit read c at version 3 (link removed) meanwhile; the poll's older row (version 2) is not taken
    current.set('c', row('c', 3, { keywords: [], topics: [] }));
    await rows.rows([stamp(current.get('c')!)]);
    expect(await rows.choose(source, [], 10)).toEqual([]);
    changed.push(row('c', 2, { keywords: [], topics: [], amendedById: 's' }));
    await rows.poll();
    expect(await rows.choose(source, [], 10)).toEqual([]);
    expect((await rows.rows([stamp(current.get('c')!)]))[0]).toMatchObject({ version: 3, amendedById: null });
  });

  test('a linked or title-matched document published since the last poll is read before choosing', async () => {
    const { current, reads, rows } = table([source]);
    rows.onApplicationBootstrap();
    await rows.loaded;
    current.set('n', row('n', 1, { keywords: ['养老'], topics: [] }));
    expect(await rows.choose(source, ['n'], 10)).toEqual(['n']);
    expect(reads).toEqual([['n']]);
    expect(await rows.choose(source, ['n'], 10)).toEqual(['n']);
    expect(reads).toHaveLength(1);
  });

  test("this process's own write is read before the next choice; another replica's waits for the poll", async () => {
    const { changed, rows, documents } = table([source, row('a', 1)]);
    rows.onApplicationBootstrap();
    await rows.loaded;
    changed.push(row('a', 2, { keywords: [], topics: [] }));
    expect(await rows.choose(source, [], 10)).toEqual(['a']);
    documents.publicWriteCount = 1;
    expect(await rows.choose(source, [], 10)).toEqual([]);
  });
});
