import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { requestSubmitted } from '@govdisc/contracts';
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
import { EmailSender } from '../../src/email/email-sender.service.js';
import { EmailRepository } from '../../src/email/email.repository.js';

// The crash windows of the email outbox, driven by hand: the sender's timer is slowed to 10 minutes,
// so only its first run at start and the runOnce() calls below send anything.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let smtp: TestSmtpServer;
let app: INestApplication;
const address = 'crash@example.com';

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify-email-crash', schema: 'notify', migrationsDir });
  smtp = await startTestSmtpServer();
  const config = loadAppConfig({
    ...env.env,
    DB_SCHEMA: 'notify',
    SMTP_URL: smtp.url,
    UNSUBSCRIBE_SECRET: 'crash-test-secret-of-at-least-32-chars',
    EMAIL_POLL_INTERVAL_MS: '600000',
  });
  app = await startMediumApp(AppModule.forRoot(config));
});

afterAll(async () => {
  await app?.close();
  await smtp?.stop();
  await env?.cleanup();
});

test('a sender that died holding a lease, or after sending but before marking, loses nothing; a resend keeps its Message-ID', async () => {
  const e = requestSubmitted.make(
    {
      requestNumber: '2026-000301',
      agency: '江东市人民政府',
      department: null,
      trackingCode: 'CRASH234TRAK',
      submittedOn: '2026-06-01',
      receiptDate: null,
      applicant: { sub: null, email: address },
    },
    { source: 'test', correlationId: 'crash' },
  );
  await jetstream(env.nc).publish(env.naming.subject(e.type), JSON.stringify(e), { msgID: randomUUID() });
  await eventually(async () =>
    expect(await queryRows(env.databaseUrl, 'SELECT 1 FROM notify.email_delivery WHERE address = $1', [address])).toHaveLength(1),
  );

  // Died holding a lease: another sender leaves the row alone until the lease ends, then sends it.
  const emails = app.get(EmailRepository);
  const sender = app.get(EmailSender);
  expect(await emails.claimDue(10, 300)).toHaveLength(1);
  expect(await sender.runOnce()).toBe(0);
  await new Promise((r) => setTimeout(r, 400));
  expect(await sender.runOnce()).toBe(1);
  const first = smtp.received.filter((m) => m.rcptTo.includes(address));
  expect(first).toHaveLength(1);

  // Died after the relay accepted the message but before marking it: the row is still due, and the resend is the same message.
  await queryRows(env.databaseUrl, "UPDATE notify.email_delivery SET status = 'PENDING', sent_at = NULL WHERE address = $1", [address]);
  expect(await sender.runOnce()).toBe(1);
  const both = smtp.received.filter((m) => m.rcptTo.includes(address));
  expect(both).toHaveLength(2);
  expect(both[1]!.parsed.messageId).toBe(both[0]!.parsed.messageId);
  expect(await sender.runOnce()).toBe(0);
});
