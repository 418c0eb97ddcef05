import { eventually } from '@govdisc/testing';
import { type Stack, serviceApps, startStack } from '../e2e/stack.js';
import { mixedTraffic, storedSubmissions, submittedEventsSettled } from './traffic.js';

// Two replicas of every service (one NATS queue group each); one replica of each is killed with SIGKILL in the middle
// of mixed traffic. The other replica takes the traffic; clients see at worst a clear 503/504 for requests the killed
// one held; every acknowledged submission is stored, the outbox rows the killed replica had claimed go out once their
// claim lapses, and notify-svc applies every event once (JetStream redelivers what the killed one had not acknowledged).
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    replicas: serviceApps,
    gatewayEnv: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000', RPC_TIMEOUT_MS: '3000' },
  });
});

afterAll(async () => {
  await stack?.stop();
});

test('kill -9 of one of two replicas of each service under load: the other takes the traffic, nothing acknowledged is lost', async () => {
  const started = Date.now();
  let killedAt = 0;
  const traffic = mixedTraffic(stack, {
    workers: 6,
    until: () => killedAt > 0 && Date.now() - started > killedAt + 6_000,
    label: '副本故障',
  });
  await eventually(
    () => {
      if (Date.now() - started < 3_000) throw new Error('traffic still warming up');
    },
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  killedAt = Date.now() - started;
  await Promise.all(serviceApps.map((name) => stack.apps[name].stop('SIGKILL')));
  const seen = await traffic;

  const stored = await storedSubmissions(stack.databaseUrl, '副本故障', seen);
  // A claim of the killed relay lapses after 30 s (claimMs) and a delivery it had not acknowledged comes back after
  // ack_wait (30 s): the wait covers both.
  const events = await submittedEventsSettled(stack.databaseUrl, 90_000);
  const survivors = Object.values(stack.replicas).map((app) => app.running);

  console.log(
    `one replica of each service killed at ${killedAt} ms: submitted ${seen.acknowledged.length} / found ${stored.found} / ` +
      `duplicated ${stored.duplicates.length} (acknowledged after a 504 ${seen.ackedAfterTimeout.length}); ` +
      `events sent ${events.sent}, applied ${events.applied}; answers ${JSON.stringify(seen.byStatus)}, abandoned ${seen.abandoned}; ` +
      `outbox and consumer caught up ${Date.now() - started - killedAt} ms after the kill`,
  );
  expect(survivors).toEqual(serviceApps.map(() => true));
  expect(seen.acknowledged.length).toBeGreaterThan(5);
  expect(stored.found).toBe(seen.acknowledged.length);
  // Strict, a retry after a gateway 504 included (the service answers it with the request stored under its key).
  expect(stored.duplicates).toEqual([]);
  expect(seen.unclear).toEqual([]);
  expect(events.sent).toBe(stored.rows);
  expect(events.applied).toBe(events.sent);
});
