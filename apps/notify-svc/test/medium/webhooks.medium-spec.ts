import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Actor, type Envelope, type MessageContext, Role, requestAssigned, requestOverdue, requestReplied } from '@govdisc/contracts';
import {
  type MediumEnv,
  type TestWebhookReceiver,
  eventually,
  prepareMediumEnv,
  queryRows,
  startTestWebhookReceiver,
} from '@govdisc/testing';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { InboxService } from '../../src/inbox/inbox.service.js';
import { WebhookEndpointService } from '../../src/webhook/webhook-endpoint.service.js';
import { WebhookSender } from '../../src/webhook/webhook-sender.service.js';
import { WEBHOOK_CLOCK, type WebhookClock } from '../../src/webhook/webhook.settings.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const HOUR = 3_600_000;
/** The default schedule (env.ts), so the test walks the real one. */
const SCHEDULE = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

let env: MediumEnv;
let app: INestApplication;
let receiver: TestWebhookReceiver;
let endpoints: WebhookEndpointService;
let offsetMs = 0;
const clock: WebhookClock = { now: () => new Date(Date.now() + offsetMs) };
const ctx: MessageContext = { source: 'disclosure-request-svc', correlationId: 'medium-webhooks' };
const admin: Actor = { sub: 'sub-admin', roles: [Role.Admin] };
const officerEdu: Actor = { sub: 'sub-officer-edu', roles: [Role.DeptOfficer], department: 'edu' };
const officerHr: Actor = { sub: 'sub-officer-hr', roles: [Role.DeptOfficer], department: 'hrss' };

async function publish(envelope: Envelope<unknown>) {
  await jetstream(env.nc).publish(env.naming.subject(envelope.type), JSON.stringify(envelope), { msgID: randomUUID() });
}

const assigned = (requestNumber: string, department = 'edu') =>
  requestAssigned.make({ requestNumber, agency: '江东市人民政府', department, dueDate: '2026-07-01', dueProvisional: false }, ctx);
const replied = (requestNumber: string) =>
  requestReplied.make(
    {
      requestNumber,
      agency: '江东市人民政府',
      department: 'edu',
      outcome: 'DISCLOSED',
      replyDate: '2026-06-20',
      onTime: true,
      applicant: { sub: 'sub-citizen-secret', email: 'applicant@example.com' },
    },
    ctx,
  );

async function endpoint(actor: Actor, path: string, extra: { eventTypes?: string[]; department?: string } = {}) {
  const { row, secret } = await endpoints.create(actor, {
    url: receiver.url + path,
    description: path,
    eventTypes: [],
    enabled: true,
    ...extra,
  });
  receiver.secrets.set(path, [secret]);
  return { id: row.id, secret };
}

const deliveries = (endpointId: string) =>
  queryRows<{ event_type: string; request_number: string; status: string; attempts: number; last_status_code: number | null }>(
    env.databaseUrl,
    'SELECT event_type, request_number, status, attempts, last_status_code FROM notify.webhook_delivery WHERE endpoint_id = $1 ORDER BY seq',
    [endpointId],
  );

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify-webhooks', schema: 'notify', migrationsDir });
  receiver = await startTestWebhookReceiver();
  const config = loadAppConfig({
    ...env.env,
    DB_SCHEMA: 'notify',
    WEBHOOK_POLL_INTERVAL_MS: '50',
    WEBHOOK_TIMEOUT_MS: '2000',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(WEBHOOK_CLOCK)
    .useValue(clock)
    .compile();
  app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  endpoints = app.get(WebhookEndpointService);
});

afterAll(async () => {
  await app?.close();
  await receiver?.stop();
  await env?.cleanup();
});

