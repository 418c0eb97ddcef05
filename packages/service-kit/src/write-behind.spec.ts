import { backgroundQueueSnapshots } from './background-queues.js';
import { PartialWriteError, WriteBehindBuffer } from './write-behind.js';

/** A fake table: refuses any batch holding a "poison" item, as PostgreSQL refuses a whole INSERT. */
function fakeSink() {
  const rows: string[] = [];
  const state = { up: true, writes: 0 };
  const write = async (batch: string[]) => {
    state.writes++;
    if (!state.up) throw new Error('connection refused');
    if (batch.some((item) => item.startsWith('poison'))) throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
    rows.push(...batch);
  };
  const probe = async () => {
    if (!state.up) throw new Error('connection refused');
  };
  return { rows, state, write, probe };
}

function newBuffer(sink: ReturnType<typeof fakeSink>, extra: { maxBatch?: number } = {}) {
  return new WriteBehindBuffer<string>({
    label: `test-${Math.random()}`,
    flushMs: 60_000,
    write: sink.write,
    probe: sink.probe,
    maxAttempts: 3,
    ...extra,
  });
}

test('a poison item does not hold back the rest: good items are written in the same flush, the poison is set aside after 3 attempts', async () => {
  const sink = fakeSink();
  const buffer = newBuffer(sink);
  for (let i = 0; i < 10; i++) buffer.add(i === 6 ? 'poison-6' : `ok-${i}`);
  await buffer.flush();
  expect(sink.rows.sort()).toEqual(['ok-0', 'ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5', 'ok-7', 'ok-8', 'ok-9']);
  expect(buffer.snapshot()).toMatchObject({ pending: 1, parkedTotal: 0 });

  buffer.add('ok-10');
  await buffer.flush();
  await buffer.flush();
  expect(sink.rows).toContain('ok-10');
  const snapshot = buffer.snapshot();
  expect(snapshot).toMatchObject({ kind: 'write-behind', pending: 0, parkedTotal: 1 });
  expect(snapshot.parked).toEqual([
    expect.objectContaining({ item: '"poison-6"', error: expect.stringContaining('invalid byte sequence') }),
  ]);
  // Later items keep flowing.
  buffer.add('ok-11');
  await buffer.flush();
  expect(sink.rows).toContain('ok-11');
  await buffer.close();
});

test('bisection finds several poison items in a large batch with few writes', async () => {
  const sink = fakeSink();
  const buffer = newBuffer(sink);
  for (let i = 0; i < 1000; i++) buffer.add(i % 300 === 17 ? `poison-${i}` : `ok-${i}`);
  await buffer.flush();
  expect(sink.rows).toHaveLength(1000 - 4);
  expect(sink.state.writes).toBeLessThan(80);
  for (let i = 0; i < 2; i++) await buffer.flush();
  expect(buffer.snapshot()).toMatchObject({ pending: 0, parkedTotal: 4 });
  await buffer.close();
});

test('while the database is away nothing is split, counted or parked; everything is written when it returns', async () => {
  const sink = fakeSink();
  const buffer = newBuffer(sink);
  for (let i = 0; i < 100; i++) buffer.add(`ok-${i}`);
  sink.state.up = false;
  for (let i = 0; i < 10; i++) await buffer.flush();
  expect(sink.state.writes).toBe(10); // one attempt per flush, no bisection storm
  expect(buffer.snapshot()).toMatchObject({ pending: 100, parkedTotal: 0 });
  sink.state.up = true;
  await buffer.flush();
  expect(sink.rows).toHaveLength(100);
  expect(buffer.snapshot()).toMatchObject({ pending: 0, parkedTotal: 0 });
  await buffer.close();
});

test('a writer that reports a partial write gets only the failed items back (nothing written twice)', async () => {
  const written: string[] = [];
  const buffer = new WriteBehindBuffer<string>({
    label: 'partial',
    flushMs: 60_000,
    probe: async () => undefined,
    maxAttempts: 2,
    write: async (batch) => {
      const failed = batch.filter((q) => q === 'bad');
      written.push(...batch.filter((q) => q !== 'bad'));
      if (failed.length) throw new PartialWriteError(failed, new Error('refused'));
    },
  });
  for (const q of ['a', 'bad', 'b', 'bad', 'c']) buffer.add(q);
  await buffer.flush();
  await buffer.flush();
  expect(written).toEqual(['a', 'b', 'c']);
  expect(buffer.snapshot()).toMatchObject({ pending: 0, parkedTotal: 2 });
  await buffer.close();
});

test('every live buffer is listed for /metrics/queues; a closed one is not', async () => {
  const sink = fakeSink();
  const buffer = new WriteBehindBuffer<string>({ label: 'listed', flushMs: 60_000, write: sink.write, probe: sink.probe });
  buffer.add('ok');
  expect((await backgroundQueueSnapshots()).find((s) => s.queue === 'listed')).toMatchObject({ pending: 1 });
  await buffer.close();
  expect((await backgroundQueueSnapshots()).find((s) => s.queue === 'listed')).toBeUndefined();
});
