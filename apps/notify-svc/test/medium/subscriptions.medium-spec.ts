import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type Actor, DEFAULT_NOTIFICATION_PREFERENCES, MAX_SUBSCRIPTIONS_PER_PERSON, Role } from '@govdisc/contracts';
import { type MediumEnv, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { SubscriptionService } from '../../src/subscription/subscription.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let subs: SubscriptionService;

const zhang: Actor = { sub: 'sub-zhang', roles: [Role.Citizen] };
const li: Actor = { sub: 'sub-li', roles: [Role.Citizen] };
const firm: Actor = { sub: 'sub-firm', roles: [Role.Enterprise] };

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify-subscriptions', schema: 'notify', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'notify' })));
  subs = app.get(SubscriptionService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test('a person subscribes to a topic, an agency, a region and a saved search, and sees only their own', async () => {
  const topic = await subs.create(zhang, { kind: 'topic', value: 'housing-fund' });
  expect(topic).toMatchObject({ kind: 'topic', value: 'housing-fund', label: '住房公积金' });
  await subs.create(zhang, { kind: 'agency', value: '江东市 人民政府' });
  await subs.create(zhang, { kind: 'region', value: '江城区' });
  const query = await subs.create(zhang, { kind: 'query', value: '公积金   提取' });
  expect(query.value).toBe('公积金 提取');
  await subs.create(firm, { kind: 'topic', value: 'enterprise-support' });

  const mine = await subs.list(zhang);
  expect(mine.limit).toBe(50);
  expect(mine.items.map((s) => `${s.kind}:${s.value}`)).toEqual([
    'topic:housing-fund',
    'agency:江东市人民政府',
    'region:江城区',
    'query:公积金 提取',
  ]);
  expect((await subs.list(li)).items).toEqual([]);
  const [row] = await queryRows<{ terms: string[] }>(env.databaseUrl, "SELECT terms FROM notify.subscription WHERE kind = 'query'");
  expect(row!.terms).toEqual(['公积金', '提取']);
});

test('bad subscriptions are refused with stable codes: unknown topic, empty search, the same one twice', async () => {
  await expect(subs.create(li, { kind: 'topic', value: 'lottery' })).rejects.toMatchObject({
    code: 'NOTIFY_SUBSCRIPTION_TOPIC_UNKNOWN',
    message: expect.stringContaining('没有这个主题'),
  });
  await expect(subs.create(li, { kind: 'query', value: '的 了 。' })).rejects.toMatchObject({ code: 'NOTIFY_SUBSCRIPTION_QUERY_EMPTY' });
  await subs.create(li, { kind: 'topic', value: 'tax' });
  await expect(subs.create(li, { kind: 'topic', value: 'tax' })).rejects.toMatchObject({ code: 'NOTIFY_SUBSCRIPTION_DUPLICATE' });
});

test(`nobody holds more than ${MAX_SUBSCRIPTIONS_PER_PERSON} subscriptions, even when creating them in parallel`, async () => {
  const heavy: Actor = { sub: 'sub-heavy', roles: [Role.Citizen] };
  const results = await Promise.allSettled(
    Array.from({ length: MAX_SUBSCRIPTIONS_PER_PERSON + 5 }, (_, i) => subs.create(heavy, { kind: 'agency', value: `江东市第${i}局` })),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(MAX_SUBSCRIPTIONS_PER_PERSON);
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(Array(5).fill('NOTIFY_SUBSCRIPTION_LIMIT_REACHED'));
});

test("deleting another person's subscription answers not found and leaves it; the owner can delete it", async () => {
  const [mine] = (await subs.list(zhang)).items;
  await expect(subs.delete(li, mine!.id)).rejects.toMatchObject({ code: 'NOTIFY_SUBSCRIPTION_NOT_FOUND' });
  expect(await subs.delete(zhang, mine!.id)).toEqual({ id: mine!.id, deleted: true });
  await expect(subs.delete(zhang, mine!.id)).rejects.toMatchObject({ code: 'NOTIFY_SUBSCRIPTION_NOT_FOUND' });
});

test('preferences: defaults, saved and read back per person; a channel without its contact is refused', async () => {
  expect(await subs.preferences(li)).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
  const wanted = {
    channels: { inbox: true, email: true, sms: true, wechat: false },
    email: 'Li@Example.com',
    phone: '13800138000',
    wechatOpenId: null,
    quietHours: { start: '22:00', end: '07:30' },
    digestHour: 8,
    optedOut: false,
  };
  expect(await subs.savePreferences(li, wanted)).toEqual({ ...wanted, email: 'li@example.com' });
  expect(await subs.preferences(li)).toEqual({ ...wanted, email: 'li@example.com' });
  expect(await subs.preferences(zhang)).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
  await expect(subs.savePreferences(zhang, { ...wanted, channels: { ...wanted.channels, wechat: true } })).rejects.toMatchObject({
    code: 'NOTIFY_PREFERENCES_CONTACT_MISSING',
    details: { channels: ['wechat'] },
  });
});
