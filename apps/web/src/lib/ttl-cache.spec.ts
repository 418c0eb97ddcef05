import { TtlCache } from './ttl-cache';

test('an entry lives for its time to live, can be dropped at once, and the oldest goes first past the cap', () => {
  let now = 1_000;
  const cache = new TtlCache<number>(15_000, 2, () => now);
  cache.set('a', 3);
  now += 14_999;
  expect(cache.get('a')).toBe(3);
  now += 1;
  expect(cache.get('a')).toBeUndefined();

  cache.set('a', 1);
  cache.delete('a');
  expect(cache.get('a')).toBeUndefined();

  cache.set('a', 1);
  cache.set('b', 2);
  cache.set('a', 4); // re-set: now the newest
  cache.set('c', 5);
  expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([4, undefined, 5, 2]);
});
