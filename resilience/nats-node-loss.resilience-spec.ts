import { jetstreamManager } from '@nats-io/jetstream';
import { type PrivateNatsCluster, eventually, startNatsCluster } from '@govdisc/testing';
import { type Stack, startStack } from '../e2e/stack.js';
import { mixedTraffic, storedSubmissions, submittedEventsSettled } from './traffic.js';

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

  const stored = await storedSubmissions(stack.databaseUrl, '节点故障', seen);
  // The outbox drains and notify-svc applies each submitted event once (processed_event's key forbids a second time).
  const events = await submittedEventsSettled(stack.databaseUrl);
  const onStream = (await jsm.streams.info('DISCLOSURE_EVENTS', { subjects_filter: 'disclosure.request.submitted' })).state.subjects?.[
    'disclosure.request.submitted'
  ];

  console.log(
    `NATS node lost at ${killedAt} ms: submitted ${seen.acknowledged.length} / found ${stored.found} / duplicated ${stored.duplicates.length}; ` +
      `events sent ${events.sent}, on the stream ${onStream}, applied ${events.applied}; answers ${JSON.stringify(seen.byStatus)}, ` +
      `abandoned ${seen.abandoned}`,
  );
  expect(seen.acknowledged.length).toBeGreaterThan(10);
  expect(stored.found).toBe(seen.acknowledged.length);
  expect(stored.duplicates).toEqual([]);
  expect(seen.unclear).toEqual([]);
  expect(events.sent).toBe(stored.rows);
  expect(onStream).toBe(events.sent);
  expect(events.applied).toBe(events.sent);
});
