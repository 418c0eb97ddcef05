import {
  type TestSmtpServer,
  type TestWebhookReceiver,
  eventually,
  queryRows,
  startTestSmtpServer,
  startTestWebhookReceiver,
} from '@govdisc/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { bearer, clientToken, tokenFor } from './auth.js';
import { publishedPair, publishedPolicy } from './publishing.js';
import { type Stack, api, startStack } from './stack.js';

// Issue 14, "done when": every event the issue lists reaches its recipients on every channel that applies, and
// nobody else — one stack (real PostgreSQL, NATS, a real SMTP server, a standardwebhooks-verifying receiver):
//   applicants   (received, 补正, accepted, extended, fee, replied, closed, withdrawn) → inbox, email, SMS, WeChat
//   departments  (assigned, 征求意见, due soon, overdue)                               → inbox, webhook, dept.<d>.… subject
//   editors      (Q&A / guide needs update after a policy change)                     → inbox of the owning department
//   subscribers  (policy published, amended, repealed)                                → inbox, email
// plus the inbox itself (read / read all), one-click unsubscribe, a webhook receiver down for ten minutes, and
// kill -9 of notify-svc in the middle of a fan-out (last: it restarts notify-svc).
// Time-driven notices: the deadline scan runs every 300 ms here (DEADLINE_SCAN_INTERVAL_MS) and the test moves a
// request's stored deadline into the past instead of waiting working days; the webhook retry schedule is the real
// one compressed by WEBHOOK_RETRY_TIME_SCALE.
let stack: Stack;
let smtp: TestSmtpServer;
let receiver: TestWebhookReceiver;
const USERS = [
  'citizen1',
  'citizen2',
  'enterprise1',
  'officer-edu',
  'officer-hr',
  'gio1',
  'admin1',
  'editor1',
  'editor-hr',
  'reviewer1',
] as const;
type User = (typeof USERS)[number];
const as = {} as Record<User | 'dept-system', Record<string, string>>;
/** 0.004: the real schedule's 5 s, 5 min, 30 min … become 20 ms, 1.2 s, 7.2 s …; ten minutes are 2.4 s. */
const TIME_SCALE = 0.004;
const SLOW = { timeoutMs: 30_000 };
const contact = 'wang.xiaoming@example.com';
const pushEmail = 'li.hua@example.com';
const phone = '13812345678';
const openId = 'oCitizen1OpenId_0123456789ab';

beforeAll(async () => {
  [smtp, receiver] = await Promise.all([startTestSmtpServer(), startTestWebhookReceiver()]);
  stack = await startStack({
    appEnv: ({ gatewayUrl }) => ({
      'notify-svc': {
        SMTP_URL: smtp.url,
        UNSUBSCRIBE_SECRET: 'e2e-unsubscribe-secret-0123456789abcdef',
        PUBLIC_BASE_URL: gatewayUrl,
        EMAIL_POLL_INTERVAL_MS: '200',
        CHANNEL_POLL_INTERVAL_MS: '200',
        WEBHOOK_POLL_INTERVAL_MS: '100',
        WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
        WEBHOOK_RETRY_TIME_SCALE: String(TIME_SCALE),
        // Many small batches (one transaction each), so the kill -9 lands in the middle of a fan-out.
        FANOUT_BATCH_SIZE: '200',
      },
      'disclosure-request-svc': { DEADLINE_SCAN_INTERVAL_MS: '300' },
    }),
  });
  for (const u of USERS) as[u] = bearer(await tokenFor(stack.issuerUrl, u));
  as['dept-system'] = bearer(await clientToken(stack.issuerUrl));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all([smtp?.stop(), receiver?.stop()]);
});

interface Notice {
  id: string;
  eventId: string;
  eventType: string;
  title: string;
  body: string;
  read: boolean;
}
async function inbox(user: User, query = ''): Promise<{ items: Notice[]; unread: number; total: number }> {
  const res = await api(stack, 'GET', `/notifications?pageSize=100${query}`, undefined, as[user]);
  expect(res.status).toBe(200);
  return res.json;
}
const titled = async (user: User, title: string) => (await inbox(user)).items.filter((n) => n.title === title);
/** The one notice `user` has with this title (waits for it). */
const noticeOf = (user: User, title: string) =>
  eventually(async () => {
    const found = await titled(user, title);
    expect(found).toHaveLength(1);
    return found[0]!;
  }, SLOW);
