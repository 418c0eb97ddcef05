import { eventually, queryRows } from '@govdisc/testing';
import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { type Stack, startStack } from './stack.js';

// Issue 14 item 4: kill -9 of notify-svc in the middle of a policy fan-out loses nothing and duplicates
// nothing. Many small batches (one transaction each) make the kill land mid-batch.
const SUBSCRIBERS = 40_000;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ appEnv: () => ({ 'notify-svc': { FANOUT_BATCH_SIZE: '200' } }) });
  await queryRows(
    stack.databaseUrl,
    `INSERT INTO notify.subscription (id, subscriber_sub, kind, value, terms)
     SELECT gen_random_uuid(), 'kill-' || lpad(i::text, 6, '0'), 'agency', '江东市人力资源和社会保障局', '{}'::text[] FROM generate_series(1, $1::int) i`,
    [SUBSCRIBERS],
  );
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const counts = async (eventId: string) =>
  (
    await queryRows<{ total: number; people: number }>(
      stack.databaseUrl,
      'SELECT count(*)::int AS total, count(DISTINCT recipient_sub)::int AS people FROM notify.notification WHERE event_id = $1 AND recipient_sub IS NOT NULL',
      [eventId],
    )
  )[0]!;

test('kill -9 mid fan-out, restart: every subscriber has exactly one notice', async () => {
  const event = {
    id: randomUUID(),
    type: 'policy.document.published',
    version: 1,
    time: new Date().toISOString(),
    source: 'e2e',
    correlationId: 'kill-9',
    payload: {
      documentId: randomUUID(),
      docNumber: '江人社发〔2026〕5号',
      title: '江东市就业见习补贴实施办法',
      agency: '江东市人力资源和社会保障局',
      publishedAt: new Date().toISOString(),
      version: 1,
    },
  };
  await jetstream(stack.nc).publish(event.type, JSON.stringify(event), { msgID: event.id });
  const before = await eventually(async () => {
    const c = await counts(event.id);
    expect(c.total).toBeGreaterThan(2_000);
    return c;
  });
  const notify = stack.apps['notify-svc'];
  await notify.stop('SIGKILL');
  const atKill = await counts(event.id);
  expect(atKill.total).toBeGreaterThanOrEqual(before.total);
  expect(atKill.total).toBeLessThan(SUBSCRIBERS); // killed in the middle
  await new Promise((r) => setTimeout(r, 1_000)); // nothing moves while it is down
  expect(await counts(event.id)).toEqual(atKill);

  await notify.start(60_000);
  await eventually(async () => expect(await counts(event.id)).toEqual({ total: SUBSCRIBERS, people: SUBSCRIBERS }), { timeoutMs: 60_000 });
  const [job] = await queryRows<{ status: string; recipients: number }>(
    stack.databaseUrl,
    'SELECT status, recipients FROM notify.policy_fanout WHERE event_id = $1',
    [event.id],
  );
  expect(job).toEqual({ status: 'DONE', recipients: SUBSCRIBERS });
});
