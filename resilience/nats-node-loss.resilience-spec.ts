import { jetstreamManager } from '@nats-io/jetstream';
import { type PrivateNatsCluster, eventually, queryRows, startNatsCluster } from '@govdisc/testing';
import { type Stack, startStack } from '../e2e/stack.js';
import { mixedTraffic } from './traffic.js';

// A 3-node NATS JetStream cluster with every stream replicated three ways; one node is killed (SIGKILL) in the middle
// of mixed traffic. Every acknowledged disclosure submission must be in the database exactly once, its event on the
// stream once, and applied by notify-svc once; clients see at worst a clear 503/504 while the cluster fails over.
let cluster: PrivateNatsCluster;
let stack: Stack;

beforeAll(async () => {
  cluster = await startNatsCluster(3);
  stack = await startStack({
    nats: cluster,
    busReplicas: 3,
    gatewayEnv: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000', RPC_TIMEOUT_MS: '3000' },
  });
});

afterAll(async () => {
  await stack?.stop();
  await cluster?.stop();
});

test('a NATS node lost mid-traffic: nothing acknowledged is lost, nothing applied twice', async () => {
  const jsm = await jetstreamManager(stack.nc);
  expect((await jsm.streams.info('DISCLOSURE_EVENTS')).config.num_replicas).toBe(3);

  const started = Date.now();
  const traffic = mixedTraffic(stack, { workers: 6, until: () => Date.now() - started > 12_000, label: '节点故障' });
  await eventually(
    () => {
      if (Date.now() - started < 4_000) throw new Error('traffic still warming up');
    },
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  await cluster.nodes[0]!.kill();
  const killedAt = Date.now() - started;
  const seen = await traffic;

  const db = stack.databaseUrl;
  const rows = await queryRows<{ description: string; n: number }>(
    db,
    `SELECT description, count(*)::int AS n FROM disclosure.disclosure_request WHERE description LIKE '节点故障%' GROUP BY description`,
  );
  const stored = new Map(rows.map((r) => [r.description, r.n]));
  const found = seen.acknowledged.filter((d) => stored.has(d)).length;
  const duplicated = rows.filter((r) => r.n > 1).length;
  // The outbox drains and notify-svc applies each submitted event once (processed_event's key forbids a second time).
  const events = await eventually(
    async () => {
      const [outbox] = await queryRows<{ unsent: number; sent: number }>(
        db,
        `SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent
           FROM disclosure.outbox_event WHERE type = 'disclosure.request.submitted'`,
      );
      const [applied] = await queryRows<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM notify.processed_event p JOIN disclosure.outbox_event o ON o.id = p.event_id
          WHERE o.type = 'disclosure.request.submitted' AND p.consumer = 'notify-svc__disclosure-request-events'`,
      );
      const state = { unsent: outbox!.unsent, sent: outbox!.sent, applied: applied!.n };
      if (state.unsent > 0 || state.applied !== state.sent) throw new Error(`outbox or consumer behind: ${JSON.stringify(state)}`);
      return state;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  const onStream = (await jsm.streams.info('DISCLOSURE_EVENTS', { subjects_filter: 'disclosure.request.submitted' })).state.subjects?.[
    'disclosure.request.submitted'
  ];

  console.log(
    `NATS node lost at ${killedAt} ms: submitted ${seen.acknowledged.length} / found ${found} / duplicated ${duplicated}; ` +
      `events sent ${events.sent}, on the stream ${onStream}, applied ${events.applied}; answers ${JSON.stringify(seen.byStatus)}, ` +
      `abandoned ${seen.abandoned}`,
  );
  expect(seen.acknowledged.length).toBeGreaterThan(10);
  expect(found).toBe(seen.acknowledged.length);
  expect(duplicated).toBe(0);
  expect(seen.unclear).toEqual([]);
  expect(events.sent).toBe(rows.length);
  expect(onStream).toBe(events.sent);
  expect(events.applied).toBe(events.sent);
});
