import { TickBatch } from './tick-batch.js';

type Row = { id: string; n: number };

function batchOver(rows: Row[]) {
  const reads: string[][] = [];
  const batch = new TickBatch<Row>(
    async (keys) => {
      reads.push(keys);
      return rows.filter((r) => keys.includes(r.id));
    },
    (row) => row.id,
  );
  return { batch, reads };
}

test('gets in one tick are one read of all their keys; each caller gets its own rows, in its order, each once', async () => {
  const { batch, reads } = batchOver([
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
    { id: 'c', n: 3 },
  ]);
  const [one, two] = await Promise.all([batch.get(['c', 'a', 'missing']), batch.get(['a', 'b', 'b'])]);
  expect(reads).toEqual([['c', 'a', 'missing', 'b']]);
  expect(one).toEqual([
    { id: 'c', n: 3 },
    { id: 'a', n: 1 },
  ]);
  expect(two).toEqual([
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
  ]);
});

test('a get after the read started is the next read (it sees rows as they are after its call)', async () => {
  const rows = [{ id: 'a', n: 1 }];
  const { batch, reads } = batchOver(rows);
  const first = batch.get(['a']);
  await Promise.resolve(); // the microtask queue ran: the first read is on its way
  rows[0] = { id: 'a', n: 2 };
  const second = batch.get(['a']);
  expect(await first).toEqual([{ id: 'a', n: 1 }]);
  expect(await second).toEqual([{ id: 'a', n: 2 }]);
  expect(reads).toEqual([['a'], ['a']]);
});

test('no keys: no read; a failed read fails every get of its tick, and the next tick reads again', async () => {
  let fail = true;
  const reads: string[][] = [];
  const batch = new TickBatch<Row>(
    async (keys) => {
      reads.push(keys);
      if (fail) throw new Error('db down');
      return keys.map((id) => ({ id, n: 0 }));
    },
    (row) => row.id,
  );
  expect(await batch.get([])).toEqual([]);
  const results = await Promise.allSettled([batch.get(['a']), batch.get(['b'])]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  fail = false;
  expect(await batch.get(['a'])).toEqual([{ id: 'a', n: 0 }]);
  expect(reads).toEqual([['a', 'b'], ['a']]);
});
