import { type BruteForcePolicy, LoginFailures } from './login-failures.js';

const policy: BruteForcePolicy = {
  bruteForceProtected: true,
  failureFactor: 3,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 150,
  maxDeltaTimeSeconds: 3_600,
  quickLoginCheckMilliSeconds: 1_000,
  minimumQuickLoginWaitSeconds: 30,
};

function detectorAt(start = 1_000_000, p = policy) {
  const clock = { now: start };
  return { clock, failures: new LoginFailures(p, () => clock.now) };
}

/** Failures spaced wider than the quick-login check, as a person typing would. */
function failSlowly(d: ReturnType<typeof detectorAt>, key: string, n: number) {
  for (let i = 0; i < n; i++) {
    d.clock.now += 2_000;
    d.failures.failure(key);
  }
}

test('failureFactor failures lock for waitIncrementSeconds; fewer do not', () => {
  const d = detectorAt();
  failSlowly(d, 'u', 2);
  expect(d.failures.lockedForSeconds('u')).toBe(0);
  failSlowly(d, 'u', 1);
  expect(d.failures.lockedForSeconds('u')).toBe(60);
  d.clock.now += 59_000;
  expect(d.failures.lockedForSeconds('u')).toBe(1);
  d.clock.now += 1_000;
  expect(d.failures.lockedForSeconds('u')).toBe(0); // temporary: never permanent
});

test('each further multiple of failureFactor waits one increment longer, up to maxFailureWaitSeconds', () => {
  const d = detectorAt();
  const waits: number[] = [];
  for (let round = 0; round < 4; round++) {
    failSlowly(d, 'u', 3);
    waits.push(d.failures.lockedForSeconds('u'));
    d.clock.now += waits[round]! * 1000; // sit the lockout out
  }
  expect(waits).toEqual([60, 120, 150, 150]);
});

test('failures reset after maxDeltaTimeSeconds without one', () => {
  const d = detectorAt();
  failSlowly(d, 'u', 2);
  d.clock.now += 3_601_000;
  failSlowly(d, 'u', 2);
  expect(d.failures.lockedForSeconds('u')).toBe(0);
  failSlowly(d, 'u', 1);
  expect(d.failures.lockedForSeconds('u')).toBe(60);
});

test('two failures within quickLoginCheckMilliSeconds lock for minimumQuickLoginWaitSeconds (a script, not a person)', () => {
  const d = detectorAt();
  d.failures.failure('u');
  d.clock.now += 200;
  d.failures.failure('u');
  expect(d.failures.lockedForSeconds('u')).toBe(30);
});

test('a success clears the count; keys are counted apart; off when the realm does not protect', () => {
  const d = detectorAt();
  failSlowly(d, 'u', 2);
  d.failures.success('u');
  failSlowly(d, 'u', 2);
  expect(d.failures.lockedForSeconds('u')).toBe(0);
  failSlowly(d, 'v', 3);
  expect(d.failures.lockedForSeconds('v')).toBe(60);
  expect(d.failures.lockedForSeconds('u')).toBe(0);
  const off = detectorAt(0, { ...policy, bruteForceProtected: false });
  failSlowly(off, 'u', 30);
  expect(off.failures.lockedForSeconds('u')).toBe(0);
});

test('memory stays bounded under a flood of keys', () => {
  const clock = { now: 0 };
  const failures = new LoginFailures(policy, () => clock.now, 100);
  for (let i = 0; i < 10_000; i++) failures.failure(`address:${i}`);
  expect((failures as unknown as { records: Map<string, unknown> }).records.size).toBe(100);
});
