import { type TestSmtpServer, eventually, startTestSmtpServer } from '@govdisc/testing';
import { bearer, tokenFor } from './auth.js';
import { type Stack, api, startStack } from './stack.js';

// Issue 14: every notice reaches its own recipient only — the applicant's inbox and email, the
// assigned department's officers — over the real stack, with a real SMTP server receiving the email.
let stack: Stack;
let smtp: TestSmtpServer;
const as: Record<string, Record<string, string>> = {};
const USERS = ['citizen1', 'citizen2', 'enterprise1', 'officer-edu', 'officer-hr', 'gio1', 'admin1'] as const;
const contactEmail = 'wang.xiaoming@example.com';

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

interface Notice {
  id: string;
  title: string;
  body: string;
  read: boolean;
}
async function inbox(user: (typeof USERS)[number]): Promise<{ items: Notice[]; unread: number; total: number }> {
  const res = await api(stack, 'GET', '/notifications?pageSize=100', undefined, as[user]);
  expect(res.status).toBe(200);
  return res.json;
}
const about = async (user: (typeof USERS)[number], requestNumber: string) =>
  (await inbox(user)).items.filter((n) => n.title.includes(requestNumber));

let requestNumber: string;
let trackingCode: string;
let received: Notice;

test('a citizen who submits a request sees "已收到" in their own inbox and receives the email; nobody else sees it', async () => {
  const submitted = await api(
    stack,
    'POST',
    '/disclosure-requests',
    {
      applicant: {
        type: 'NATURAL_PERSON',
        name: '王小明',
        idType: 'RESIDENT_ID',
        idNumber: '11010519491231002X',
        phone: '13912345678',
        email: contactEmail,
      },
      channel: 'ONLINE',
      description: '江东市2025年义务教育学校经费使用情况',
      deliveryForm: 'EMAIL',
    },
    as.citizen1,
  );
  expect(submitted.status).toBe(201);
  ({ requestNumber, trackingCode } = submitted.json);

  received = await eventually(async () => {
    const mine = await about('citizen1', requestNumber);
    expect(mine).toHaveLength(1);
    return mine[0]!;
  });
  expect(received.title).toBe(`已收到您的政府信息公开申请（${requestNumber}）`);
  expect(received.body).toContain(`查询码 ${trackingCode}`);
  expect(received.read).toBe(false);

  const mail = await eventually(async () => {
    const to = smtp.received.filter((m) => m.rcptTo.includes(contactEmail));
    expect(to).toHaveLength(1);
    return to[0]!;
  });
  expect(mail.parsed.to).toMatchObject({ value: [{ address: contactEmail }] });
  expect(mail.parsed.subject).toBe(`已收到您的政府信息公开申请（${requestNumber}）`);
  expect(mail.parsed.text).toContain(`查询码 ${trackingCode}`);
  const headers = mail.raw.replace(/\r?\n[ \t]+/g, ' ');
  expect(headers).toMatch(
    new RegExp(`^List-Unsubscribe: <${stack.gatewayUrl}/api/v1/notifications/unsubscribe\\?token=[\\w.-]+>\\r?$`, 'm'),
  );
  expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);

  for (const other of ['citizen2', 'enterprise1', 'officer-edu', 'officer-hr', 'admin1'] as const) {
    expect(await about(other, requestNumber)).toEqual([]);
  }
  // Someone else's notice answers like an unknown id, and stays unread for its owner.
  for (const other of ['citizen2', 'officer-edu', 'admin1'] as const) {
    const res = await api(stack, 'POST', `/notifications/${received.id}/read`, undefined, as[other]);
    expect([res.status, res.json.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
  }
  expect((await about('citizen1', requestNumber))[0]?.read).toBe(false);
  const anonymous = await api(stack, 'GET', '/notifications');
  expect(anonymous.status).toBe(401);
});

test("a department's notice reaches officer-edu and not officer-hr; the applicant hears it is being handled", async () => {
  for (const action of [{ type: 'CONFIRM_RECEIPT' }, { type: 'ACCEPT', department: 'edu' }]) {
    const res = await api(stack, 'POST', `/disclosure-requests/${requestNumber}/actions`, { action }, as.gio1);
    expect(res.status).toBe(200);
  }
  await eventually(async () =>
    expect((await about('officer-edu', requestNumber)).map((n) => n.title)).toEqual([`新分派的政府信息公开申请（${requestNumber}）`]),
  );
  await eventually(async () => expect(await about('citizen1', requestNumber)).toHaveLength(3)); // 已收到, 已登记受理, 正在办理
  expect((await about('citizen1', requestNumber)).map((n) => n.title)).toEqual(
    expect.arrayContaining([`您的申请已登记受理（${requestNumber}）`, `您的申请正在办理（${requestNumber}）`]),
  );
  for (const other of ['officer-hr', 'citizen2', 'enterprise1'] as const) expect(await about(other, requestNumber)).toEqual([]);
  await eventually(async () => expect(smtp.received.filter((m) => m.rcptTo.includes(contactEmail))).toHaveLength(3));
});

test('mark one read, then all: the unread count follows, per person', async () => {
  const before = await inbox('citizen1');
  expect(before.unread).toBe(3);
  const one = await api(stack, 'POST', `/notifications/${received.id}/read`, undefined, as.citizen1);
  expect(one.status).toBe(200);
  expect(one.json).toEqual({ id: received.id, read: true, unread: 2 });
  const unreadOnly = await api(stack, 'GET', '/notifications?unreadOnly=true', undefined, as.citizen1);
  expect(unreadOnly.json).toMatchObject({ total: 2, unread: 2 });
  const all = await api(stack, 'POST', '/notifications/read-all', undefined, as.citizen1);
  expect([all.status, all.json]).toEqual([200, { marked: 2, unread: 0 }]);
  expect((await inbox('citizen1')).unread).toBe(0);
  // officer-edu's department notice is still unread for them.
  expect((await inbox('officer-edu')).unread).toBe(1);
  const bad = await api(stack, 'POST', '/notifications/not-a-uuid/read', undefined, as.citizen1);
  expect([bad.status, bad.json.code]).toEqual([400, 'VALIDATION_FAILED']);
});

test('one-click unsubscribe (RFC 8058) by POST without signing in stops the email; the inbox goes on', async () => {
  const mail = smtp.received.find((m) => m.rcptTo.includes(contactEmail))!;
  const link = /^List-Unsubscribe: <([^>]+)>/m.exec(mail.raw.replace(/\r?\n[ \t]+/g, ' '))![1]!;
  const scanned = await fetch(link); // a link scanner's GET changes nothing
  expect(scanned.status).toBe(404);
  const forged = await fetch(link.replace(/token=[^&]+/, 'token=eyJ2IjoxfQ.Zm9yZ2Vk'), {
    method: 'POST',
    body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
  });
  expect(forged.status).toBe(400);
  expect(((await forged.json()) as { code: string }).code).toBe('NOTIFY_UNSUBSCRIBE_TOKEN_INVALID');
  const res = await fetch(link, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ unsubscribed: true });

  const reply = {
    type: 'REPLY',
    outcome: 'DISCLOSED',
    content: { text: '经审查，您申请的信息予以公开，见随答复提供的文件。', enclosures: ['经费使用情况.pdf'] },
  };
  expect((await api(stack, 'POST', `/disclosure-requests/${requestNumber}/actions`, { action: reply }, as.gio1)).status).toBe(200);
  await eventually(async () =>
    expect((await about('citizen1', requestNumber)).map((n) => n.title)).toContain(`您的申请已答复（${requestNumber}）`),
  );
  await new Promise((r) => setTimeout(r, 1_000)); // several sender rounds
  expect(smtp.received.filter((m) => m.rcptTo.includes(contactEmail))).toHaveLength(3);
});
