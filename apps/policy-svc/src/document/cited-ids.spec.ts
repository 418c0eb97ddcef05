import { CitedIds } from './cited-ids.js';

const settle = () => new Promise((res) => setImmediate(res));

/** A set asked of a fake service whose answer the test changes; the clock is the test's. */
function cited(ttlMs = 30_000) {
  const clock = { now: 1_000_000 };
  const service = { ids: ['doc-a', 'policy-b'], asked: 0, fail: false };
  const set = new CitedIds(
    async () => {
      service.asked++;
      if (service.fail) throw new Error('no responders');
      return [...service.ids];
    },
    ttlMs,
    () => clock.now,
  );
  return { set, clock, service };
}

test('unknown until the first set arrives, then by id or externalId', async () => {
  const { set, service } = cited();
  expect(set.cites({ id: 'doc-x', externalId: null })).toBeUndefined();
  await settle();
  expect(service.asked).toBe(1);
  expect(set.cites({ id: 'doc-a', externalId: null })).toBe(true);
  expect(set.cites({ id: 'doc-b', externalId: 'policy-b' })).toBe(true);
  expect(set.cites({ id: 'doc-x', externalId: 'policy-x' })).toBe(false);
  expect(service.asked).toBe(1);
});

test('a document that starts being cited is seen once the set is older than its time to live', async () => {
  const { set, clock, service } = cited();
  set.cites({ id: 'doc-x', externalId: null });
  await settle();
  service.ids.push('doc-x');
  clock.now += 29_999;
  expect(set.cites({ id: 'doc-x', externalId: null })).toBe(false); // the set asked 29.999 s ago, as the cache holds answers
  clock.now += 1;
  expect(set.cites({ id: 'doc-x', externalId: null })).toBeUndefined(); // expired: the caller asks per document
  await settle();
  expect(set.cites({ id: 'doc-x', externalId: null })).toBe(true);
  expect(service.asked).toBe(2);
});

test('a service that cannot answer leaves every document to the per-document lookup, asked again after the time to live', async () => {
  const { set, clock, service } = cited();
  service.fail = true;
  expect(set.cites({ id: 'doc-a', externalId: null })).toBeUndefined();
  await settle();
  expect(set.cites({ id: 'doc-a', externalId: null })).toBeUndefined();
  await settle();
  expect(service.asked).toBe(1);
  service.fail = false;
  clock.now += 30_000;
  set.cites({ id: 'doc-a', externalId: null });
  await settle();
  expect(set.cites({ id: 'doc-a', externalId: null })).toBe(true);
  expect(service.asked).toBe(2);
});

test('one question at a time, and clear() forgets the set', async () => {
  const { set, service } = cited();
  set.cites({ id: 'doc-a', externalId: null });
  set.cites({ id: 'doc-a', externalId: null });
  await settle();
  expect(service.asked).toBe(1);
  set.clear();
  expect(set.cites({ id: 'doc-a', externalId: null })).toBeUndefined();
  await settle();
  expect(service.asked).toBe(2);
});
