import { type PrivatePostgres, eventually, queryRows, startPrivatePostgres } from '@govdisc/testing';
import { type Stack, startStack } from '../e2e/stack.js';
import { mixedTraffic, storedSubmissions, submittedEventsSettled } from './traffic.js';

// A private PostgreSQL server (Debian's binaries, initdb in a temp dir) restarted with `pg_ctl restart -m fast` in the
// middle of mixed traffic: every session of every service is cut. Services must reconnect by themselves, every
// acknowledged submission must be stored once with its timeline and its event (no half-written request), the outbox
// must drain and notify-svc apply each event once; clients see at worst a clear 503/504 while the server is away.
let postgres: PrivatePostgres;
let stack: Stack;

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  stack = await startStack({
    adminDatabaseUrl: postgres.adminUrl,
    gatewayEnv: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000', RPC_TIMEOUT_MS: '3000' },
  });
});

afterAll(async () => {
  await stack?.stop();
  await postgres?.stop();
});

test('PostgreSQL restarted mid-traffic: services reconnect, nothing acknowledged lost or half-written, the outbox drains', async () => {
  const started = Date.now();
  let restartedAt = 0;
  const traffic = mixedTraffic(stack, {
    workers: 6,
    until: () => restartedAt > 0 && Date.now() - started > restartedAt + 6_000,
    label: '库重启',
  });
  await eventually(
    () => {
      if (Date.now() - started < 3_000) throw new Error('traffic still warming up');
    },
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  restartedAt = Date.now() - started;
  await postgres.restart();
  const restartMs = Date.now() - started - restartedAt;
  const seen = await traffic;

  const db = stack.databaseUrl;
  // Half-written: a request without its timeline entry or without exactly one submission event in the outbox.
  const rows = await queryRows<{ description: string; n: number; timeline: number; events: number }>(
    db,
    `SELECT r.description, count(*)::int AS n,
            min((SELECT count(*) FROM disclosure.timeline_entry t WHERE t.request_id = r.id))::int AS timeline,
            min((SELECT count(*) FROM disclosure.outbox_event o WHERE o.type = 'disclosure.request.submitted'
                   AND o.envelope->'payload'->>'requestNumber' = r.request_number))::int AS events
       FROM disclosure.disclosure_request r WHERE r.description LIKE '库重启%' GROUP BY r.description`,
  );
  const stored = await storedSubmissions(db, '库重启', seen);
  const halfWritten = rows.filter((r) => r.timeline < 1 || r.events !== 1).map((r) => r.description);
  const events = await submittedEventsSettled(db);
  // Every service answers again after the restart (each one's /ready checks its database).
  const ready = await Promise.all(Object.values(stack.apps).map(async (a) => (await fetch(a.readyUrl)).status));

  console.log(
    `PostgreSQL restarted at ${restartedAt} ms (down ${restartMs} ms): submitted ${seen.acknowledged.length} / found ${stored.found} / ` +
      `duplicated ${stored.duplicates.length} (acknowledged after a 504 ${seen.ackedAfterTimeout.length}) / half-written ${halfWritten.length}; events sent ${events.sent}, applied ${events.applied}; ` +
      `answers ${JSON.stringify(seen.byStatus)}, abandoned ${seen.abandoned}`,
  );
  // What answered an unclear status: the apps' logged unexpected errors, for the failure report.
  if (seen.unclear.length)
    for (const app of Object.values(stack.apps)) {
      const lines = app.output
        .join('')
        .split('\n')
        .filter((l) => l.includes('unexpected error'));
      if (lines.length) console.log(`${app.name}:\n${lines.slice(0, 3).join('\n')}`);
    }
  expect(seen.acknowledged.length).toBeGreaterThan(5);
  expect(stored.found).toBe(seen.acknowledged.length);
  // Strict, a retry after a gateway 504 included: the service keeps the key with the request and answers the retry with it.
  expect(stored.duplicates).toEqual([]);
  expect(halfWritten).toEqual([]);
  expect(seen.unclear).toEqual([]);
  expect(events.sent).toBe(stored.rows);
  expect(events.applied).toBe(events.sent);
  expect(ready.every((s) => s === 200)).toBe(true);
});
