import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type Actor, documentPublished, documentRepealed, type MessageContext, Role } from '@govdisc/contracts';
import {
  type MediumEnv,
  type TestSmtpServer,
  eventually,
  prepareMediumEnv,
  queryRows,
  startMediumApp,
  startTestSmtpServer,
} from '@govdisc/testing';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { SubscriptionService } from '../../src/subscription/subscription.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let smtp: TestSmtpServer;
let app: INestApplication;
let subs: SubscriptionService;
const ctx: MessageContext = { source: 'policy-svc', correlationId: 'medium-push' };

const person = (sub: string): Actor => ({ sub, roles: [Role.Citizen] });
const none = { inbox: true, email: false, sms: false, wechat: false };
const prefs = (p: Partial<Parameters<SubscriptionService['savePreferences']>[1]>) => ({
  channels: none,
  email: null,
  phone: null,
  wechatOpenId: null,
  quietHours: null,
  digestHour: null,
  optedOut: false,
  ...p,
});

const published = (p: { title: string; agency?: string; region?: string; topicCodes?: string[]; summary?: string; version?: number }) =>
  documentPublished.make(
    {
      documentId: randomUUID(),
      docNumber: '江政发〔2026〕9号',
      agency: p.agency ?? '江东市人民政府',
      publishedAt: new Date().toISOString(),
      version: p.version ?? 1,
      ...p,
    },
    ctx,
  );

async function publish(envelope: { type: string }) {
  await jetstream(env.nc).publish(env.naming.subject(envelope.type), JSON.stringify(envelope), { msgID: randomUUID() });
}

/** Personal notices of an event (the admins' own "新政策发布" notice is a role notice, not a push). */
const inboxOf = async (eventId: string) =>
  (
    await queryRows<{ recipient_sub: string }>(
      env.databaseUrl,
      'SELECT recipient_sub FROM notify.notification WHERE event_id = $1 AND recipient_sub IS NOT NULL ORDER BY recipient_sub',
      [eventId],
    )
  ).map((r) => r.recipient_sub);
const fanoutDone = (eventId: string) =>
  eventually(async () => {
    const [job] = await queryRows<{ status: string }>(env.databaseUrl, 'SELECT status FROM notify.policy_fanout WHERE event_id = $1', [
      eventId,
    ]);
    expect(job?.status).toBe('DONE');
  });

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify-push', schema: 'notify', migrationsDir });
  smtp = await startTestSmtpServer();
  const config = loadAppConfig({
    ...env.env,
    DB_SCHEMA: 'notify',
    SMTP_URL: smtp.url,
    UNSUBSCRIBE_SECRET: 'medium-test-secret-of-at-least-32-chars',
    PUBLIC_BASE_URL: 'https://gov.example.cn',
    EMAIL_POLL_INTERVAL_MS: '100',
    FANOUT_BATCH_SIZE: '2', // several batches even for a handful of subscribers
  });
  app = await startMediumApp(AppModule.forRoot(config));
  subs = app.get(SubscriptionService);
  await subs.create(person('s-topic'), { kind: 'topic', value: 'housing-fund' });
  await subs.create(person('s-agency'), { kind: 'agency', value: '江东市住房公积金管理中心' });
  await subs.create(person('s-region'), { kind: 'region', value: '江城区' });
  await subs.create(person('s-query'), { kind: 'query', value: '公积金 提取' });
  await subs.create(person('s-synonym'), { kind: 'query', value: '医保' });
  await subs.create(person('s-two'), { kind: 'topic', value: 'housing-fund' });
  await subs.create(person('s-two'), { kind: 'query', value: '公积金' });
  await subs.create(person('s-other'), { kind: 'topic', value: 'education' });
  await subs.create(person('s-other'), { kind: 'query', value: '公积金 贷款' });
  await subs.create(person('s-email'), { kind: 'topic', value: 'housing-fund' });
  await subs.savePreferences(person('s-email'), prefs({ channels: { ...none, email: true }, email: 'zhao@example.com' }));
  await subs.create(person('s-quiet'), { kind: 'topic', value: 'housing-fund' });
  const now = new Date(Date.now() + 8 * 3600_000); // Asia/Shanghai wall clock
  const hhmm = (d: Date) => d.toISOString().slice(11, 16);
  // Quiet from an hour ago to two hours from now (Shanghai time): the email waits for the end.
  await subs.savePreferences(
    person('s-quiet'),
    prefs({
      channels: { ...none, email: true },
      email: 'quiet@example.com',
      quietHours: { start: hhmm(new Date(now.getTime() - 3600_000)), end: hhmm(new Date(now.getTime() + 2 * 3600_000)) },
    }),
  );
  await subs.create(person('s-digest'), { kind: 'topic', value: 'housing-fund' });
  await subs.savePreferences(person('s-digest'), prefs({ digestHour: 8 }));
  await subs.create(person('s-optout'), { kind: 'topic', value: 'housing-fund' });
  await subs.savePreferences(person('s-optout'), prefs({ optedOut: true }));
});

afterAll(async () => {
  await app?.close();
  await smtp?.stop();
  await env?.cleanup();
});

