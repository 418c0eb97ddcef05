import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MessageContext, requestAssigned } from '@govdisc/contracts';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import { migrate } from '@govdisc/service-kit';
import { type TestDatabase, createTestDatabase, eventually, freePort, startMediumApp, stopChild } from '@govdisc/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';

/**
 * The department permissions of docs/department-integration.md on a private nats-server: user
 * `dept-edu` may read the `dept-edu` consumer (dept.edu.>) and core subjects dept.edu.>, with its own
 * inbox prefix, and nothing else. notify-svc runs against that server and republishes the events.
 */
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx: MessageContext = { source: 'disclosure-request-svc', correlationId: 'medium-dept-subjects' };
const EDU_INBOX = '_INBOX_dept_edu';

const natsConfig = (port: number, storeDir: string) => `
listen: "127.0.0.1:${port}"
jetstream { store_dir: "${storeDir}" }
authorization {
  users: [
    { user: "platform", password: "platform-pw" }
    {
      user: "dept-edu", password: "dept-edu-pw"
      permissions: {
        publish: { allow: ["$JS.API.INFO", "$JS.API.CONSUMER.INFO.DEPT_EVENTS.dept-edu", "$JS.API.CONSUMER.MSG.NEXT.DEPT_EVENTS.dept-edu", "$JS.ACK.DEPT_EVENTS.dept-edu.>"] }
        subscribe: { allow: ["dept.edu.>", "${EDU_INBOX}.>"] }
      }
    }
  ]
}
no_auth_user: "platform"
`;

let child: ChildProcess;
let dir: string;
let url: string;
let db: TestDatabase;
let platform: NatsConnection;
let app: INestApplication;

beforeAll(async () => {
  const port = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'govdisc-dept-nats-'));
  writeFileSync(join(dir, 'nats.conf'), natsConfig(port, join(dir, 'js')));
  child = spawn(process.env.NATS_SERVER_BIN ?? 'nats-server', ['-c', join(dir, 'nats.conf')], { stdio: 'ignore' });
  url = `nats://127.0.0.1:${port}`;
  platform = await eventually(() => connect({ servers: url, name: 'platform' }), { timeoutMs: 10_000 });
  await applyBusLayout(platform, new BusNaming(''));
  db = await createTestDatabase('notify_dept_subjects');
  await migrate({ databaseUrl: db.url, schema: 'notify', migrationsDir });
  const config = loadAppConfig({
    DATABASE_URL: db.url,
    NATS_URL: url,
    DB_SCHEMA: 'notify',
    LOG_LEVEL: 'silent',
    DB_SKIP_MIGRATIONS: 'true',
  });
  app = await startMediumApp(AppModule.forRoot(config));
});

afterAll(async () => {
  await app?.close();
  await platform?.drain();
  if (child) await stopChild(child);
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("dept-edu reads its own department's events and is refused another department's", async () => {
  const js = jetstream(platform);
  const eduEvent = requestAssigned.make(
    { requestNumber: '2026-000801', agency: '江东市人民政府', department: 'edu', dueDate: '2026-07-01', dueProvisional: false },
    ctx,
  );
  const hrEvent = requestAssigned.make(
    { requestNumber: '2026-000802', agency: '江东市人民政府', department: 'hrss', dueDate: '2026-07-01', dueProvisional: false },
    ctx,
  );
  await js.publish(hrEvent.type, JSON.stringify(hrEvent), { msgID: hrEvent.id });
  await js.publish(eduEvent.type, JSON.stringify(eduEvent), { msgID: eduEvent.id });

  const edu = await connect({ servers: url, user: 'dept-edu', pass: 'dept-edu-pw', inboxPrefix: EDU_INBOX, name: 'dept-edu' });
  try {
    const consumer = await jetstream(edu).consumers.get('DEPT_EVENTS', 'dept-edu');
    const msg = await eventually(async () => {
      const m = await consumer.next({ expires: 1_000 });
      expect(m).not.toBeNull();
      return m!;
    });
    expect(msg.subject).toBe('dept.edu.disclosure.request.assigned');
    expect(msg.json<{ payload: { requestNumber: string; department: string } }>().payload).toMatchObject({
      requestNumber: '2026-000801',
      department: 'edu',
    });
    msg.ack();
    expect(await consumer.next({ expires: 1_000 })).toBeNull(); // hrss's event is not on edu's consumer

    // Another department's consumer: the JetStream API request itself is refused.
    await expect(jetstream(edu).consumers.get('DEPT_EVENTS', 'dept-hrss')).rejects.toThrow(/permission/i);
    // Another department's subjects: the server refuses the subscription.
    const sub = edu.subscribe('dept.hrss.>');
    await expect(sub.closed).resolves.toEqual(
      expect.objectContaining({ message: expect.stringMatching(/Permissions Violation for Subscription to "dept\.hrss\.>"/i) }),
    );
  } finally {
    await edu.close();
  }
  // hrss's copy is there (refused, not missing): the platform, with full rights, reads it.
  const jsm = await jetstreamManager(platform);
  const hrCopy = await jsm.streams.getMessage('DEPT_EVENTS', { last_by_subj: 'dept.hrss.disclosure.request.assigned' });
  expect(hrCopy!.json<{ payload: { requestNumber: string } }>().payload.requestNumber).toBe('2026-000802');
});
