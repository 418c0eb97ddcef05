import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { documentPublished, type MessageContext, requestSubmitted } from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { FanoutWorker } from '../../src/push/fanout-worker.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const SUBSCRIBERS = 10_000;
let env: MediumEnv;
let app: INestApplication;
const ctx: MessageContext = { source: 'policy-svc', correlationId: 'medium-fanout' };

async function publish(envelope: { type: string }) {
  await jetstream(env.nc).publish(env.naming.subject(envelope.type), JSON.stringify(envelope), { msgID: randomUUID() });
}
const policy = () =>
  documentPublished.make(
    {
      documentId: randomUUID(),
      docNumber: null,
      title: '江东市就业补贴申领办法',
      agency: '江东市人力资源和社会保障局',
      publishedAt: new Date().toISOString(),
      version: 1,
      topicCodes: ['employment'],
    },
    ctx,
  );
const counts = async (eventId: string) =>
  (
    await queryRows<{ total: number; people: number }>(
      env.databaseUrl,
      'SELECT count(*)::int AS total, count(DISTINCT recipient_sub)::int AS people FROM notify.notification WHERE event_id = $1 AND recipient_sub IS NOT NULL',
      [eventId],
    )
  )[0]!;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify-fanout', schema: 'notify', migrationsDir });
  // Small batches and a slow poll: the fan-out takes many statements, so other work must interleave.
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'notify', FANOUT_BATCH_SIZE: '100' })));
  await queryRows(
    env.databaseUrl,
    `INSERT INTO notify.subscription (id, subscriber_sub, kind, value, terms)
     SELECT gen_random_uuid(), 'p' || lpad(i::text, 5, '0'), 'topic', 'employment', '{}'::text[] FROM generate_series(1, $1::int) i`,
    [SUBSCRIBERS],
  );
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test('a fan-out reaches every subscriber once, and a disclosure notice arriving meanwhile is not held up by it', async () => {
  const e = policy();
  await publish(e);
  await eventually(async () => expect((await counts(e.id)).total).toBeGreaterThan(0));
  const notice = requestSubmitted.make(
    {
      requestNumber: '2026-000777',
      agency: '江东市人民政府',
      department: null,
      trackingCode: 'FANOUT777TRK',
      submittedOn: '2026-06-01',
      receiptDate: null,
      applicant: { sub: 'applicant-777', email: null },
    },
    { source: 'disclosure-request-svc', correlationId: 'medium-fanout' },
  );
  await publish(notice);
  await eventually(async () =>
    expect(await queryRows(env.databaseUrl, 'SELECT 1 FROM notify.notification WHERE event_id = $1', [notice.id])).toHaveLength(1),
  );
  // The notice is in while the fan-out is still running: it did not wait for the job.
  const [job] = await queryRows<{ status: string }>(env.databaseUrl, 'SELECT status FROM notify.policy_fanout WHERE event_id = $1', [e.id]);
  expect(job!.status).not.toBe('DONE');
  await eventually(async () => expect(await counts(e.id)).toEqual({ total: SUBSCRIBERS, people: SUBSCRIBERS }), { timeoutMs: 30_000 });
});

test('a batch redone after a crash (cursor back where the last commit left it) duplicates nothing', async () => {
  const e = policy();
  await publish(e);
  const job = async () =>
    (
      await queryRows<{ status: string; cursor: string }>(
        env.databaseUrl,
        'SELECT status, cursor FROM notify.policy_fanout WHERE event_id = $1',
        [e.id],
      )
    )[0];
  // Wait for the job itself to finish, not only for its last inserts: the empty batch that marks it DONE comes after.
  await eventually(async () => expect(await job()).toEqual({ status: 'DONE', cursor: `p${SUBSCRIBERS}` }), { timeoutMs: 30_000 });
  expect(await counts(e.id)).toEqual({ total: SUBSCRIBERS, people: SUBSCRIBERS });
  // As if the process died after its inserts but before a later batch committed: rewind the job.
  await queryRows(
    env.databaseUrl,
    "UPDATE notify.policy_fanout SET status = 'RUNNING', cursor = 'p03000', done_at = NULL WHERE event_id = $1",
    [e.id],
  );
  // The service's own loop may take the job first (SKIP LOCKED then hands this call nothing), so run until it is done.
  await eventually(
    async () => {
      await app.get(FanoutWorker).runOnce();
      expect(await job()).toEqual({ status: 'DONE', cursor: `p${SUBSCRIBERS}` });
    },
    { timeoutMs: 30_000 },
  );
  expect(await counts(e.id)).toEqual({ total: SUBSCRIBERS, people: SUBSCRIBERS });
});
