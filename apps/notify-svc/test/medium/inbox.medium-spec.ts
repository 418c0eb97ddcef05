import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type Actor, DomainError, Role } from '@govdisc/contracts';
import { type MediumEnv, prepareMediumEnv, startMediumApp } from '@govdisc/testing';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { InboxRepository, type NewNotice } from '../../src/inbox/inbox.repository.js';
import { InboxService } from '../../src/inbox/inbox.service.js';
import type { Recipient } from '../../src/inbox/recipient.js';
import { PrismaService } from '../../src/infra/prisma.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let inbox: InboxService;

const citizen1: Actor = { sub: 'sub-citizen-1', roles: [Role.Citizen] };
const citizen2: Actor = { sub: 'sub-citizen-2', roles: [Role.Citizen] };
const enterprise1: Actor = { sub: 'sub-enterprise-1', roles: [Role.Enterprise] };
const officerEdu: Actor = { sub: 'sub-officer-edu', roles: [Role.DeptOfficer], department: 'edu' };
const officerEdu2: Actor = { sub: 'sub-officer-edu-2', roles: [Role.DeptOfficer], department: 'edu' };
const officerHr: Actor = { sub: 'sub-officer-hr', roles: [Role.DeptOfficer], department: 'hrss' };
const gio: Actor = { sub: 'sub-gio', roles: [Role.DisclosureOfficer] };
const admin: Actor = { sub: 'sub-admin', roles: [Role.Admin] };
/** An editor whose token happens to carry department edu: a department notice is for officers only. */
const editorEdu: Actor = { sub: 'sub-editor', roles: [Role.Editor], department: 'edu' };

/** Writes notices through the real repository, one event each unless `eventId` is given. */
async function notify(recipient: Recipient, title: string, eventId = randomUUID()): Promise<number> {
  const notice: NewNotice = { eventId, eventType: 'test.event', recipient, title, body: `${title}的正文` };
  return app.get(PrismaService).$transaction((tx) => app.get(InboxRepository).add([notice], tx));
}

const titles = async (actor: Actor) => (await inbox.list(actor, { page: 1, pageSize: 100 })).items.map((n) => n.title).sort();

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify-inbox', schema: 'notify', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'notify' })));
  inbox = app.get(InboxService);
  await notify({ sub: citizen1.sub }, '申请已收到（张三）');
  await notify({ sub: citizen2.sub }, '申请已收到（李四）');
  await notify({ role: Role.DeptOfficer, department: 'edu' }, '新分派申请（教育局）');
  await notify({ role: Role.DeptOfficer, department: 'hrss' }, '新分派申请（人社局）');
  await notify({ role: Role.DisclosureOfficer }, '申请即将到期');
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test("each person sees only their own notices and their groups': never another person's", async () => {
  expect(await titles(citizen1)).toEqual(['申请已收到（张三）']);
  expect(await titles(citizen2)).toEqual(['申请已收到（李四）']);
  expect(await titles(enterprise1)).toEqual([]);
  expect(await titles(officerEdu)).toEqual(['新分派申请（教育局）']);
  expect(await titles(officerHr)).toEqual(['新分派申请（人社局）']);
  expect(await titles(gio)).toEqual(['申请即将到期']);
  expect(await titles(editorEdu)).toEqual([]);
  // Admins are not a back door into people's inboxes either.
  expect(await titles(admin)).toEqual([]);
});

test('read state is per person: one officer reading a department notice leaves it unread for the others', async () => {
  const notice = (await inbox.list(officerEdu, { page: 1, pageSize: 10 })).items[0]!;
  expect(notice.read).toBe(false);
  expect(await inbox.markRead(officerEdu, notice.id)).toEqual({ id: notice.id, read: true, unread: 0 });
  expect((await inbox.list(officerEdu, { page: 1, pageSize: 10 })).items[0]?.read).toBe(true);
  const other = await inbox.list(officerEdu2, { page: 1, pageSize: 10 });
  expect(other).toMatchObject({ unread: 1, total: 1 });
  expect(other.items[0]).toMatchObject({ id: notice.id, read: false });
  // Marking twice is harmless.
  expect((await inbox.markRead(officerEdu, notice.id)).unread).toBe(0);
});

test("marking someone else's notice answers like an unknown id and changes nothing", async () => {
  const theirs = (await inbox.list(citizen1, { page: 1, pageSize: 10 })).items[0]!;
  for (const stranger of [citizen2, officerHr, admin]) {
    const error = await inbox.markRead(stranger, theirs.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('NOTIFICATION_NOT_FOUND');
  }
  const unknown = await inbox.markRead(citizen2, randomUUID()).catch((e: DomainError) => e.code);
  expect(unknown).toBe('NOTIFICATION_NOT_FOUND');
  expect((await inbox.list(citizen1, { page: 1, pageSize: 10 })).items[0]?.read).toBe(false);
});

test('paging, unread count, unread-only filter and mark all read', async () => {
  const reader: Actor = { sub: 'sub-paging', roles: [Role.Citizen] };
  for (let i = 1; i <= 25; i++) await notify({ sub: reader.sub }, `通知${String(i).padStart(2, '0')}`);
  const first = await inbox.list(reader, { page: 1, pageSize: 10 });
  expect(first).toMatchObject({ total: 25, unread: 25 });
  expect(first.items).toHaveLength(10);
  const third = await inbox.list(reader, { page: 3, pageSize: 10 });
  expect(third.items).toHaveLength(5);
  const seen = new Set([...first.items, ...(await inbox.list(reader, { page: 2, pageSize: 10 })).items, ...third.items].map((n) => n.id));
  expect(seen.size).toBe(25);
  await inbox.markRead(reader, first.items[0]!.id);
  const unread = await inbox.list(reader, { page: 1, pageSize: 100, unreadOnly: true });
  expect(unread).toMatchObject({ total: 24, unread: 24 });
  expect(unread.items.some((n) => n.id === first.items[0]!.id)).toBe(false);
  expect(await inbox.markAllRead(reader)).toEqual({ marked: 24, unread: 0 });
  expect((await inbox.list(reader, { page: 1, pageSize: 1 })).unread).toBe(0);
  expect(await inbox.markAllRead(reader)).toEqual({ marked: 0, unread: 0 });
  // Nobody else's unread count moved.
  expect((await inbox.list(citizen2, { page: 1, pageSize: 1 })).unread).toBe(1);
});

test('the same (event, recipient) is stored once; the same event may reach several recipients', async () => {
  const eventId = randomUUID();
  expect(await notify({ sub: 'sub-dup' }, '重复投递', eventId)).toBe(1);
  expect(await notify({ sub: 'sub-dup' }, '重复投递', eventId)).toBe(0);
  expect(await notify({ role: Role.DisclosureOfficer }, '重复投递', eventId)).toBe(1);
  expect(await titles({ sub: 'sub-dup', roles: [] })).toEqual(['重复投递']);
});
