import { GenerationCache } from './generation-cache.js';

describe('GenerationCache', () => {
  it('serves a value while the generation it was computed at holds, and forgets everything when it moves', () => {
    const cache = new GenerationCache<{ v: number }>({ maxEntries: 10, ttlMs: 60_000 });
    expect(cache.get('a', 1)).toBeUndefined();
    cache.set('a', 1, { v: 1 });
    expect(cache.get('a', 1)).toEqual({ v: 1 });
    expect(cache.get('a', 2)).toBeUndefined();
    expect(cache.get('a', 1)).toBeUndefined(); // going back does not bring old entries back
    expect(cache.size).toBe(0);
  });

  it('drops a value computed at a generation the source has since left', () => {
    const cache = new GenerationCache<{ v: number }>({ maxEntries: 10, ttlMs: 60_000 });
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 2)).toBeUndefined(); // another caller saw the change meanwhile
    cache.set('a', 1, { v: 1 });
    expect(cache.get('a', 2)).toBeUndefined();
  });

  it('keeps at most maxEntries, the least recently used going first, and is off at 0', () => {
    const cache = new GenerationCache<{ v: number }>({ maxEntries: 2, ttlMs: 60_000 });
    cache.get('x', 0);
    cache.set('a', 0, { v: 1 });
    cache.set('b', 0, { v: 2 });
    cache.get('a', 0);
    cache.set('c', 0, { v: 3 });
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual([{ v: 1 }, undefined, { v: 3 }]);
    const off = new GenerationCache<{ v: number }>({ maxEntries: 0, ttlMs: 60_000 });
    off.set('a', -1, { v: 1 });
    expect([off.enabled, off.get('a', -1)]).toEqual([false, undefined]);
  });
});
