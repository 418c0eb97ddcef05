import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { documentPublished, Role } from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { SubscriptionService } from '../../src/subscription/subscription.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;

const prefs = (p: { phone?: string; wechatOpenId?: string }) => ({
  channels: { inbox: true, email: false, sms: !!p.phone, wechat: !!p.wechatOpenId },
  email: null,
  phone: p.phone ?? null,
  wechatOpenId: p.wechatOpenId ?? null,
  quietHours: null,
  digestHour: null,
  optedOut: false,
});

type Row = {
  recipient_sub: string;
  channel: string;
  address: string;
  status: string;
  attempts: number;
  provider: string;
  provider_message_id: string | null;
  last_error: string | null;
  title: string;
  id: string;
};
const log = (eventId: string) =>
  queryRows<Row>(
    env.databaseUrl,
    'SELECT id, recipient_sub, channel, address, status, attempts, provider, provider_message_id, last_error, title FROM notify.channel_delivery WHERE event_id = $1 ORDER BY recipient_sub, channel',
    [eventId],
  );

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify-channels', schema: 'notify', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'notify', CHANNEL_POLL_INTERVAL_MS: '100' })));
  const subs = app.get(SubscriptionService);
  for (const [sub, p] of [
    ['c-both', { phone: '13800138000', wechatOpenId: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1' }],
    ['c-sms', { phone: '13900139000' }],
    ['c-badid', { wechatOpenId: 'bad id' }],
  ] as const) {
    await subs.create({ sub, roles: [Role.Citizen] }, { kind: 'topic', value: 'social-insurance' });
    await subs.savePreferences({ sub, roles: [Role.Citizen] }, prefs(p));
  }
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test('SMS and WeChat pushes go through their providers once each, and the delivery log records provider, id or error', async () => {
  const e = documentPublished.make(
    {
      documentId: randomUUID(),
      docNumber: null,
      title: '江东市城乡居民养老保险实施办法',
      agency: '江东市人力资源和社会保障局',
      publishedAt: new Date().toISOString(),
      version: 1,
      topicCodes: ['social-insurance'],
    },
    { source: 'policy-svc', correlationId: 'medium-channels' },
  );
  for (let i = 0; i < 2; i++) await jetstream(env.nc).publish(env.naming.subject(e.type), JSON.stringify(e), { msgID: randomUUID() });
  const rows = await eventually(async () => {
    const r = await log(e.id);
    expect(r.map((x) => x.status)).toEqual(['FAILED', 'SENT', 'SENT', 'SENT']);
    return r;
  });
  expect(
    rows.map(({ recipient_sub, channel, address, attempts, provider }) => ({ recipient_sub, channel, address, attempts, provider })),
  ).toEqual([
    { recipient_sub: 'c-badid', channel: 'wechat', address: 'bad id', attempts: 1, provider: 'log' },
    { recipient_sub: 'c-both', channel: 'sms', address: '13800138000', attempts: 1, provider: 'log' },
    { recipient_sub: 'c-both', channel: 'wechat', address: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1', attempts: 1, provider: 'log' },
    { recipient_sub: 'c-sms', channel: 'sms', address: '13900139000', attempts: 1, provider: 'log' },
  ]);
  expect(rows[0]!.last_error).toContain('not a valid OpenID');
  expect(rows[1]!.provider_message_id).toBe(`log-sms-${rows[1]!.id}`);
  expect(rows[1]!.title).toBe('政策推送：江东市城乡居民养老保险实施办法');
});

test('admins see each delivery (masked address, status, attempts, last error) and per-channel numbers, also at /metrics', async () => {
  const { DeliveryLogService } = await import('../../src/delivery-log/delivery-log.service.js');
  const { metricsRegistry } = await import('@govdisc/service-kit');
  const deliveries = app.get(DeliveryLogService);
  const failed = await deliveries.page({ page: 1, pageSize: 10, channel: 'wechat', status: 'FAILED' });
  expect(failed.total).toBe(1);
  expect(failed.items[0]).toMatchObject({
    channel: 'wechat',
    to: '***',
    status: 'FAILED',
    attempts: 1,
    provider: 'log',
    lastError: expect.stringContaining('OpenID'),
  });
  const sms = await deliveries.page({ page: 1, pageSize: 10, channel: 'sms' });
  expect(sms.items.map((d) => d.to).sort()).toEqual(['138****8000', '139****9000']);
  const { channels } = await deliveries.metrics();
  const by = Object.fromEntries(channels.map((c) => [c.channel, c]));
  expect(by.sms).toMatchObject({ sent: 2, failed: 0, retrying: 0, pending: 0, lagSeconds: 0 });
  expect(by.wechat).toMatchObject({ sent: 1, failed: 1 });
  expect(by.inbox!.sent).toBeGreaterThanOrEqual(3);
  const text = await metricsRegistry.metrics();
  expect(text).toContain('govdisc_notify_deliveries{channel="sms",state="sent"} 2');
  expect(text).toContain('govdisc_notify_deliveries{channel="wechat",state="failed"} 1');
  expect(text).toMatch(/govdisc_notify_delivery_lag_seconds\{channel="email"\} 0/);
});
