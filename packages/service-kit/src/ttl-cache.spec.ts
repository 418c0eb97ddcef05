import { TtlCache, within } from './ttl-cache.js';

function setup(ttlMs = 1_000, maxEntries = 10) {
  const clock = { now: 0 };
  const calls: string[] = [];
  const sut = new TtlCache<string>(ttlMs, maxEntries, () => clock.now);
  const load =
    (key: string, value = `v:${key}`) =>
    () => {
      calls.push(key);
      return Promise.resolve(value);
    };
  return { sut, clock, calls, load };
}

test('concurrent and later callers share one lookup until it expires', async () => {
  const { sut, clock, calls, load } = setup();
  const [a, b] = await Promise.all([sut.get('k', load('k')), sut.get('k', load('k'))]);
  expect([a, b]).toEqual(['v:k', 'v:k']);
  clock.now = 999;
  await sut.get('k', load('k'));
  expect(calls).toEqual(['k']);
  clock.now = 1_000;
  await sut.get('k', load('k'));
  expect(calls).toEqual(['k', 'k']);
});

test('a failed lookup is not kept, so the next caller tries again', async () => {
  const { sut, calls, load } = setup();
  await expect(sut.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  expect(await sut.get('k', load('k'))).toBe('v:k');
  expect(calls).toEqual(['k']);
});

test('the oldest entries go when the cache is full', async () => {
  const { sut, calls, load } = setup(1_000, 2);
  for (const k of ['a', 'b', 'c']) await sut.get(k, load(k));
  expect(sut.size).toBe(2);
  await sut.get('a', load('a'));
  expect(calls).toEqual(['a', 'b', 'c', 'a']);
});

test('within gives the value in time, else undefined without waiting longer', async () => {
  expect(await within(Promise.resolve(1), 50)).toBe(1);
  const started = Date.now();
  expect(await within(new Promise(() => undefined), 30)).toBeUndefined();
  expect(Date.now() - started).toBeLessThan(1_000);
});

test('refresh replaces a held value without a gap, and keeps it when the new load fails', async () => {
  const { sut, clock, calls, load } = setup();
  await sut.get('k', load('k', 'old'));
  clock.now = 900;
  const refreshing = sut.refresh('k', load('k', 'new'));
  expect(await sut.get('k', load('k', 'never'))).toBe('old'); // still served while refreshing
  expect(await refreshing).toBe('new');
  clock.now = 1_500; // past the first load's expiry (1,000), within the refresh's (1,900)
  expect(await sut.get('k', load('k', 'never'))).toBe('new');
  await expect(sut.refresh('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  expect(await sut.get('k', load('k', 'never'))).toBe('new');
  expect(calls).toEqual(['k', 'k']);
});

test('peek tells what is held without loading: the value once its lookup succeeded, pending before, nothing after it expired or failed', async () => {
  const { sut, clock, calls } = setup();
  expect(sut.peek('k')).toBeUndefined();
  let resolve!: (v: string) => void;
  const loading = sut.get('k', () => new Promise<string>((r) => (resolve = r)));
  expect(sut.peek('k')).toBe('pending');
  resolve('v');
  await loading;
  expect(sut.peek('k')).toEqual({ value: 'v' });
  clock.now = 1_000;
  expect(sut.peek('k')).toBeUndefined();
  await expect(sut.get('f', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  expect(sut.peek('f')).toBeUndefined();
  expect(calls).toEqual([]);
});

test('peek sees a refreshed value at once', async () => {
  const { sut, load } = setup();
  await sut.get('k', load('k', 'old'));
  await sut.refresh('k', load('k', 'new'));
  expect(sut.peek('k')).toEqual({ value: 'new' });
});