/** Who, of everyone, has a notice made from this event. */
async function readersOf(eventId: string): Promise<User[]> {
  const out: User[] = [];
  for (const u of USERS) if ((await inbox(u, `&eventId=${eventId}`)).total > 0) out.push(u);
  return out;
}
const act = async (no: string, action: Record<string, unknown>, who: User = 'gio1') => {
  const res = await api(stack, 'POST', `/disclosure-requests/${no}/actions`, { action }, as[who]);
  expect([action.type, res.status, res.json.code]).toEqual([action.type, 200, undefined]);
  return res.json;
};
const shanghaiDay = (offsetDays = 0) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
/** Time passes for one request: its stored deadline moves; the deadline scan does the rest. */
const setDeadline = (no: string, column: 'due_date' | 'supplement_deadline', day: string) =>
  queryRows(stack.databaseUrl, `UPDATE disclosure.disclosure_request SET ${column} = $1 WHERE request_number = $2`, [day, no]);

/** Messages of a JetStream stream, in stream order. */
async function streamMessages(stream: string) {
  const jsm = await jetstreamManager(stack.nc);
  const info = await jsm.streams.info(stream);
  const out: Array<{ subject: string; envelope: { id: string; causationId?: string; payload: Record<string, unknown> } }> = [];
  for (let seq = info.state.first_seq; info.state.messages > 0 && seq <= info.state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (m) out.push({ subject: m.subject, envelope: m.json() });
  }
  return out;
}

async function submitOnline(who: User, description: string, email = contact) {
  const res = await api(
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
        email,
      },
      channel: 'ONLINE',
      description,
      deliveryForm: 'EMAIL',
    },
    as[who],
  );
  expect(res.status).toBe(201);
  return res.json as { requestNumber: string; trackingCode: string };
}

let eduEndpoint: { id: string; secret: string };
let hrEndpoint: { id: string; secret: string };

test("department systems register their endpoints (edu's own client, hrss by an admin); others are refused with stable codes", async () => {
  const created = await api(
    stack,
    'POST',
    '/webhooks/endpoints',
    { url: `${receiver.url}/edu`, description: '教育局办件系统' },
    as['dept-system'],
  );
  expect([created.status, created.json.department, created.json.enabled]).toEqual([201, 'edu', true]);
  expect(created.json.secret).toMatch(/^whsec_/);
  eduEndpoint = { id: created.json.id, secret: created.json.secret };
  receiver.secrets.set('/edu', [eduEndpoint.secret]);
  const hr = await api(stack, 'POST', '/webhooks/endpoints', { department: 'hrss', url: `${receiver.url}/hr` }, as.admin1);
  expect(hr.status).toBe(201);
  hrEndpoint = { id: hr.json.id, secret: hr.json.secret };
  receiver.secrets.set('/hr', [hrEndpoint.secret]);

  const cases: Array<[User | 'dept-system', unknown, string, number, string]> = [
    ['dept-system', { department: 'hrss', url: `${receiver.url}/x` }, 'another department', 403, 'NOTIFY_WEBHOOK_DEPARTMENT_FORBIDDEN'],
    ['officer-edu', { url: 'ftp://edu.example.gov.cn/hook' }, 'ftp URL', 400, 'NOTIFY_WEBHOOK_URL_INVALID'],
    ['officer-edu', { url: 'edu.example.gov.cn/hook' }, 'relative URL', 400, 'NOTIFY_WEBHOOK_URL_INVALID'],
    ['admin1', { url: `${receiver.url}/x` }, 'admin without department', 400, 'NOTIFY_WEBHOOK_DEPARTMENT_REQUIRED'],
    ['citizen1', { url: `${receiver.url}/x` }, 'citizen', 403, 'FORBIDDEN'],
  ];
  for (const [user, body, why, status, code] of cases) {
    const res = await api(stack, 'POST', '/webhooks/endpoints', body, as[user]);
    expect({ why, status: res.status, code: res.json.code }).toEqual({ why, status, code });
  }
  const other = await api(stack, 'GET', `/webhooks/endpoints/${eduEndpoint.id}`, undefined, as['officer-hr']);
  expect([other.status, other.json.code]).toEqual([404, 'NOTIFY_WEBHOOK_ENDPOINT_NOT_FOUND']);
  const mine = await api(stack, 'GET', '/webhooks/endpoints', undefined, as['officer-edu']);
  expect(mine.json.items.map((e: { id: string }) => e.id)).toEqual([eduEndpoint.id]);
  expect(JSON.stringify(mine.json)).not.toContain('whsec_');
});

