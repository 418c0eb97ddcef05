import { type TestSmtpServer, eventually, startTestSmtpServer } from '@govdisc/testing';
import { bearer, tokenFor } from './auth.js';
import { publishedPolicy } from './publishing.js';
import { type Stack, api, startStack } from './stack.js';

// Issue 14 (政策推送): subscriptions through the gateway → a policy published by the four-eyes flow → the
// subscribers' inboxes and email, and nobody else's.
let stack: Stack;
let smtp: TestSmtpServer;
const as: Record<string, Record<string, string>> = {};
const USERS = ['citizen1', 'citizen2', 'enterprise1', 'editor1', 'reviewer1', 'officer-edu', 'admin1'] as const;
const citizenEmail = 'li.hua@example.com';

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({
    appEnv: ({ gatewayUrl }) => ({
      'notify-svc': {
        SMTP_URL: smtp.url,
        UNSUBSCRIBE_SECRET: 'e2e-unsubscribe-secret-0123456789abcdef',
        PUBLIC_BASE_URL: gatewayUrl,
        EMAIL_POLL_INTERVAL_MS: '200',
      },
    }),
  });
  for (const u of USERS) as[u] = bearer(await tokenFor(stack.issuerUrl, u));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await smtp?.stop();
});

const pushes = async (user: (typeof USERS)[number], title: string) => {
  const res = await api(stack, 'GET', '/notifications?pageSize=100', undefined, as[user]);
  expect(res.status).toBe(200);
  return (res.json.items as Array<{ title: string }>).filter((n) => n.title === `政策推送：${title}`);
};

test('citizens and enterprises manage their own subscriptions and preferences; bad input is a 4xx with a Chinese message', async () => {
  const topic = await api(stack, 'POST', '/subscriptions', { kind: 'topic', value: 'lottery' }, as.citizen1);
  expect([topic.status, topic.json.code]).toEqual([422, 'NOTIFY_SUBSCRIPTION_TOPIC_UNKNOWN']);
  expect(topic.json.message).toContain('主题');
  const kind = await api(stack, 'POST', '/subscriptions', { kind: 'keyword', value: '公积金' }, as.citizen1);
  expect([kind.status, kind.json.code]).toEqual([400, 'VALIDATION_FAILED']);
  const staff = await api(stack, 'POST', '/subscriptions', { kind: 'topic', value: 'tax' }, as['officer-edu']);
  expect(staff.status).toBe(403);
  expect((await api(stack, 'GET', '/subscriptions')).status).toBe(401);

  const mine = await api(stack, 'POST', '/subscriptions', { kind: 'agency', value: '江东市住房公积金管理中心' }, as.citizen1);
  expect([mine.status, mine.json.label]).toEqual([201, '江东市住房公积金管理中心']);
  const again = await api(stack, 'POST', '/subscriptions', { kind: 'agency', value: '江东市住房公积金管理中心' }, as.citizen1);
  expect([again.status, again.json.code]).toEqual([409, 'NOTIFY_SUBSCRIPTION_DUPLICATE']);
  expect((await api(stack, 'POST', '/subscriptions', { kind: 'query', value: '公积金 提取' }, as.enterprise1)).status).toBe(201);
  expect((await api(stack, 'POST', '/subscriptions', { kind: 'agency', value: '江东市教育局' }, as.citizen2)).status).toBe(201);
  // Nobody deletes another person's subscription.
  const theirs = await api(stack, 'DELETE', `/subscriptions/${mine.json.id}`, undefined, as.citizen2);
  expect([theirs.status, theirs.json.code]).toEqual([404, 'NOTIFY_SUBSCRIPTION_NOT_FOUND']);
  expect((await api(stack, 'GET', '/subscriptions', undefined, as.citizen1)).json.items).toHaveLength(1);

  const noContact = {
    channels: { inbox: true, email: true, sms: false, wechat: false },
    email: null,
    phone: null,
    wechatOpenId: null,
    quietHours: null,
    digestHour: null,
    optedOut: false,
  };
  const refused = await api(stack, 'PUT', '/notification-preferences', noContact, as.citizen1);
  expect([refused.status, refused.json.code]).toEqual([422, 'NOTIFY_PREFERENCES_CONTACT_MISSING']);
  const badHour = await api(
    stack,
    'PUT',
    '/notification-preferences',
    { ...noContact, email: citizenEmail, quietHours: { start: '25:00', end: '07:00' } },
    as.citizen1,
  );
  expect([badHour.status, badHour.json.code]).toEqual([400, 'VALIDATION_FAILED']);
  const saved = await api(stack, 'PUT', '/notification-preferences', { ...noContact, email: citizenEmail }, as.citizen1);
  expect([saved.status, saved.json.channels.email, saved.json.email]).toEqual([200, true, citizenEmail]);
  expect((await api(stack, 'GET', '/notification-preferences', undefined, as.citizen2)).json.channels).toEqual({
    inbox: true,
    email: false,
    sms: false,
    wechat: false,
  });
});

test('a policy published by the four-eyes flow reaches its subscribers (inbox and email) and nobody else', async () => {
  const title = '江东市住房公积金提取管理办法（2026年修订）';
  await publishedPolicy(
    stack,
    { editor: as.editor1!, reviewer: as.reviewer1! },
    {
      title,
      docNumber: '江公积金发〔2026〕2号',
      agency: '江东市住房公积金管理中心',
      body: '为规范住房公积金提取管理，保障缴存职工合法权益，制定本办法。\n第一条 ……',
    },
  );
  await eventually(async () => expect(await pushes('citizen1', title)).toHaveLength(1), { timeoutMs: 20_000 });
  await eventually(async () => expect(await pushes('enterprise1', title)).toHaveLength(1)); // its saved search 公积金 提取
  const mail = await eventually(async () => {
    const to = smtp.received.filter((m) => m.rcptTo.includes(citizenEmail));
    expect(to).toHaveLength(1);
    return to[0]!;
  });
  expect(mail.parsed.subject).toBe(`政策推送：${title}`);
  expect(mail.parsed.text).toContain('江东市住房公积金管理中心 江公积金发〔2026〕2号：新发布');
  expect(mail.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  for (const other of ['citizen2', 'officer-edu', 'editor1', 'reviewer1', 'admin1'] as const)
    expect(await pushes(other, title)).toEqual([]);
  expect(smtp.received.every((m) => m.rcptTo.every((to) => to === citizenEmail))).toBe(true);

  // The admins' delivery log shows the email, masked.
  const log = await api(stack, 'GET', '/notifications/deliveries?channel=email', undefined, as.admin1);
  expect(log.status).toBe(200);
  expect(log.json.items).toEqual([
    expect.objectContaining({ to: 'li***@example.com', status: 'SENT', attempts: 1, subject: `政策推送：${title}` }),
  ]);
  expect((await api(stack, 'GET', '/notifications/deliveries', undefined, as.citizen1)).status).toBe(403);
  const metrics = await api(stack, 'GET', '/notifications/channel-metrics', undefined, as.admin1);
  expect(metrics.json.channels).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'email', sent: 1, failed: 0 })]));
});
