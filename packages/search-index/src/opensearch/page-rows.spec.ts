import { SnippetText } from '@govdisc/text-analysis';
import { PageRows, type PageRow, type RowKey } from './page-rows.js';

const fields = (id: string, title: string) => ({
  id,
  externalId: null,
  title,
  docNumber: null,
  agencies: [],
  publishDate: null,
  validity: '有效' as const,
});

/** A stand-in for the index's `_mget`: the current version of each id it holds, counting what it was asked for. */
function store(docs: Record<string, { version: number; title: string; body: string }>) {
  const asked: string[][] = [];
  const fetch = (ids: string[]): Promise<(PageRow & RowKey)[]> => {
    asked.push(ids);
    return Promise.resolve(
      ids
        .filter((id) => docs[id])
        .map((id) => ({ id, version: docs[id]!.version, fields: fields(id, docs[id]!.title), text: SnippetText.prepare(docs[id]!.body) })),
    );
  };
  return { docs, asked, fetch };
}

describe('PageRows: result rows held per document version', () => {
  it('fetches only the rows it does not hold, once per version', async () => {
    const s = store({ a: { version: 1, title: 'A1', body: '甲' }, b: { version: 1, title: 'B1', body: '乙' } });
    const rows = new PageRows(1);
    await rows.rowsOf([{ id: 'a', version: 1 }], s.fetch);
    const page = await rows.rowsOf(
      [
        { id: 'a', version: 1 },
        { id: 'b', version: 1 },
      ],
      s.fetch,
    );
    expect([...page].map(([id, r]) => [id, r.fields.title, r.text.text])).toEqual([
      ['a', 'A1', '甲'],
      ['b', 'B1', '乙'],
    ]);
    expect(s.asked).toEqual([['a'], ['b']]);
  });

  it('a newer version is fetched, never answered by the held older one', async () => {
    const s = store({ a: { version: 1, title: 'A1', body: '旧' } });
    const rows = new PageRows(1);
    await rows.rowsOf([{ id: 'a', version: 1 }], s.fetch);
    s.docs.a = { version: 2, title: 'A2', body: '新' };
    const page = await rows.rowsOf([{ id: 'a', version: 2 }], s.fetch);
    expect([page.get('a')?.fields.title, page.get('a')?.text.text]).toEqual(['A2', '新']);
    expect(s.asked).toEqual([['a'], ['a']]);
  });

  it('a document gone before its row was fetched has no row', async () => {
    const s = store({ a: { version: 1, title: 'A1', body: '甲' } });
    const page = await new PageRows(1).rowsOf(
      [
        { id: 'a', version: 1 },
        { id: 'gone', version: 4 },
      ],
      s.fetch,
    );
    expect([...page.keys()]).toEqual(['a']);
  });

  it('holds no more than its budget, and nothing at 0', async () => {
    const body = '字'.repeat(70_000); // ~210 kB as held: two bytes per character and one per word
    const docs = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`d${i}`, { version: 1, title: `D${i}`, body }]));
    const s = store(docs);
    const rows = new PageRows(1); // 1 MiB: four such rows, not ten
    await rows.rowsOf(
      Object.keys(docs).map((id) => ({ id, version: 1 })),
      s.fetch,
    );
    expect(rows.size).toBeGreaterThanOrEqual(4);
    expect(rows.size).toBeLessThanOrEqual(5);
    const none = new PageRows(0);
    await none.rowsOf([{ id: 'd0', version: 1 }], s.fetch);
    await none.rowsOf([{ id: 'd0', version: 1 }], s.fetch);
    expect(none.size).toBe(0);
    expect(s.asked.slice(1)).toEqual([['d0'], ['d0']]);
  });
});