test('citizens and enterprises manage their own subscriptions and preferences; bad input is a 4xx with a Chinese message', async () => {
  const topic = await api(stack, 'POST', '/subscriptions', { kind: 'topic', value: 'lottery' }, as.citizen1);
  expect([topic.status, topic.json.code]).toEqual([422, 'NOTIFY_SUBSCRIPTION_TOPIC_UNKNOWN']);
  expect(topic.json.message).toContain('主题');
  const kind = await api(stack, 'POST', '/subscriptions', { kind: 'keyword', value: '公积金' }, as.citizen1);
  expect([kind.status, kind.json.code]).toEqual([400, 'VALIDATION_FAILED']);
  expect((await api(stack, 'POST', '/subscriptions', { kind: 'topic', value: 'tax' }, as['officer-edu'])).status).toBe(403);
  expect((await api(stack, 'GET', '/subscriptions')).status).toBe(401);

  const mine = await api(stack, 'POST', '/subscriptions', { kind: 'agency', value: '江东市住房公积金管理中心' }, as.citizen1);
  expect([mine.status, mine.json.label]).toEqual([201, '江东市住房公积金管理中心']);
  const again = await api(stack, 'POST', '/subscriptions', { kind: 'agency', value: '江东市住房公积金管理中心' }, as.citizen1);
  expect([again.status, again.json.code]).toEqual([409, 'NOTIFY_SUBSCRIPTION_DUPLICATE']);
  expect((await api(stack, 'POST', '/subscriptions', { kind: 'query', value: '公积金 提取' }, as.enterprise1)).status).toBe(201);
  expect((await api(stack, 'POST', '/subscriptions', { kind: 'agency', value: '江东市教育局' }, as.citizen2)).status).toBe(201);
  const theirs = await api(stack, 'DELETE', `/subscriptions/${mine.json.id}`, undefined, as.citizen2);
  expect([theirs.status, theirs.json.code]).toEqual([404, 'NOTIFY_SUBSCRIPTION_NOT_FOUND']);

  const prefs = {
    channels: { inbox: true, email: true, sms: true, wechat: true },
    email: null,
    phone,
    wechatOpenId: openId,
    quietHours: null,
    digestHour: null,
    optedOut: false,
  };
  const refused = await api(stack, 'PUT', '/notification-preferences', prefs, as.citizen1);
  expect([refused.status, refused.json.code]).toEqual([422, 'NOTIFY_PREFERENCES_CONTACT_MISSING']);
  const badHour = await api(
    stack,
    'PUT',
    '/notification-preferences',
    { ...prefs, email: pushEmail, quietHours: { start: '25:00', end: '07:00' } },
    as.citizen1,
  );
  expect([badHour.status, badHour.json.code]).toEqual([400, 'VALIDATION_FAILED']);
  // citizen1 takes every channel: their own requests' notices come by SMS and WeChat too (email goes to the request's contact).
  const saved = await api(stack, 'PUT', '/notification-preferences', { ...prefs, email: pushEmail }, as.citizen1);
  expect([saved.status, saved.json.channels, saved.json.phone]).toEqual([200, prefs.channels, phone]);
  expect((await api(stack, 'GET', '/notification-preferences', undefined, as.citizen2)).json.channels).toEqual({
    inbox: true,
    email: false,
    sms: false,
    wechat: false,
  });
});

// ── applicants ──────────────────────────────────────────────────────────────────────────────────────
/** What each applicant event must say, checked on every channel (filled as the workflow goes). */
const applicantEvents: Array<{ event: string; title: string; says: string[] }> = [];
let r1: { requestNumber: string; trackingCode: string };

