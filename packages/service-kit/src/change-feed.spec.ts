import { ChangeFeed, type ChangeCursor, type ChangedRow } from './change-feed.js';

/** A table in memory, read the way `changedSince` queries it: after the cursor by (updatedAt, id). */
function table(rows: ChangedRow[]) {
  const reads: ChangeCursor[] = [];
  const read = async (since: ChangeCursor, take: number) => {
    reads.push(since);
    await new Promise((resolve) => setImmediate(resolve));
    return rows
      .filter((r) => r.updatedAt > since.at || (r.updatedAt.getTime() === since.at.getTime() && r.id > since.id))
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.id < b.id ? -1 : 1))
      .slice(0, take);
  };
  return { rows, reads, read };
}

const row = (id: string, ms: number): ChangedRow => ({ id, updatedAt: new Date(ms) });

test('pages through every change, even many rows sharing one timestamp, then only what changed since', async () => {
  const t = table([row('a', 1), row('b', 1), row('c', 1), row('d', 2), row('e', 3)]);
  const applied: string[][] = [];
  const feed = new ChangeFeed({ read: t.read, apply: (rows) => void applied.push(rows.map((r) => r.id)), pageSize: 2 });
  expect(await feed.pull()).toBe(5);
  expect(applied).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  expect(await feed.pull()).toBe(0);
  t.rows.push(row('b', 4));
  expect(await feed.pull()).toBe(1);
  expect(applied.at(-1)).toEqual(['b']);
});

test('one pass at a time: callers during a pass share it', async () => {
  const t = table([row('a', 1)]);
  const feed = new ChangeFeed({ read: t.read, apply: () => undefined });
  const [x, y] = await Promise.all([feed.pull(), feed.pull()]);
  expect([x, y, t.reads.length]).toEqual([1, 1, 1]);
});

test('a failed pass rejects, keeps the cursor, and the next pass reads the same rows again', async () => {
  const t = table([row('a', 1)]);
  let fail = true;
  const applied: string[] = [];
  const feed = new ChangeFeed({
    read: t.read,
    apply: (rows) => {
      if (fail) throw new Error('index away');
      applied.push(...rows.map((r) => r.id));
    },
  });
  await expect(feed.pull()).rejects.toThrow('index away');
  fail = false;
  expect(await feed.pull()).toBe(1);
  expect(applied).toEqual(['a']);
});
