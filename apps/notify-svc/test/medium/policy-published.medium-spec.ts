import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { documentPublished } from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { POLICY_PUBLISHED_CONSUMER } from '../../src/notification/policy-published.consumer.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication | undefined;

const startApp = () => startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'notify' })));

function event(title: string) {
  return documentPublished.make(
    {
      documentId: randomUUID(),
      docNumber: '江政发〔2024〕3号',
      title,
      agency: '江东市人民政府',
      publishedAt: new Date().toISOString(),
      version: 2,
    },
    { source: 'policy-svc', correlationId: randomUUID() },
  );
}

/** Publishes raw bytes; distinct Nats-Msg-Ids model a redelivery after the stream's dedup window. */
async function publish(body: string) {
  await jetstream(env.nc).publish(env.naming.subject(documentPublished.type), body, { msgID: randomUUID() });
}

const notificationsFor = (eventId: string) =>
  queryRows(env.databaseUrl, 'SELECT id FROM notify.notification WHERE event_id = $1', [eventId]);
const allNotifications = () => queryRows(env.databaseUrl, 'SELECT id FROM notify.notification');

async function consumerIdle() {
  const jsm = await jetstreamManager(env.nc);
  await eventually(async () => {
    const info = await jsm.consumers.info(env.naming.stream('POLICY_EVENTS'), POLICY_PUBLISHED_CONSUMER);
    expect(info.num_pending).toBe(0);
    expect(info.num_ack_pending).toBe(0);
  });
}

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify', schema: 'notify', migrationsDir });
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test('the same event delivered twice produces exactly one notification', async () => {
  const e = event('江东市人才引进购房补贴实施细则');
  await publish(JSON.stringify(e));
  await publish(JSON.stringify(e));
  await consumerIdle();
  expect(await notificationsFor(e.id)).toHaveLength(1);
  const [row] = await queryRows<{ title: string }>(env.databaseUrl, 'SELECT title FROM notify.notification WHERE event_id = $1', [e.id]);
  expect(row!.title).toContain('江东市人才引进购房补贴实施细则');
});

test('malformed messages are rejected without any change, and the consumer keeps going', async () => {
  const before = (await allNotifications()).length;
  await publish('this is not json');
  await publish(JSON.stringify({ ...event('x'), payload: { title: 42 } }));
  await publish(JSON.stringify({ hello: 'world' }));
  const good = event('婴幼儿托育补贴发放办法');
  await publish(JSON.stringify(good));
  await eventually(async () => expect(await notificationsFor(good.id)).toHaveLength(1));
  await consumerIdle();
  expect((await allNotifications()).length).toBe(before + 1);
});

test('events published while the consumer is down are processed once after it restarts', async () => {
  await app!.close();
  app = undefined;
  const whileDown = event('残疾人两项补贴管理办法');
  await publish(JSON.stringify(whileDown));
  app = await startApp();
  await eventually(async () => expect(await notificationsFor(whileDown.id)).toHaveLength(1));
  await consumerIdle();
  const counts = await queryRows<{ n: string }>(
    env.databaseUrl,
    'SELECT count(*) AS n FROM notify.notification GROUP BY event_id HAVING count(*) > 1',
  );
  expect(counts).toHaveLength(0);
});