test('a citizen who submits a request sees "已收到" in their own inbox, by email, SMS and WeChat; nobody else sees it', async () => {
  r1 = await submitOnline('citizen1', '江东市2025年义务教育学校经费使用情况');
  const n = r1.requestNumber;
  const received = await noticeOf('citizen1', `已收到您的政府信息公开申请（${n}）`);
  expect(received.body).toContain(`查询码 ${r1.trackingCode}`);
  expect(received.read).toBe(false);
  applicantEvents.push({ event: 'submitted', title: received.title, says: [n, `查询码 ${r1.trackingCode}`] });

  const mail = await eventually(() => {
    const to = smtp.received.filter((m) => m.parsed.subject === received.title);
    expect(to).toHaveLength(1);
    return to[0]!;
  });
  expect(mail.rcptTo).toEqual([contact]);
  expect(mail.parsed.to).toMatchObject({ value: [{ address: contact }] });
  expect(mail.parsed.text).toContain(`查询码 ${r1.trackingCode}`);
  const headers = mail.raw.replace(/\r?\n[ \t]+/g, ' ');
  expect(headers).toMatch(
    new RegExp(`^List-Unsubscribe: <${stack.gatewayUrl}/api/v1/notifications/unsubscribe\\?token=[\\w.-]+>\\r?$`, 'm'),
  );
  expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  expect(await readersOf(received.eventId)).toEqual(['citizen1']);
  for (const other of ['citizen2', 'officer-edu', 'admin1'] as const) {
    const res = await api(stack, 'POST', `/notifications/${received.id}/read`, undefined, as[other]);
    expect([res.status, res.json.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
  }
  expect((await api(stack, 'GET', '/notifications')).status).toBe(401);
});

test('the workflow over the gateway: 受理, 补正, accepted, 征求意见, extended, fee, due soon, overdue, replied', async () => {
  const n = r1.requestNumber;
  await act(n, { type: 'CONFIRM_RECEIPT' });
  applicantEvents.push({ event: 'received', title: `您的申请已登记受理（${n}）`, says: [n, '答复期限至'] });
  const supplement = await act(n, { type: 'REQUEST_SUPPLEMENT', items: ['请写明所需信息的时间范围'] });
  const supplementDue = supplement.deadlines.find((d: { kind: string }) => d.kind === 'SUPPLEMENT_DEADLINE').date as string;
  applicantEvents.push({
    event: 'supplement-requested',
    title: `请补正您的政府信息公开申请（${n}）`,
    says: [supplementDue, '请写明所需信息的时间范围'],
  });
  await act(n, { type: 'RECEIVE_SUPPLEMENT' });
  await act(n, { type: 'ACCEPT', department: 'edu' });
  applicantEvents.push({ event: 'accepted', title: `您的申请正在办理（${n}）`, says: ['市教育局'] });
  await act(n, { type: 'START_CONSULTATION', party: 'THIRD_PARTY', partyName: '某培训公司' }, 'officer-edu');
  await act(n, { type: 'END_CONSULTATION', opinion: 'CONSENT' }, 'officer-edu');
  const extended = await act(n, { type: 'EXTEND', days: 10, applicantNotifiedOn: shanghaiDay() });
  const due = extended.deadlines.find((d: { kind: string }) => d.kind === 'REPLY_DUE').date as string;
  applicantEvents.push({ event: 'extended', title: `您的申请答复期限已延长（${n}）`, says: ['延长 10 个工作日', due] });
  await act(n, { type: 'ISSUE_FEE_NOTICE', basis: { type: 'PER_VOLUME', pages: 60 } });
  applicantEvents.push({ event: 'fee-notified', title: `信息处理费缴费通知（${n}）`, says: ['300 元'] });
  await act(n, { type: 'CONFIRM_PAYMENT', receiptNumber: 'JD-2026-0001' });

  // Working days pass: due today (→ due soon), then yesterday (→ overdue); the scan tells the department.
  await setDeadline(n, 'due_date', shanghaiDay());
  await noticeOf('officer-edu', `申请即将到期（${n}，剩 1 个工作日）`);
  await setDeadline(n, 'due_date', shanghaiDay(-1));
  await noticeOf('officer-edu', `申请已逾期（${n}）`);

  await act(n, {
    type: 'REPLY',
    outcome: 'DISCLOSED',
    content: { text: '经审查，您申请的信息予以公开，见随答复提供的文件。', enclosures: ['经费使用情况.pdf'] },
  });
  applicantEvents.push({ event: 'replied', title: `您的申请已答复（${n}）`, says: ['予以公开'] });
});

test('a 补正 left unanswered past its deadline closes the request (closed); another is withdrawn by its tracking code (withdrawn)', async () => {
  const r2 = await submitOnline('citizen1', '江东市2025年校车采购合同');
  await act(r2.requestNumber, { type: 'CONFIRM_RECEIPT' });
  await act(r2.requestNumber, { type: 'REQUEST_SUPPLEMENT', items: ['请写明合同名称'] });
  applicantEvents.push({ event: 'received', title: `您的申请已登记受理（${r2.requestNumber}）`, says: [r2.requestNumber] });
  applicantEvents.push({
    event: 'supplement-requested',
    title: `请补正您的政府信息公开申请（${r2.requestNumber}）`,
    says: ['请写明合同名称'],
  });
  await setDeadline(r2.requestNumber, 'supplement_deadline', shanghaiDay(-1));
  applicantEvents.push({ event: 'closed', title: `您的申请已终止办理（${r2.requestNumber}）`, says: ['逾期未补正，视为放弃申请'] });

  const r3 = await submitOnline('citizen1', '江东市2025年学前教育补助资金分配');
  const withdrawn = await api(stack, 'POST', `/disclosure-requests/track/${r3.trackingCode}/withdraw`, {
    document: '不再需要',
    contactLast4: '5678',
  });
  expect([withdrawn.status, withdrawn.json.status]).toEqual([200, 'CLOSED']);
  applicantEvents.push({ event: 'withdrawn', title: `您已撤回申请（${r3.requestNumber}）`, says: [r3.requestNumber, '撤回'] });
});

test('every applicant event reached citizen1 once on each channel — inbox, email, SMS, WeChat — and nobody else', async () => {
  expect(new Set(applicantEvents.map((e) => e.event))).toEqual(
    new Set(['submitted', 'received', 'supplement-requested', 'accepted', 'extended', 'fee-notified', 'replied', 'closed', 'withdrawn']),
  );
  for (const { event, title, says } of applicantEvents) {
    const notice = await noticeOf('citizen1', title);
    expect([event, notice.eventType]).toEqual([event, `disclosure.request.${event}`]);
    const mail = await eventually(() => {
      const got = smtp.received.filter((m) => m.parsed.subject === title);
      expect(got).toHaveLength(1);
      return got[0]!;
    }, SLOW);
    expect(mail.rcptTo).toEqual([contact]);
    for (const text of says) {
      expect({ title, text, inbox: notice.body.includes(text) }).toEqual({ title, text, inbox: true });
      expect({ title, text, email: mail.parsed.text?.includes(text) }).toEqual({ title, text, email: true });
    }
    // SMS and WeChat through the default recording providers: the admins' delivery log holds each message.
    const log = await eventually(async () => {
      const res = await api(stack, 'GET', `/notifications/deliveries?eventId=${notice.eventId}`, undefined, as.admin1);
      const rows = res.json.items as Array<{ channel: string; status: string; to: string; subject: string; provider: string }>;
      expect(rows.map((r) => `${r.channel}:${r.status}`).sort()).toEqual(['email:SENT', 'sms:SENT', 'wechat:SENT']);
      return rows;
    }, SLOW);
    expect(log.find((r) => r.channel === 'sms')).toMatchObject({ to: '138****5678', subject: title, provider: 'log' });
    expect(log.find((r) => r.channel === 'wechat')).toMatchObject({ to: 'oCit…89ab', subject: title, provider: 'log' });
    expect({ title, readers: await readersOf(notice.eventId) }).toEqual({ title, readers: ['citizen1'] });
  }
});

// ── departments ─────────────────────────────────────────────────────────────────────────────────────
test("the department's events reach its officers (and the office), its webhook and its NATS subject — not hrss, not the applicant", async () => {
  const n = r1.requestNumber;
  const departmentEvents: Array<{ event: string; title: string; readers: User[] }> = [
    { event: 'assigned', title: `新分派的政府信息公开申请（${n}）`, readers: ['officer-edu'] },
    { event: 'consultation-requested', title: `申请需征求意见（${n}）`, readers: ['officer-edu', 'gio1'] },
    { event: 'due-soon', title: `申请即将到期（${n}，剩 1 个工作日）`, readers: ['officer-edu', 'gio1'] },
    { event: 'overdue', title: `申请已逾期（${n}）`, readers: ['officer-edu', 'gio1'] },
  ];
  const deptStream = await eventually(async () => {
    const all = (await streamMessages('DEPT_EVENTS')).filter((m) => m.envelope.payload.requestNumber === n);
    expect(all.map((m) => m.subject)).toEqual(
      expect.arrayContaining(departmentEvents.map((e) => `dept.edu.disclosure.request.${e.event}`)),
    );
    return all;
  }, SLOW);
  expect(deptStream.every((m) => m.subject.startsWith('dept.edu.'))).toBe(true); // nothing of it on dept.hrss.…
  for (const { event, title, readers } of departmentEvents) {
    const notice = await noticeOf('officer-edu', title);
    expect({ title, readers: await readersOf(notice.eventId) }).toEqual({ title, readers });
    const hook = await eventually(() => {
      const got = receiver.verified('/edu').filter((r) => r.headers['webhook-id'] === notice.eventId && r.status === 204);
      expect(got).toHaveLength(1);
      return got[0]!;
    }, SLOW);
    expect(new Webhook(eduEndpoint.secret).verify(hook.body, hook.headers)).toMatchObject({
      type: `disclosure.request.${event}`,
      requestNumber: n,
      department: 'edu',
      data: { requestNumber: n, department: 'edu' },
    });
    for (const personal of ['王小明', '11010519491231002X', '13912345678', contact, r1.trackingCode, 'applicant', '某培训公司']) {
      expect(hook.body).not.toContain(personal);
    }
    const copy = deptStream.find((m) => m.envelope.causationId === notice.eventId);
    expect({ title, subject: copy?.subject }).toEqual({ title, subject: `dept.edu.disclosure.request.${event}` });
  }
  // Every event of the request reached edu's system once, in the order it happened; hrss's endpoint heard nothing of it.
  await eventually(() => {
    const delivered = receiver.verified('/edu').filter((r) => (r.json as { requestNumber: string }).requestNumber === n);
    expect(delivered.map((r) => r.headers['webhook-id'])).toEqual(deptStream.map((m) => m.envelope.causationId));
  }, SLOW);
  expect(receiver.received.filter((r) => r.path === '/hr' && (r.json as { requestNumber: string }).requestNumber === n)).toEqual([]);
  const health = await api(stack, 'GET', `/webhooks/endpoints/${eduEndpoint.id}/health`, undefined, as['officer-edu']);
  expect(health.json).toMatchObject({ enabled: true, failingSince: null, dead: 0, pending: 0 });
});

// ── editors and subscribers ─────────────────────────────────────────────────────────────────────────
test('a policy published, amended and repealed reaches its subscribers (inbox, email); its Q&A and guide tell the owning department’s editors', async () => {
  const title = '江东市住房公积金提取管理办法（2026年修订）';
  const externalId = 'e2e-matrix-gjj';
  const documentId = await publishedPolicy(
    stack,
    { editor: as.editor1, reviewer: as.reviewer1 },
    {
      externalId,
      title,
      docNumber: '江公积金发〔2026〕2号',
      agency: '江东市住房公积金管理中心',
      body: '第一条 为规范住房公积金提取管理，保障缴存职工合法权益，制定本办法。\n第二条 租房提取住房公积金的，每月提取额不超过1500元。',
    },
  );
  const question = '租房提取公积金每月最多多少？';
  await publishedPair(
    stack,
    { editor: as.editor1, reviewer: as.reviewer1 },
    {
      question,
      answer: '每月不超过1500元。',
      ownerDepartment: '市人力资源和社会保障局',
      citations: [{ documentId: externalId, anchor: '第二条', quote: '每月提取额不超过1500元' }],
    },
  );
  const guide = {
    code: 'E2E-MATRIX-GJJ',
    name: '租房提取住房公积金',
    department: '市人力资源和社会保障局',
    summary: '租房职工按月提取住房公积金。',
    legalBasis: [{ policyId: externalId, clause: '第二条' }],
  };
  expect((await api(stack, 'POST', '/guides', guide, as.editor1)).status).toBe(201);
  expect((await api(stack, 'POST', `/guides/${guide.code}/publish`, undefined, as.reviewer1)).status).toBe(200);
  const pushed = await noticeOf('citizen1', `政策推送：${title}`);
  expect(pushed.body).toContain('江东市住房公积金管理中心 江公积金发〔2026〕2号：新发布');

  expect((await api(stack, 'POST', `/policies/${documentId}/amend`, {}, as.reviewer1)).status).toBe(200);
  const qaNotice = await noticeOf('editor-hr', `问答需更新：${question}`);
  expect(qaNotice.body).toContain('致市人力资源和社会保障局：该问答引用的政策已修改');
  const guideNotice = await noticeOf('editor-hr', `办事指南需核对：${guide.name}（${guide.code}）`);
  expect(guideNotice.body).toContain('已修改');
  for (const notice of [qaNotice, guideNotice]) expect(await readersOf(notice.eventId)).toEqual(['editor-hr']);
  await noticeOf('citizen1', `政策修改提醒：${title}`);
  expect((await api(stack, 'POST', `/policies/${documentId}/repeal`, {}, as.reviewer1)).status).toBe(200);

  for (const headline of ['政策推送', '政策修改提醒', '政策废止提醒']) {
    const subject = `${headline}：${title}`;
    const notice = await noticeOf('citizen1', subject);
    await noticeOf('enterprise1', subject); // its saved search 公积金 提取
    const mail = await eventually(() => {
      const got = smtp.received.filter((m) => m.parsed.subject === subject);
      expect(got).toHaveLength(1);
      return got[0]!;
    }, SLOW);
    expect(mail.rcptTo).toEqual([pushEmail]);
    expect(mail.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    // A new policy is also news for the admins (新政策发布), from the same event; changes are not.
    const readers = headline === '政策推送' ? ['citizen1', 'enterprise1', 'admin1'] : ['citizen1', 'enterprise1'];
    expect({ subject, readers: await readersOf(notice.eventId) }).toEqual({ subject, readers });
  }
  // The admins' delivery log shows the push email, masked; citizens may not read it; the channels' numbers add up.
  const log = await api(stack, 'GET', '/notifications/deliveries?channel=email&pageSize=100', undefined, as.admin1);
  expect(log.json.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ to: 'li***@example.com', status: 'SENT', attempts: 1, subject: `政策推送：${title}` }),
    ]),
  );
  expect((await api(stack, 'GET', '/notifications/deliveries', undefined, as.citizen1)).status).toBe(403);
  const metrics = await api(stack, 'GET', '/notifications/channel-metrics', undefined, as.admin1);
  for (const channel of ['email', 'sms', 'wechat', 'webhook'])
    expect(metrics.json.channels).toEqual(expect.arrayContaining([expect.objectContaining({ channel, failed: 0 })]));
});

