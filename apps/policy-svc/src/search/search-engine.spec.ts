import { jest } from '@jest/globals';
import type { SearchIndex, SearchRequest, SearchResult } from '@govdisc/search-index';
import type { AppConfig } from '../config/env.js';
import { OPENSEARCH_VISIBLE_AFTER_MS, SearchEngine } from './search-engine.js';

/** An index that answers every search with a new page object and counts the searches. */
function countingIndex() {
  const index = {
    searches: 0,
    search: async (): Promise<SearchResult> => {
      index.searches++;
      return { items: [], total: index.searches, facets: {} as SearchResult['facets'] };
    },
  };
  return index;
}

function engineWith(config: Partial<AppConfig>) {
  const engine = new SearchEngine({ SEARCH_CACHE_SIZE: 100, SEARCH_CACHE_TTL_MS: 60_000, ...config } as AppConfig);
  const index = countingIndex();
  engine.swap(index as unknown as SearchIndex);
  return { engine, index };
}

const request: SearchRequest = { q: '公积金', page: 1, pageSize: 10 };

afterEach(() => jest.useRealTimers());

describe('SearchEngine.search (held result pages)', () => {
  it('answers a repeated request from the held page until the index changes, then searches again', async () => {
    const { engine, index } = engineWith({});
    const first = await engine.search(request);
    expect(await engine.search({ ...request })).toBe(first);
    expect(await engine.search({ ...request, page: 2 })).not.toBe(first);
    expect(index.searches).toBe(2);
    engine.changed();
    const after = await engine.search(request);
    expect(after).not.toBe(first);
    expect(after.total).toBe(3);
  });

  it('holds nothing when off, nor a search fixed to another day', async () => {
    const off = engineWith({ SEARCH_CACHE_SIZE: 0 });
    await off.engine.search(request);
    await off.engine.search(request);
    expect(off.index.searches).toBe(2);
    const { engine, index } = engineWith({});
    await engine.search({ ...request, now: '2024-06-01' });
    await engine.search({ ...request, now: '2024-06-01' });
    expect(index.searches).toBe(2);
  });

  it('keys by the day: the recency prior counts days', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T23:59:59Z'), doNotFake: ['nextTick', 'queueMicrotask'] });
    const { engine, index } = engineWith({});
    await engine.search(request);
    await engine.search(request);
    jest.setSystemTime(new Date('2026-12-08T00:00:01Z'));
    await engine.search(request);
    expect(index.searches).toBe(2);
  });

  it('on OpenSearch, holds no page searched before a change can be visible (its refresh), and holds later ones', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T08:00:00Z'), doNotFake: ['nextTick', 'queueMicrotask'] });
    const { engine, index } = engineWith({ OPENSEARCH_URL: 'http://127.0.0.1:9200' });
    await engine.search(request);
    await engine.search(request);
    expect(index.searches).toBe(2); // swap() was a change a moment ago
    jest.setSystemTime(Date.now() + OPENSEARCH_VISIBLE_AFTER_MS);
    const held = await engine.search(request);
    expect(await engine.search(request)).toBe(held);
    expect(index.searches).toBe(3);
  });
});
