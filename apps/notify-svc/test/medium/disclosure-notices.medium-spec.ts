import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import {
  type Actor,
  type MessageContext,
  Role,
  newEnvelope,
  requestAssigned,
  requestConsultationRequested,
  requestOverdue,
  requestSubmitted,
} from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { InboxService } from '../../src/inbox/inbox.service.js';
import { DISCLOSURE_EVENTS_CONSUMER } from '../../src/notification/disclosure-events.consumer.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let inbox: InboxService;
const ctx: MessageContext = { source: 'disclosure-request-svc', correlationId: 'medium' };

const citizen1: Actor = { sub: 'sub-citizen-1', roles: [Role.Citizen] };
const citizen2: Actor = { sub: 'sub-citizen-2', roles: [Role.Citizen] };
const officerEdu: Actor = { sub: 'sub-officer-edu', roles: [Role.DeptOfficer], department: 'edu' };
const officerHr: Actor = { sub: 'sub-officer-hr', roles: [Role.DeptOfficer], department: 'hrss' };
const gio: Actor = { sub: 'sub-gio', roles: [Role.DisclosureOfficer] };

async function publish(body: string, type = 'disclosure.request.submitted') {
  await jetstream(env.nc).publish(env.naming.subject(type), body, { msgID: randomUUID() });
}

async function consumerIdle() {
  const jsm = await jetstreamManager(env.nc);
  await eventually(async () => {
    const info = await jsm.consumers.info(env.naming.stream('DISCLOSURE_EVENTS'), DISCLOSURE_EVENTS_CONSUMER);
    expect(info.num_pending + info.num_ack_pending).toBe(0);
  });
}

const titles = async (actor: Actor) => (await inbox.list(actor, { page: 1, pageSize: 100 })).items.map((n) => n.title);
const rowCount = async () =>
  Number((await queryRows<{ n: string }>(env.databaseUrl, 'SELECT count(*) AS n FROM notify.notification'))[0]!.n);

const submitted = (requestNumber: string, sub: string | null) =>
  requestSubmitted.make(
    {
      requestNumber,
      agency: '江东市人民政府',
      department: null,
      trackingCode: 'TRACK2345ABC',
      submittedOn: '2026-06-01',
      receiptDate: null,
      applicant: { sub, email: 'a@example.com' },
    },
    ctx,
  );

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify-disclosure', schema: 'notify', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'notify' })));
  inbox = app.get(InboxService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test("the applicant's receipt reaches their own inbox only, once, even when delivered twice", async () => {
  const e = submitted('2026-000101', citizen1.sub);
  await publish(JSON.stringify(e));
  await publish(JSON.stringify(e));
  await eventually(async () => expect(await titles(citizen1)).toEqual(['已收到您的政府信息公开申请（2026-000101）']));
  await consumerIdle();
  expect(await titles(citizen1)).toHaveLength(1);
  const notice = (await inbox.list(citizen1, { page: 1, pageSize: 1 })).items[0]!;
  expect(notice.body).toContain('查询码 TRACK2345ABC');
  for (const other of [citizen2, officerEdu, officerHr, gio]) expect(await titles(other)).toEqual([]);
});

test('an anonymous applicant has no inbox: nobody gets the notice', async () => {
  const before = await rowCount();
  await publish(JSON.stringify(submitted('2026-000102', null)));
  await consumerIdle();
  expect(await rowCount()).toBe(before);
});

test("a department's notice reaches that department's officers, and overdue also the disclosure office", async () => {
  const assigned = requestAssigned.make(
    { requestNumber: '2026-000103', agency: '江东市人民政府', department: 'edu', dueDate: '2026-07-01', dueProvisional: false },
    ctx,
  );
  await publish(JSON.stringify(assigned), requestAssigned.type);
  const overdue = requestOverdue.make(
    { requestNumber: '2026-000104', agency: '江东市人民政府', department: 'edu', dueDate: '2026-07-01', overdueSince: '2026-07-02' },
    ctx,
  );
  await publish(JSON.stringify(overdue), requestOverdue.type);
  await eventually(async () => expect(await titles(gio)).toEqual(['申请已逾期（2026-000104）']));
  await consumerIdle();
  expect((await titles(officerEdu)).sort()).toEqual(['新分派的政府信息公开申请（2026-000103）', '申请已逾期（2026-000104）'].sort());
  expect((await inbox.list(officerEdu, { page: 1, pageSize: 10 })).items.find((n) => n.title.startsWith('新分派'))!.body).toContain(
    '市教育局',
  );
  expect(await titles(officerHr)).toEqual([]);
  expect(await titles(citizen2)).toEqual([]);
});

test('malformed messages change nothing; a valid event nobody is told about is acknowledged; the consumer keeps going', async () => {
  const before = await rowCount();
  await publish('not json');
  await publish(JSON.stringify({ ...submitted('2026-000105', citizen2.sub), payload: { requestNumber: 7 } }));
  await publish(JSON.stringify(newEnvelope('disclosure.request.archived', 1, { requestNumber: 'x' }, ctx)), 'disclosure.request.archived');
  await publish(JSON.stringify(submitted('2026-000106', citizen2.sub)));
  await eventually(async () => expect(await titles(citizen2)).toEqual(['已收到您的政府信息公开申请（2026-000106）']));
  await consumerIdle();
  expect(await rowCount()).toBe(before + 1);
});

test("征求意见: the officers of the request's department and the office are told, nobody else; no party name leaves", async () => {
  const e = requestConsultationRequested.make(
    {
      requestNumber: '2026-000888',
      agency: '江东市人民政府',
      department: 'edu',
      party: 'THIRD_PARTY',
      letterSentOn: '2026-06-03',
      consultationDue: '2026-06-24',
    },
    ctx,
  );
  await publish(JSON.stringify(e), e.type);
  await consumerIdle();
  const title = '申请需征求意见（2026-000888）';
  expect(await titles(officerEdu)).toContain(title);
  expect(await titles(gio)).toContain(title);
  expect(await titles(officerHr)).not.toContain(title);
  expect(await titles(citizen1)).not.toContain(title);
  const [row] = await queryRows<{ body: string }>(
    env.databaseUrl,
    "SELECT body FROM notify.notification WHERE event_id = $1 AND recipient_department = 'edu'",
    [e.id],
  );
  expect(row!.body).toBe(
    '政府信息公开申请 2026-000888（市教育局）已于 2026-06-03 发出征求意见函，征求第三方意见，期限至 2026-06-24；征求意见期间不计入答复期限，请跟进对方答复并在期满后及时恢复办理。',
  );
});
