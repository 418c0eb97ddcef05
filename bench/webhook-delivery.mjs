#!/usr/bin/env node
// Department webhook delivery latency (issue 14 item 4): from the disclosure event's JetStream publish
// ack to the signed POST arriving at a live receiver (which verifies it with `standardwebhooks`).
// Starts notify-svc from its build on a private nats-server and a fresh database, registers endpoints
// for department edu, then publishes `disclosure.request.assigned` events at a steady rate.
//   node bench/webhook-delivery.mjs [--events 300] [--rate 10] [--endpoints 2]
// Target: p95 ≤ 1 s with the default poll interval (500 ms; the sender is also woken after each event).
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import { AppProcess, createTestDatabase, freePort, queryRows, startPrivateNats, startTestWebhookReceiver } from '@govdisc/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => Number(args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const EVENTS = opt('--events', 300);
const RATE = opt('--rate', 10);
const ENDPOINTS = opt('--endpoints', 2);

const [nats, db, receiver] = await Promise.all([startPrivateNats(), createTestDatabase('bench_webhooks'), startTestWebhookReceiver()]);
const nc = await connect({ servers: nats.url, name: 'bench-webhooks' });
await applyBusLayout(nc, new BusNaming(''));
const port = await freePort();
const app = new AppProcess(
  'notify-svc',
  join(root, 'apps/notify-svc/dist/main.js'),
  { DATABASE_URL: db.url, NATS_URL: nats.url, LOG_LEVEL: 'warn', HTTP_PORT: String(port), WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' },
  `http://127.0.0.1:${port}/ready`,
);
try {
  await app.start(60_000);
  // Endpoints straight into notify-svc's table (the bench measures delivery, not management).
  for (let i = 0; i < ENDPOINTS; i++) {
    const secret = `whsec_${Buffer.from(randomUUID()).toString('base64')}`;
    await queryRows(
      db.url,
      `INSERT INTO notify.webhook_endpoint (id, department, url, description, event_types, secret, created_by, updated_at)
       VALUES ($1, 'edu', $2, 'bench', '{}', $3, 'bench', now())`,
      [randomUUID(), `${receiver.url}/ep${i}`, secret],
    );
    receiver.secrets.set(`/ep${i}`, [secret]);
  }

  const js = jetstream(nc);
  const sentAt = new Map();
  const started = Date.now();
  for (let n = 0; n < EVENTS; n++) {
    const due = started + (n * 1000) / RATE;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const envelope = {
      id: randomUUID(),
      type: 'disclosure.request.assigned',
      version: 1,
      time: new Date().toISOString(),
      source: 'bench',
      correlationId: `bench-${n}`,
      payload: {
        requestNumber: `2026-9${String(n).padStart(5, '0')}`,
        agency: '江东市人民政府',
        department: 'edu',
        dueDate: '2026-07-01',
        dueProvisional: false,
      },
    };
    await js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
    sentAt.set(envelope.id, Date.now());
  }
  const expected = EVENTS * ENDPOINTS;
  const deadline = Date.now() + 60_000;
  while (receiver.received.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

  const verified = receiver.received.filter((r) => r.verifiedWith.length > 0);
  const latencies = verified.map((r) => r.at - sentAt.get(r.headers['webhook-id'])).sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  console.log(
    `webhook deliveries: ${verified.length}/${expected} verified (${receiver.received.length} received) — ${EVENTS} events at ${RATE}/s to ${ENDPOINTS} endpoints`,
  );
  console.log(`latency publish-ack → receiver: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)} ms`);
  // Where the time went: event → delivery row committed (the consumer) → POST received (the sender).
  const rows = await queryRows(db.url, 'SELECT event_id::text AS id, created_at FROM notify.webhook_delivery');
  const queuedAt = new Map(rows.map((r) => [r.id, new Date(r.created_at).getTime()]));
  const split = (f) => verified.map(f).sort((a, b) => a - b);
  const p95 = (xs) => xs[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];
  const queued = split((r) => queuedAt.get(r.headers['webhook-id']) - sentAt.get(r.headers['webhook-id']));
  const sending = split((r) => r.at - queuedAt.get(r.headers['webhook-id']));
  console.log(
    `  publish → queued (consumer): p50 ${queued[queued.length >> 1]} ms, p95 ${p95(queued)} ms; queued → received (sender): p50 ${sending[sending.length >> 1]} ms, p95 ${p95(sending)} ms`,
  );
  console.log(`target p95 ≤ 1000 ms: ${pct(95) <= 1000 && verified.length === expected ? 'met' : 'NOT met'}`);
} finally {
  await app.stop();
  await nc.drain();
  await receiver.stop();
  await nats.stop();
  await db.drop();
}
