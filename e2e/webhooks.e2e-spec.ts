import { type TestWebhookReceiver, eventually, startTestWebhookReceiver } from '@govdisc/testing';
import { Webhook } from 'standardwebhooks';
import { bearer, clientToken, tokenFor } from './auth.js';
import { type Stack, api, startStack } from './stack.js';

// Issue 14, department integration: a department's own system (client credentials, department
// claim edu) registers its webhook endpoint; a disclosure request assigned to edu reaches it signed
// per Standard Webhooks, without the applicant's data; hrss's endpoint gets nothing.
let stack: Stack;
let receiver: TestWebhookReceiver;
const as: Record<string, Record<string, string>> = {};
const USERS = ['citizen1', 'officer-edu', 'officer-hr', 'gio1', 'admin1'] as const;
/** The event crosses two services and a consumer: allow for a loaded machine. */
const SLOW = { timeoutMs: 30_000 };

beforeAll(async () => {
  receiver = await startTestWebhookReceiver();
  stack = await startStack({
    appEnv: () => ({ 'notify-svc': { WEBHOOK_POLL_INTERVAL_MS: '100', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' } }),
  });
  for (const u of USERS) as[u] = bearer(await tokenFor(stack.issuerUrl, u));
  as['dept-system'] = bearer(await clientToken(stack.issuerUrl));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await receiver?.stop();
});

let eduEndpoint: { id: string; secret: string };

test("edu's own system registers its endpoint; others are refused or scoped; bad URLs answer 400 with a stable code", async () => {
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
  receiver.secrets.set('/hr', [hr.json.secret]);

  const cases: Array<[string, unknown, string, number, string]> = [
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

test('a request assigned to edu produces a signed delivery at the live receiver, without applicant data; hrss gets nothing', async () => {
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
        email: 'wxm@example.com',
      },
      channel: 'ONLINE',
      description: '江东市2025年义务教育学校经费使用情况',
      deliveryForm: 'EMAIL',
    },
    as.citizen1,
  );
  expect(submitted.status).toBe(201);
  const { requestNumber, trackingCode } = submitted.json as { requestNumber: string; trackingCode: string };
  for (const action of [{ type: 'CONFIRM_RECEIPT' }, { type: 'ACCEPT', department: 'edu' }]) {
    expect((await api(stack, 'POST', `/disclosure-requests/${requestNumber}/actions`, { action }, as.gio1)).status).toBe(200);
  }
  const hook = await eventually(async () => {
    const got = receiver.verified('/edu').filter((r) => (r.json as { type: string }).type === 'disclosure.request.assigned');
    expect(got).toHaveLength(1);
    return got[0]!;
  }, SLOW);
  expect(new Webhook(eduEndpoint.secret).verify(hook.body, hook.headers)).toMatchObject({
    type: 'disclosure.request.assigned',
    requestNumber,
    department: 'edu',
    occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    data: { requestNumber, department: 'edu' },
  });
  for (const personal of ['王小明', '11010519491231002X', '13912345678', 'wxm@example.com', trackingCode, 'applicant']) {
    expect(hook.body).not.toContain(personal);
  }
  // Everything edu's endpoint got is about edu; hrss's endpoint got nothing at all.
  await eventually(async () => {
    const log = await api(stack, 'GET', `/webhooks/endpoints/${eduEndpoint.id}/deliveries`, undefined, as['dept-system']);
    expect(log.json.items.map((d: { status: string }) => d.status)).toEqual(log.json.items.map(() => 'SUCCEEDED'));
    expect(log.json.items.length).toBeGreaterThan(0);
  }, SLOW);
  expect(receiver.received.filter((r) => r.path === '/hr')).toEqual([]);
  expect(receiver.verified('/edu').every((r) => (r.json as { department: string }).department === 'edu')).toBe(true);
  const health = await api(stack, 'GET', `/webhooks/endpoints/${eduEndpoint.id}/health`, undefined, as['officer-edu']);
  expect(health.json).toMatchObject({ enabled: true, failingSince: null, dead: 0, pending: 0 });
  expect(health.json.succeeded).toBeGreaterThan(0);
});
