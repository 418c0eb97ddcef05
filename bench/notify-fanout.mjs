#!/usr/bin/env node
// Policy push fan-out (issue 14, 政策推送): one policy published to N generated subscribers of a topic,
// while disclosure notices keep arriving. Reports the fan-out rate (inbox notifications per second, from the
// event's publish to the job's last batch) and the latency of each disclosure notice sent during the fan-out
// (publish → its inbox row committed). Starts notify-svc from its build on a private nats-server and a fresh
// database; subscribers go straight into notify-svc's table (the bench measures fan-out, not sign-ups).
//   node bench/notify-fanout.mjs [--subscribers 100000] [--notices 30] [--batch 5000]
// Targets: ≥ 2,000 notifications/s; every disclosure notice during the fan-out within 2 s.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import { AppProcess, createTestDatabase, freePort, queryRows, startPrivateNats } from '@govdisc/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => Number(args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const SUBSCRIBERS = opt('--subscribers', 100_000);
const NOTICES = opt('--notices', 30);
const BATCH = opt('--batch', 5_000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const [nats, db] = await Promise.all([startPrivateNats(), createTestDatabase('bench_fanout')]);
const nc = await connect({ servers: nats.url, name: 'bench-fanout' });
await applyBusLayout(nc, new BusNaming(''));
const port = await freePort();
const app = new AppProcess(
  'notify-svc',
  join(root, 'apps/notify-svc/dist/main.js'),
  { DATABASE_URL: db.url, NATS_URL: nats.url, LOG_LEVEL: 'warn', HTTP_PORT: String(port), FANOUT_BATCH_SIZE: String(BATCH) },
  `http://127.0.0.1:${port}/ready`,
);
const envelope = (type, payload) => ({
  id: randomUUID(),
  type,
  version: 1,
  time: new Date().toISOString(),
  source: 'bench',
  correlationId: randomUUID(),
  payload,
});
try {
  await app.start(60_000);
  // Half subscribe to the topic, half to the agency, a tenth to both, plus 10,000 who match nothing.
  await queryRows(
    db.url,
    `INSERT INTO notify.subscription (id, subscriber_sub, kind, value, terms)
     SELECT gen_random_uuid(), 'bench-' || lpad(i::text, 7, '0'), k.kind, k.value, '{}'::text[]
       FROM generate_series(1, $1::int) i
      CROSS JOIN LATERAL (VALUES ('topic', 'housing-fund', i % 2 = 0 OR i % 10 = 1), ('agency', '江东市住房公积金管理中心', i % 2 = 1)) k(kind, value, wanted)
      WHERE k.wanted
     UNION ALL
     SELECT gen_random_uuid(), 'other-' || lpad(i::text, 7, '0'), 'topic', 'education', '{}'::text[] FROM generate_series(1, 10000) i`,
    [SUBSCRIBERS],
  );
  await queryRows(db.url, 'ANALYZE notify.subscription');
  const js = jetstream(nc);
  const policy = envelope('policy.document.published', {
    documentId: randomUUID(),
    docNumber: '江公积金发〔2026〕1号',
    title: '江东市住房公积金提取管理办法',
    agency: '江东市住房公积金管理中心',
    publishedAt: new Date().toISOString(),
    version: 1,
    topicCodes: ['housing-fund'],
  });
  const t0 = Date.now();
  await js.publish(policy.type, JSON.stringify(policy), { msgID: policy.id });

  // Disclosure notices during the fan-out, one every 300 ms, each for its own applicant.
  const notices = [];
  for (let n = 0; n < NOTICES; n++) {
    await sleep(300);
    const e = envelope('disclosure.request.submitted', {
      requestNumber: `2026-8${String(n).padStart(5, '0')}`,
      agency: '江东市人民政府',
      department: null,
      trackingCode: 'BENCHTRACK01',
      submittedOn: '2026-06-01',
      receiptDate: null,
      applicant: { sub: `applicant-${n}`, email: null },
    });
    await js.publish(e.type, JSON.stringify(e), { msgID: e.id });
    notices.push({ id: e.id, sentAt: Date.now() });
  }
  let job;
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; await sleep(100)) {
    [job] = await queryRows(db.url, 'SELECT status, done_at, created_at FROM notify.policy_fanout WHERE event_id = $1', [policy.id]);
    if (job?.status === 'DONE') break;
  }
  const [{ n: inbox }] = await queryRows(
    db.url,
    'SELECT count(*)::int AS n FROM notify.notification WHERE event_id = $1 AND recipient_sub IS NOT NULL',
    [policy.id],
  );
  const [{ n: dupes }] = await queryRows(
    db.url,
    'SELECT count(*)::int AS n FROM (SELECT recipient_sub FROM notify.notification WHERE event_id = $1 GROUP BY 1 HAVING count(*) > 1) d',
    [policy.id],
  );
  const rows = await queryRows(
    db.url,
    'SELECT event_id::text AS id, created_at FROM notify.notification WHERE event_id = ANY($1::uuid[])',
    [notices.map((x) => x.id)],
  );
  const committed = new Map(rows.map((r) => [r.id, new Date(r.created_at).getTime()]));
  const doneAt = new Date(job.done_at).getTime();
  // Only the notices sent while the fan-out was still running count.
  const during = notices.filter((x) => x.sentAt < doneAt);
  const lat = during.map((x) => (committed.has(x.id) ? committed.get(x.id) - x.sentAt : Infinity)).sort((a, b) => a - b);
  const seconds = (doneAt - t0) / 1000;
  const rate = Math.round(inbox / seconds);
  const expected = SUBSCRIBERS; // every bench-* subscriber matches once (topic, agency or both)
  console.log(
    `policy fan-out: ${inbox}/${expected} inbox notifications (${dupes} duplicated) in ${seconds.toFixed(1)} s → ${rate} notifications/s (batch ${BATCH})`,
  );
  console.log(`  job queued → done: ${((doneAt - new Date(job.created_at).getTime()) / 1000).toFixed(1)} s`);
  console.log(
    `disclosure notices: ${rows.length}/${NOTICES} arrived; the ${during.length} sent during the fan-out: publish → inbox p50 ${lat[lat.length >> 1]} ms, max ${lat.at(-1)} ms`,
  );
  const met = inbox === expected && dupes === 0 && rate >= 2000 && lat.at(-1) <= 2000;
  console.log(`targets (≥ 2,000/s, every notice ≤ 2 s, none lost or duplicated): ${met ? 'met' : 'NOT met'}`);
} finally {
  await app.stop();
  await nc.drain();
  await nats.stop();
  await db.drop();
}
