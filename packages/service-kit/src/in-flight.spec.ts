import { InFlightTracker } from './in-flight.js';

test('idle() waits for work in progress and reports a timeout', async () => {
  const tracker = new InFlightTracker();
  let release!: () => void;
  const work = tracker.track(() => new Promise<void>((r) => (release = r)));
  expect(tracker.size).toBe(1);
  expect(await tracker.idle(20)).toBe(false);
  const idle = tracker.idle(1_000);
  release();
  await work;
  expect(await idle).toBe(true);
  expect(tracker.size).toBe(0);
});

test('a failing job still leaves the tracker idle', async () => {
  const tracker = new InFlightTracker();
  await expect(tracker.track(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(await tracker.idle(0)).toBe(true);
});