test('a published policy reaches exactly the matching subscribers, once each, however many of their subscriptions match', async () => {
  const e = published({
    title: '江东市住房公积金提取管理办法',
    agency: '江东市住房公积金管理中心',
    region: '江城区',
    topicCodes: ['housing-fund'],
    summary: '规范住房公积金提取，职工基本医疗保险个人账户另行规定。',
  });
  await publish(e);
  await publish(e); // redelivered
  await fanoutDone(e.id);
  expect(await inboxOf(e.id)).toEqual(['s-agency', 's-email', 's-query', 's-quiet', 's-region', 's-synonym', 's-topic', 's-two']);
  const [title] = await queryRows<{ title: string; body: string }>(
    env.databaseUrl,
    "SELECT title, body FROM notify.notification WHERE event_id = $1 AND recipient_sub = 's-topic'",
    [e.id],
  );
  expect(title).toEqual({
    title: '政策推送：江东市住房公积金提取管理办法',
    body: expect.stringContaining('江东市住房公积金管理中心 江政发〔2026〕9号：新发布《江东市住房公积金提取管理办法》'),
  });
  // The digest reader gets a digest line instead; the opted-out person nothing at all.
  expect(await queryRows(env.databaseUrl, 'SELECT subscriber_sub FROM notify.digest_item WHERE event_id = $1', [e.id])).toEqual([
    { subscriber_sub: 's-digest' },
  ]);
});

test('email goes out at once outside quiet hours, with the one-click unsubscribe headers; inside them it waits for their end', async () => {
  const e = published({ title: '江东市住房公积金缴存基数调整通知', topicCodes: ['housing-fund'] });
  await publish(e);
  const mail = await eventually(async () => {
    const m = smtp.received.find((r) => r.rcptTo.includes('zhao@example.com') && r.parsed.subject?.includes('缴存基数'));
    expect(m).toBeDefined();
    return m!;
  });
  expect(mail.parsed.subject).toBe('政策推送：江东市住房公积金缴存基数调整通知');
  expect(mail.parsed.text).toContain('退订链接');
  expect(mail.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  const [quiet] = await queryRows<{ status: string; wait_min: number }>(
    env.databaseUrl,
    "SELECT status, (extract(epoch FROM next_attempt_at - now()) / 60)::int AS wait_min FROM notify.email_delivery WHERE address = 'quiet@example.com' AND event_id = $1",
    [e.id],
  );
  expect(quiet!.status).toBe('PENDING');
  expect(quiet!.wait_min).toBeGreaterThanOrEqual(100);
  expect(quiet!.wait_min).toBeLessThanOrEqual(121);
  expect(smtp.received.some((r) => r.rcptTo.includes('quiet@example.com'))).toBe(false);
});

test('repealing a policy tells its subscribers; the same version re-published (a reclassification) pushes nothing again', async () => {
  const first = published({ title: '江东市公积金贷款办法', topicCodes: ['housing-fund'], version: 3 });
  await publish(first);
  await fanoutDone(first.id);
  const again = documentPublished.make({ ...first.payload }, ctx);
  await publish(again);
  const repealed = documentRepealed.make(
    {
      documentId: first.payload.documentId,
      externalId: null,
      title: first.payload.title,
      version: 4,
      byDocumentId: null,
      at: new Date().toISOString(),
      topicCodes: ['housing-fund'],
    },
    ctx,
  );
  await publish(repealed);
  await fanoutDone(repealed.id);
  expect(await inboxOf(again.id)).toEqual([]);
  expect(await inboxOf(first.id)).toContain('s-other'); // 公积金 贷款 matches this one
  const [n] = await queryRows<{ title: string }>(
    env.databaseUrl,
    "SELECT title FROM notify.notification WHERE event_id = $1 AND recipient_sub = 's-topic'",
    [repealed.id],
  );
  expect(n!.title).toBe('政策废止提醒：江东市公积金贷款办法');
});

test('unsubscribing by the email link covers policy pushes too and switches the email channel off', async () => {
  const link = /token=([\w.-]+)/.exec(
    smtp.received.find((r) => r.rcptTo.includes('zhao@example.com'))!.raw.replace(/\r?\n[ \t]+/g, ''),
  )![1]!;
  const { UnsubscribeService } = await import('../../src/email/unsubscribe.service.js');
  await app.get(UnsubscribeService).unsubscribe(link);
  expect((await subs.preferences(person('s-email'))).channels.email).toBe(false);
  const e = published({ title: '江东市住房公积金异地转移接续办法', topicCodes: ['housing-fund'] });
  await publish(e);
  await fanoutDone(e.id);
  expect(await inboxOf(e.id)).toContain('s-email');
  expect(
    await queryRows(env.databaseUrl, "SELECT 1 FROM notify.email_delivery WHERE event_id = $1 AND address = 'zhao@example.com'", [e.id]),
  ).toEqual([]);
});

test('a digest reader gets one daily message listing the pushes that arrived before their hour, once a day', async () => {
  const hour = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(11, 13)); // Shanghai's current hour
  await subs.savePreferences(person('s-digest'), prefs({ digestHour: hour }));
  // The pushes of the earlier tests arrived "before today's hour"; one more after it waits for tomorrow.
  await queryRows(env.databaseUrl, "UPDATE notify.digest_item SET created_at = date_trunc('hour', now()) - interval '1 minute'");
  const late = published({ title: '江东市公积金新政（晚到）', topicCodes: ['housing-fund'] });
  await publish(late);
  await fanoutDone(late.id);
  const { DigestSender } = await import('../../src/push/digest-sender.service.js');
  const sender = app.get(DigestSender);
  expect(await sender.runOnce()).toBe(1);
  expect(await sender.runOnce()).toBe(0);
  const rows = await queryRows<{ title: string; body: string }>(
    env.databaseUrl,
    "SELECT title, body FROM notify.notification WHERE recipient_sub = 's-digest'",
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]!.title).toBe('政策推送每日汇总（5 条）');
  expect(rows[0]!.body).toContain('· 政策推送：江东市住房公积金提取管理办法');
  expect(rows[0]!.body).not.toContain('晚到');
  expect(
    await queryRows(env.databaseUrl, "SELECT 1 FROM notify.digest_item WHERE subscriber_sub = 's-digest' AND digested_at IS NULL"),
  ).toHaveLength(1);
});
