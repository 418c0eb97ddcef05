import { SlidingWindowThrottlerStorage } from './sliding-window-storage.js';

const MINUTE = 60_000;

function storageAt(start: number) {
  const clock = { now: start };
  const storage = new SlidingWindowThrottlerStorage(() => clock.now);
  return { storage, clock };
}

test('allows up to the limit in a window, then blocks with a retry time', async () => {
  const { storage } = storageAt(1_000_000);
  for (let i = 1; i <= 5; i++) expect(storage.increment('ip:1', MINUTE, 5, 0, 'default')).toMatchObject({ totalHits: i, isBlocked: false });
  const refused = storage.increment('ip:1', MINUTE, 5, 0, 'default');
  expect(refused.isBlocked).toBe(true);
  expect(refused.timeToBlockExpire).toBeGreaterThanOrEqual(1);
  expect(refused.timeToBlockExpire).toBeLessThanOrEqual(120); // a full window must also slide partly out of the next one
  storage.onModuleDestroy();
});

test('clients and throttlers are counted apart', async () => {
  const { storage } = storageAt(0);
  for (let i = 0; i < 3; i++) storage.increment('ip:1', MINUTE, 3, 0, 'default');
  expect(storage.increment('ip:1', MINUTE, 3, 0, 'default').isBlocked).toBe(true);
  expect(storage.increment('ip:2', MINUTE, 3, 0, 'default').isBlocked).toBe(false);
  expect(storage.increment('ip:1', MINUTE, 3, 0, 'submit').isBlocked).toBe(false);
  storage.onModuleDestroy();
});

test('the previous window still counts for the part of it inside the sliding window', async () => {
  const { storage, clock } = storageAt(0);
  for (let i = 0; i < 10; i++) storage.increment('k', MINUTE, 10, 0, 'default');
  clock.now = MINUTE + MINUTE / 2; // half of the previous window's 10 hits still count
  const r = storage.increment('k', MINUTE, 10, 0, 'default');
  expect(r).toMatchObject({ totalHits: 6, isBlocked: false });
  clock.now = 3 * MINUTE; // two windows later nothing counts
  expect(storage.increment('k', MINUTE, 10, 0, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
  storage.onModuleDestroy();
});

test('a blocked client is let in again once the window has slid far enough', async () => {
  const { storage, clock } = storageAt(0);
  for (let i = 0; i < 4; i++) storage.increment('k', MINUTE, 4, 0, 'default');
  const refused = storage.increment('k', MINUTE, 4, 0, 'default');
  expect(refused.isBlocked).toBe(true);
  clock.now += refused.timeToBlockExpire * 1000;
  expect(storage.increment('k', MINUTE, 4, 0, 'default').isBlocked).toBe(false);
  storage.onModuleDestroy();
});

test('counts exactly at benchmark volumes (200,000 hits in one window), where the default storage filtered every hit per request', async () => {
  const { storage } = storageAt(0);
  for (let i = 0; i < 200_000; i++) storage.increment('k', MINUTE, 1_000_000, 0, 'default');
  expect(storage.increment('k', MINUTE, 1_000_000, 0, 'default').totalHits).toBe(200_001);
  storage.onModuleDestroy();
});
