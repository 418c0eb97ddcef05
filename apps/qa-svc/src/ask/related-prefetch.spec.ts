import type { QaIndexService } from './qa-index.service.js';
import { RELATED_TTL_MS, type RelatedLookup, type RelatedSource } from './related-lookup.js';
import { RelatedPrefetch } from './related-prefetch.js';

const pair = (id: string, version = 1): RelatedSource => ({ id, version, question: `问题 ${id}`, sourcePolicyId: null, citations: [] });

function setup(ids = ['a', 'b', 'c']) {
  const index = { generation: 1, pairs: ids.map((id) => pair(id)) };
  const calls: string[] = [];
  const load = { inFlight: 0, max: 0 };
  let failOn: string | null = null;
  const related = {
    prefetch: async (p: RelatedSource, opts: { refresh?: boolean }) => {
      calls.push(`${p.id}@${p.version}${opts.refresh ? ' refresh' : ''}`);
      load.inFlight += 1;
      load.max = Math.max(load.max, load.inFlight);
      await new Promise((resolve) => setImmediate(resolve)); // a real lookup yields: others may start meanwhile
      load.inFlight -= 1;
      return p.id !== failOn;
    },
  };
  const qaIndex = {
    get generation() {
      return index.generation;
    },
    publicPairs: () => index.pairs.values(),
  };
  const sut = new RelatedPrefetch(qaIndex as unknown as QaIndexService, related as unknown as RelatedLookup);
  return { sut, index, calls, load, fail: (id: string | null) => (failOn = id) };
}

test('looks up every public pair once, then only new and changed ones when the index moves', async () => {
  const { sut, index, calls } = setup();
  const t0 = Date.now();
  await sut.check(t0);
  expect(calls.sort()).toEqual(['a@1', 'b@1', 'c@1']);
  await sut.check(t0 + 1_000); // nothing changed
  expect(calls).toHaveLength(3);
  index.pairs = [pair('a'), pair('b', 2), pair('d')];
  index.generation++;
  await sut.check(t0 + 2_000);
  expect(calls.slice(3).sort()).toEqual(['b@2', 'd@1']);
});

test('a failed lookup stops the round (a service is away); the next round starts a minute later', async () => {
  const { sut, calls, fail } = setup();
  fail('a');
  const t0 = Date.now();
  await sut.check(t0);
  expect(calls.sort()).toEqual(['a@1', 'b@1']); // stopped early: the two in flight and nothing after (c never asked)
  fail(null);
  const afterFailure = calls.length;
  await sut.check(t0 + 2_000);
  expect(calls).toHaveLength(afterFailure); // not yet
  await sut.check(t0 + 60_000);
  expect(calls.filter((c) => c === 'a@1')).toHaveLength(2);
  expect(new Set(calls)).toEqual(new Set(['a@1', 'b@1', 'c@1']));
});

test('at most two lookups in flight, and a failure stops the round after them', async () => {
  const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
  const { sut, calls, load } = setup(ids);
  await sut.check(Date.now());
  expect(load.max).toBe(2); // background work: two at once, never more (and not one at a time either)
  expect(calls).toHaveLength(12);

  const failing = setup(ids);
  failing.fail('p0');
  await failing.sut.check(Date.now());
  expect(failing.load.max).toBeLessThanOrEqual(2);
  expect(failing.calls.length).toBeLessThanOrEqual(2); // p0 failed while p1 was in flight; p2… never started
});

test('looks everything up again, as a refresh, before the cached items expire', async () => {
  const { sut, calls } = setup();
  const t0 = Date.now();
  await sut.check(t0);
  await sut.check(t0 + RELATED_TTL_MS / 2);
  expect(calls.slice(3).sort()).toEqual(['a@1 refresh', 'b@1 refresh', 'c@1 refresh']);
});