// ── the inbox and one-click unsubscribe ─────────────────────────────────────────────────────────────
test('read one, read all: the unread count follows, per person; one-click unsubscribe (RFC 8058) stops the email, not the inbox', async () => {
  const address = 'zhao.lei@example.com';
  const r4 = await submitOnline('citizen2', '江东市2025年中小学食堂食品安全抽检结果', address);
  const received = await noticeOf('citizen2', `已收到您的政府信息公开申请（${r4.requestNumber}）`);
  const mail = await eventually(() => {
    const got = smtp.received.filter((m) => m.rcptTo.includes(address));
    expect(got).toHaveLength(1);
    return got[0]!;
  });
  const link = /^List-Unsubscribe: <([^>]+)>/m.exec(mail.raw.replace(/\r?\n[ \t]+/g, ' '))![1]!;
  expect((await fetch(link)).status).toBe(404); // a link scanner's GET changes nothing
  const forged = await fetch(link.replace(/token=[^&]+/, 'token=eyJ2IjoxfQ.Zm9yZ2Vk'), {
    method: 'POST',
    body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
  });
  expect([forged.status, ((await forged.json()) as { code: string }).code]).toEqual([400, 'NOTIFY_UNSUBSCRIBE_TOKEN_INVALID']);
  const res = await fetch(link, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
  expect([res.status, await res.json()]).toEqual([200, { unsubscribed: true }]);

  await act(r4.requestNumber, { type: 'CONFIRM_RECEIPT' });
  const later = await noticeOf('citizen2', `您的申请已登记受理（${r4.requestNumber}）`);
  await eventually(async () => {
    const log = await api(stack, 'GET', `/notifications/deliveries?eventId=${later.eventId}`, undefined, as.admin1);
    expect(log.json.items.map((d: { channel: string; status: string }) => `${d.channel}:${d.status}`)).toEqual(['email:SUPPRESSED']);
  }, SLOW);
  expect(smtp.received.filter((m) => m.rcptTo.includes(address))).toHaveLength(1);

  const before = await inbox('citizen2');
  expect(before.unread).toBe(2);
  const one = await api(stack, 'POST', `/notifications/${received.id}/read`, undefined, as.citizen2);
  expect([one.status, one.json]).toEqual([200, { id: received.id, read: true, unread: 1 }]);
  expect((await inbox('citizen2', '&unreadOnly=true')).total).toBe(1);
  const all = await api(stack, 'POST', '/notifications/read-all', undefined, as.citizen2);
  expect([all.status, all.json]).toEqual([200, { marked: 1, unread: 0 }]);
  expect((await inbox('citizen1')).unread).toBeGreaterThan(0); // citizen1's stay unread
  const bad = await api(stack, 'POST', '/notifications/not-a-uuid/read', undefined, as.citizen2);
  expect([bad.status, bad.json.code]).toEqual([400, 'VALIDATION_FAILED']);
});

// ── a receiver down for ten minutes ─────────────────────────────────────────────────────────────────
test('a webhook receiver down for ten minutes (real schedule, scaled) gets every event afterwards, once, in order per request', async () => {
  const tenMinutes = 600_000 * TIME_SCALE;
  let downSince: number | null = null;
  let generated = false;
  let up = false;
  receiver.respond = ({ path }) => {
    if (path !== '/hr' || up) return 204;
    downSince ??= Date.now();
    if (!generated || Date.now() - downSince < tenMinutes) return 503;
    up = true;
    return 204;
  };
  // Three requests registered for hrss generate their events while the receiver is down.
  const numbers = await Promise.all(
    ['社会保险基金收支', '就业补助资金分配', '职业技能培训补贴'].map(async (topic) => {
      const res = await api(
        stack,
        'POST',
        '/disclosure-requests',
        {
          applicant: { type: 'NATURAL_PERSON', name: '李四', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13900001111' },
          channel: 'IN_PERSON',
          description: `江东市2025年${topic}情况`,
          deliveryForm: 'PAPER',
        },
        as.gio1,
      );
      expect(res.status).toBe(201);
      const n = res.json.requestNumber as string;
      await act(n, { type: 'ACCEPT', department: 'hrss' });
      await act(n, { type: 'EXTEND', days: 5, applicantNotifiedOn: shanghaiDay() });
      await act(n, { type: 'START_CONSULTATION', party: 'AGENCY', partyName: '市财政局' }, 'officer-hr');
      return n;
    }),
  );
  const ofHr = (m: { envelope: { payload: Record<string, unknown> } }) => numbers.includes(m.envelope.payload.requestNumber as string);
  const events = await eventually(async () => {
    const got = (await streamMessages('DEPT_EVENTS')).filter(ofHr);
    expect(got).toHaveLength(numbers.length * 4); // accepted, assigned, extended, consultation-requested
    return got;
  }, SLOW);
  generated = true;
  expect(events.every((m) => m.subject.startsWith('dept.hrss.disclosure.request.'))).toBe(true);

  const hr = () =>
    receiver.received.filter((r) => r.path === '/hr' && numbers.includes((r.json as { requestNumber: string }).requestNumber));
  const delivered = await eventually(
    () => {
      const ok = hr().filter((r) => r.status === 204);
      expect(ok).toHaveLength(events.length);
      return ok;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  const refused = hr().filter((r) => r.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  expect(delivered[0]!.at - refused[0]!.at).toBeGreaterThanOrEqual(tenMinutes); // down for (scaled) ten minutes
  // Once each, verified, and per request in the order the events happened.
  expect(new Set(delivered.map((r) => r.headers['webhook-id'])).size).toBe(events.length);
  expect(delivered.every((r) => r.verifiedWith.length > 0)).toBe(true);
  for (const n of numbers) {
    const sent = delivered.filter((r) => (r.json as { requestNumber: string }).requestNumber === n).map((r) => r.headers['webhook-id']);
    const happened = events.filter((m) => m.envelope.payload.requestNumber === n).map((m) => m.envelope.causationId);
    expect({ n, sent }).toEqual({ n, sent: happened });
    // The request's first event was refused while the receiver was down, then retried on the schedule.
    expect(refused.some((r) => r.headers['webhook-id'] === happened[0])).toBe(true);
  }
  const health = await api(stack, 'GET', `/webhooks/endpoints/${hrEndpoint.id}/health`, undefined, as['officer-hr']);
  expect(health.json).toMatchObject({ enabled: true, failingSince: null, dead: 0, pending: 0 });
}, 120_000);

// ── kill -9 in the middle of a fan-out ──────────────────────────────────────────────────────────────
test('kill -9 of notify-svc mid fan-out, restart: every subscriber has exactly one notice (issue 14 item 4)', async () => {
  const subscribers = 40_000;
  const agency = '江东市人力资源和社会保障局';
  await queryRows(
    stack.databaseUrl,
    `INSERT INTO notify.subscription (id, subscriber_sub, kind, value, terms)
     SELECT gen_random_uuid(), 'kill-' || lpad(i::text, 6, '0'), 'agency', $2, '{}'::text[] FROM generate_series(1, $1::int) i`,
    [subscribers, agency],
  );
  const counts = async (eventId: string) =>
    (
      await queryRows<{ total: number; people: number }>(
        stack.databaseUrl,
        'SELECT count(*)::int AS total, count(DISTINCT recipient_sub)::int AS people FROM notify.notification WHERE event_id = $1 AND recipient_sub IS NOT NULL',
        [eventId],
      )
    )[0]!;
  const event = {
    id: randomUUID(),
    type: 'policy.document.published',
    version: 1,
    time: new Date().toISOString(),
    source: 'e2e',
    correlationId: 'kill-9',
    payload: {
      documentId: randomUUID(),
      docNumber: '江人社发〔2026〕5号',
      title: '江东市就业见习补贴实施办法',
      agency,
      publishedAt: new Date().toISOString(),
      version: 1,
    },
  };
  await jetstream(stack.nc).publish(event.type, JSON.stringify(event), { msgID: event.id });
  const before = await eventually(async () => {
    const c = await counts(event.id);
    expect(c.total).toBeGreaterThan(2_000);
    return c;
  });
  const notify = stack.apps['notify-svc'];
  await notify.stop('SIGKILL');
  // A COMMIT already sent before the kill still completes in PostgreSQL; after that, nothing moves while it is down.
  const atKill = await eventually(async () => {
    const c = await counts(event.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(await counts(event.id)).toEqual(c);
    return c;
  });
  expect(atKill.total).toBeGreaterThanOrEqual(before.total);
  expect(atKill.total).toBeLessThan(subscribers); // killed in the middle

  await notify.start(60_000);
  await eventually(async () => expect(await counts(event.id)).toEqual({ total: subscribers, people: subscribers }), { timeoutMs: 60_000 });
  const [job] = await queryRows<{ status: string; recipients: number }>(
    stack.databaseUrl,
    'SELECT status, recipients FROM notify.policy_fanout WHERE event_id = $1',
    [event.id],
  );
  expect(job).toEqual({ status: 'DONE', recipients: subscribers });
}, 180_000);