test("a department's endpoint gets the event once, signed per Standard Webhooks, without applicant data; another department's gets nothing", async () => {
  const edu = await endpoint(officerEdu, '/edu');
  const hr = await endpoint(admin, '/hr', { department: 'hrss' });
  const e = replied('2026-000301');
  await publish(assigned('2026-000301'));
  await publish(e);
  await publish(e); // redelivered by the bus: still one delivery
  await eventually(async () => expect(receiver.verified('/edu')).toHaveLength(2));
  const got = receiver.verified('/edu')[1]!;
  expect(got.headers['webhook-id']).toBe(e.id);
  expect(got.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
  expect(new Webhook(edu.secret).verify(got.body, got.headers)).toEqual({
    id: e.id,
    type: 'disclosure.request.replied',
    occurredAt: e.time,
    requestNumber: '2026-000301',
    department: 'edu',
    data: {
      requestNumber: '2026-000301',
      agency: '江东市人民政府',
      department: 'edu',
      outcome: 'DISCLOSED',
      replyDate: '2026-06-20',
      onTime: true,
    },
  });
  expect(got.body).not.toMatch(/applicant|sub-citizen-secret|applicant@example\.com/);
  await new Promise((r) => setTimeout(r, 300)); // a few sender rounds: nothing is sent twice
  expect(receiver.received.filter((r) => r.path === '/edu')).toHaveLength(2);
  expect((await deliveries(edu.id)).map((d) => [d.event_type, d.status, d.attempts])).toEqual([
    ['disclosure.request.assigned', 'SUCCEEDED', 1],
    ['disclosure.request.replied', 'SUCCEEDED', 1],
  ]);
  expect(receiver.received.filter((r) => r.path === '/hr')).toEqual([]);
  expect(await deliveries(hr.id)).toEqual([]);
  await endpoints.remove(officerEdu, edu.id);
});

test("a request's later event waits until its earlier one succeeded; the earlier is retried after the receiver's error; other requests are not held up", async () => {
  const ep = await endpoint(officerEdu, '/ordered', { eventTypes: ['disclosure.request.assigned', 'disclosure.request.replied'] });
  receiver.respond = ({ path, json, n }) =>
    path === '/ordered' && n === 0 && (json as { requestNumber?: string }).requestNumber === '2026-000401' ? 500 : 204;
  await publish(assigned('2026-000401'));
  await publish(replied('2026-000401'));
  await publish(assigned('2026-000402'));
  await publish(
    requestOverdue.make(
      { requestNumber: '2026-000401', agency: '江东市人民政府', department: 'edu', dueDate: '2026-07-01', overdueSince: '2026-07-02' },
      ctx,
    ),
  ); // filtered out
  const succeeded = () => receiver.verified('/ordered').filter((r) => r.status === 204);
  await eventually(async () =>
    expect(succeeded().map((r) => (r.json as { requestNumber: string }).requestNumber)).toEqual(['2026-000402']),
  );
  expect(receiver.received.filter((r) => r.path === '/ordered').map((r) => r.status)).toEqual([500, 204]);
  await new Promise((r) => setTimeout(r, 300));
  expect(receiver.received.filter((r) => r.path === '/ordered')).toHaveLength(2); // the retry waits 5 s on the clock; replied waits behind it
  offsetMs += 6_000;
  await eventually(async () => expect(succeeded()).toHaveLength(3));
  const ok = succeeded().map((r) => r.json as { type: string; requestNumber: string });
  expect(ok.map((j) => `${j.requestNumber} ${j.type}`)).toEqual([
    '2026-000402 disclosure.request.assigned',
    '2026-000401 disclosure.request.assigned',
    '2026-000401 disclosure.request.replied',
  ]);
  await eventually(async () =>
    expect((await deliveries(ep.id)).map((d) => [d.request_number, d.status, d.attempts, d.last_status_code])).toEqual([
      ['2026-000401', 'SUCCEEDED', 2, 204],
      ['2026-000401', 'SUCCEEDED', 1, 204],
      ['2026-000402', 'SUCCEEDED', 1, 204],
    ]),
  );
  await endpoints.remove(admin, ep.id);
});

test('a receiver failing for a day: retried on the schedule, dead-lettered, the endpoint disabled and the department told; re-enabled and replayed it arrives', async () => {
  const ep = await endpoint(officerEdu, '/down');
  receiver.respond = ({ path }) => (path === '/down' ? 503 : 204);
  await publish(assigned('2026-000501'));
  await eventually(async () => expect((await deliveries(ep.id))[0]).toMatchObject({ attempts: 1 }));
  for (const [i, step] of SCHEDULE.entries()) {
    offsetMs += Math.ceil(step * 1.1) + 1_000;
    app.get(WebhookSender).wake();
    await eventually(async () => expect((await deliveries(ep.id))[0]).toMatchObject({ attempts: i + 2 }));
  }
  expect((await deliveries(ep.id))[0]).toMatchObject({ status: 'DEAD', attempts: 8, last_status_code: 503 });
  expect(receiver.received.filter((r) => r.path === '/down')).toHaveLength(8);
  const disabled = await endpoints.get(officerEdu, ep.id);
  expect(disabled).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('已自动停用') });
  const inbox = app.get(InboxService);
  const titles = async (a: Actor) => (await inbox.list(a, { page: 1, pageSize: 50 })).items.map((n) => n.title);
  expect(await titles(officerEdu)).toContain('部门接收端已停用（edu）');
  expect(await titles(admin)).toContain('部门接收端已停用（edu）');
  expect(await titles(officerHr)).not.toContain('部门接收端已停用（edu）');

  // While disabled, new events wait (not lost, not sent).
  await publish(assigned('2026-000502'));
  await eventually(async () => expect(await deliveries(ep.id)).toHaveLength(2));
  await new Promise((r) => setTimeout(r, 300));
  expect(receiver.received.filter((r) => r.path === '/down')).toHaveLength(8);

  receiver.respond = () => 204;
  const [dead] = (await endpoints.deliveries(officerEdu, { endpointId: ep.id, status: 'DEAD', page: 1, pageSize: 10 })).items;
  await expect(endpoints.replay(officerHr, { endpointId: ep.id, deliveryId: dead!.id })).rejects.toMatchObject({
    code: 'NOTIFY_WEBHOOK_ENDPOINT_NOT_FOUND',
  });
  await endpoints.update(officerEdu, { endpointId: ep.id, enabled: true });
  await eventually(async () => expect(receiver.verified('/down').filter((r) => r.status === 204)).toHaveLength(1)); // the waiting one
  expect(await endpoints.replay(admin, { endpointId: ep.id, deliveryId: dead!.id })).toMatchObject({ status: 'PENDING', attempts: 0 });
  await expect(endpoints.replay(admin, { endpointId: ep.id, deliveryId: dead!.id })).rejects.toMatchObject({
    code: 'NOTIFY_WEBHOOK_REPLAY_NOT_DEAD',
  });
  await eventually(async () => expect(receiver.verified('/down').filter((r) => r.status === 204)).toHaveLength(2));
  await eventually(async () => expect((await deliveries(ep.id)).map((d) => d.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']));
  const { counts, row } = await endpoints.health(officerEdu, ep.id);
  expect({ counts, enabled: row.enabled, failingSince: row.failingSince }).toEqual({
    counts: { SUCCEEDED: 2 },
    enabled: true,
    failingSince: null,
  });
  await endpoints.remove(officerEdu, ep.id);
});

test('rotating the secret: both the new and the previous secret sign (two signatures) until the previous one expires', async () => {
  const ep = await endpoint(officerEdu, '/rotating');
  const { secret: newSecret } = await endpoints.rotate(officerEdu, { endpointId: ep.id, previousValidForHours: 24 });
  receiver.secrets.set('/rotating', [ep.secret, newSecret]);
  await publish(assigned('2026-000601'));
  await eventually(async () => expect(receiver.verified('/rotating')).toHaveLength(1));
  const during = receiver.verified('/rotating')[0]!;
  expect(during.verifiedWith).toEqual([0, 1]);
  expect(during.headers['webhook-signature']!.split(' ')).toHaveLength(2);

  offsetMs += 25 * HOUR;
  await publish(assigned('2026-000602'));
  await eventually(async () => expect(receiver.verified('/rotating')).toHaveLength(2));
  const after = receiver.verified('/rotating')[1]!;
  expect(after.verifiedWith).toEqual([1]);
  expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
});

test('endpoint rules: http(s) URLs only (stable code), departments see only their own endpoints, officers register only for their own', async () => {
  for (const url of ['ftp://example.com/hook', 'not a url', 'javascript:alert(1)', 'file:///etc/passwd']) {
    await expect(endpoints.create(officerEdu, { url, description: '', eventTypes: [], enabled: true })).rejects.toMatchObject({
      code: 'NOTIFY_WEBHOOK_URL_INVALID',
    });
  }
  await expect(
    endpoints.create(officerEdu, { department: 'hrss', url: 'https://x.example/h', description: '', eventTypes: [], enabled: true }),
  ).rejects.toMatchObject({
    code: 'NOTIFY_WEBHOOK_DEPARTMENT_FORBIDDEN',
  });
  await expect(
    endpoints.create(admin, { url: 'https://x.example/h', description: '', eventTypes: [], enabled: true }),
  ).rejects.toMatchObject({
    code: 'NOTIFY_WEBHOOK_DEPARTMENT_REQUIRED',
  });
  const { row } = await endpoints.create(officerEdu, { url: 'https://edu.example/hook', description: '', eventTypes: [], enabled: true });
  await expect(endpoints.get(officerHr, row.id)).rejects.toMatchObject({ code: 'NOTIFY_WEBHOOK_ENDPOINT_NOT_FOUND' });
  expect((await endpoints.list(officerHr, { page: 1, pageSize: 50 })).items.map((e) => e.id)).not.toContain(row.id);
  expect((await endpoints.list(officerEdu, { page: 1, pageSize: 50 })).items.map((e) => e.id)).toContain(row.id);
  expect((await endpoints.list(admin, { page: 1, pageSize: 50 })).items.map((e) => e.id)).toContain(row.id);
});

test('department events are republished on dept.<department>.disclosure.request.<event> without applicant data', async () => {
  const js = jetstream(env.nc);
  const consumer = await js.consumers.get(env.naming.stream('DEPT_EVENTS'), { filter_subjects: env.naming.subject('dept.edu.>') });
  const e = replied('2026-000701');
  await publish(e);
  const seen: Array<{ subject: string; payload: { id: string; data: unknown } }> = [];
  await eventually(async () => {
    const m = await consumer.next({ expires: 1_000 });
    if (m) seen.push({ subject: m.subject, payload: m.json<{ payload: { id: string; data: unknown } }>().payload });
    expect(seen.map((s) => s.payload.id)).toContain(e.id);
  });
  const copy = seen.find((s) => s.payload.id === e.id)!;
  expect(copy.subject).toBe(env.naming.subject('dept.edu.disclosure.request.replied'));
  expect(JSON.stringify(copy.payload)).not.toMatch(/applicant|sub-citizen-secret/);
});

test('a receiver slower than WEBHOOK_TIMEOUT_MS is cut off: the attempt counts as failed with "timeout" and is retried later', async () => {
  const ep = await endpoint(officerEdu, '/slow');
  receiver.respond = async ({ path }) => {
    if (path === '/slow') await new Promise((r) => setTimeout(r, 3_000));
    return 204;
  };
  const started = Date.now();
  await publish(assigned('2026-000901'));
  await eventually(async () =>
    expect((await deliveries(ep.id))[0]).toMatchObject({ status: 'PENDING', attempts: 1, last_status_code: null }),
  );
  expect(Date.now() - started).toBeLessThan(2_900); // given up at the 2 s timeout, not after the receiver's 3 s
  const [row] = await queryRows<{ last_error: string }>(
    env.databaseUrl,
    'SELECT last_error FROM notify.webhook_delivery WHERE endpoint_id = $1',
    [ep.id],
  );
  expect(row!.last_error).toBe('timeout');
  receiver.respond = () => 204;
  await endpoints.remove(officerEdu, ep.id);
});
