import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MessageContext, requestReplied, requestSubmitted } from '@govdisc/contracts';
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
import { UnsubscribeService } from '../../src/email/unsubscribe.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let smtp: TestSmtpServer;
let app: INestApplication;
const ctx: MessageContext = { source: 'disclosure-request-svc', correlationId: 'medium-email' };

const submitted = (requestNumber: string, email: string) =>
  requestSubmitted.make(
    {
      requestNumber,
      agency: '江东市人民政府',
      department: null,
      trackingCode: 'MAIL2345TRAK',
      submittedOn: '2026-06-01',
      receiptDate: null,
      applicant: { sub: 'sub-citizen', email },
    },
    ctx,
  );

async function publish(envelope: { type: string }) {
  await jetstream(env.nc).publish(env.naming.subject(envelope.type), JSON.stringify(envelope), { msgID: randomUUID() });
}

const mailTo = (address: string) => smtp.received.filter((m) => m.rcptTo.includes(address));
const deliveries = (address: string) =>
  queryRows<{ status: string; attempts: number; last_error: string | null }>(
    env.databaseUrl,
    'SELECT status, attempts, last_error FROM notify.email_delivery WHERE address = $1',
    [address],
  );

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'notify-email', schema: 'notify', migrationsDir });
  smtp = await startTestSmtpServer();
  const config = loadAppConfig({
    ...env.env,
    DB_SCHEMA: 'notify',
    SMTP_URL: smtp.url,
    UNSUBSCRIBE_SECRET: 'medium-test-secret-of-at-least-32-chars',
    PUBLIC_BASE_URL: 'https://gov.example.cn',
    EMAIL_POLL_INTERVAL_MS: '100',
  });
  app = await startMediumApp(AppModule.forRoot(config));
});

afterAll(async () => {
  await app?.close();
  await smtp?.stop();
  await env?.cleanup();
});

test('the applicant receives the email: To, Chinese subject and body, stable Message-ID, both one-click unsubscribe headers', async () => {
  const e = submitted('2026-000201', 'lisi@example.com');
  await publish(e);
  await publish(e); // redelivered: still one email
  const mail = await eventually(async () => {
    expect(mailTo('lisi@example.com')).toHaveLength(1);
    return mailTo('lisi@example.com')[0]!;
  });
  const m = mail.parsed;
  expect(m.to).toMatchObject({ value: [{ address: 'lisi@example.com' }] });
  expect(m.subject).toBe('已收到您的政府信息公开申请（2026-000201）');
  expect(m.text).toContain('查询码 MAIL2345TRAK');
  expect(m.text).toContain('您向江东市人民政府提出的政府信息公开申请已收到');
  expect(m.messageId).toMatch(new RegExp(`^<${e.id}\\.[0-9a-f]{16}@gov\\.example\\.cn>$`));
  const unfolded = mail.raw.replace(/\r?\n[ \t]+/g, ' ');
  expect(unfolded).toMatch(/^List-Unsubscribe: <https:\/\/gov\.example\.cn\/api\/v1\/notifications\/unsubscribe\?token=[\w.-]+>\r?$/m);
  expect(unfolded).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  await new Promise((r) => setTimeout(r, 500)); // a few more sender rounds: nothing is sent twice
  expect(mailTo('lisi@example.com')).toHaveLength(1);
  expect(await deliveries('lisi@example.com')).toEqual([{ status: 'SENT', attempts: 1, last_error: null }]);
});

test('the one-click link unsubscribes exactly its address: no more email to it, others unaffected; a forged token is refused', async () => {
  const link = /token=([\w.-]+)/.exec(mailTo('lisi@example.com')[0]!.raw.replace(/\r?\n[ \t]+/g, ''))![1]!;
  const unsubscribes = app.get(UnsubscribeService);
  await expect(unsubscribes.unsubscribe(link.slice(0, -2))).rejects.toMatchObject({ code: 'NOTIFY_UNSUBSCRIBE_TOKEN_INVALID' });
  expect(await unsubscribes.unsubscribe(link)).toEqual({ unsubscribed: true });
  expect(await unsubscribes.unsubscribe(link)).toEqual({ unsubscribed: true }); // clicking twice is harmless

  await publish(
    requestReplied.make(
      {
        requestNumber: '2026-000201',
        agency: '江东市人民政府',
        department: 'edu',
        outcome: 'DISCLOSED',
        replyDate: '2026-06-10',
        onTime: true,
        applicant: { sub: 'sub-citizen', email: 'lisi@example.com' },
      },
      ctx,
    ),
  );
  await publish(submitted('2026-000202', 'wangwu@example.com'));
  await eventually(async () => expect(mailTo('wangwu@example.com')).toHaveLength(1));
  await eventually(async () => expect((await deliveries('lisi@example.com')).map((d) => d.status).sort()).toEqual(['SENT', 'SUPPRESSED']));
  expect(mailTo('lisi@example.com')).toHaveLength(1);
});

test('while the mail relay refuses, nothing is lost: the email waits, is retried with back-off, and goes out once when it accepts', async () => {
  smtp.accept(false);
  await publish(submitted('2026-000203', 'zhaoliu@example.com'));
  await eventually(async () =>
    expect((await deliveries('zhaoliu@example.com'))[0]).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      last_error: expect.stringContaining('451'),
    }),
  );
  smtp.accept(true);
  // Back-off is 5 s after the first failure; make it due now rather than waiting.
  await queryRows(env.databaseUrl, "UPDATE notify.email_delivery SET next_attempt_at = now() WHERE address = 'zhaoliu@example.com'");
  await eventually(async () => expect(mailTo('zhaoliu@example.com')).toHaveLength(1));
  expect(await deliveries('zhaoliu@example.com')).toEqual([{ status: 'SENT', attempts: 2, last_error: expect.stringContaining('451') }]);
  expect(await app.get(EmailSender).runOnce()).toBe(0);
});
