import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { DomainError, ErrorCode, documentPublished } from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { DocumentService } from '../../src/document/document.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-test' };
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };
let env: MediumEnv;
let app: INestApplication;
let documents: DocumentService;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy', schema: 'policy', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'policy' })));
  documents = app.get(DocumentService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

const outboxRows = () =>
  queryRows<{ id: string; type: string; sent_at: Date | null }>(env.databaseUrl, 'SELECT id, type, sent_at FROM policy.outbox_event');

async function streamMessages(subject: string) {
  const jsm = await jetstreamManager(env.nc);
  const stream = env.naming.stream('POLICY_EVENTS');
  const info = await jsm.streams.info(stream);
  const out: Array<{ id: string; subject: string }> = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (m && m.subject === subject) out.push({ id: m.header.get('Nats-Msg-Id'), subject: m.subject });
  }
  return out;
}

test('publishing commits the state change and its event together; the relay delivers it to JetStream once', async () => {
  const draft = await documents.create(
    { title: '江东市稳岗返还实施办法', body: '第一条 为了稳定就业……', docNumber: '江人社发〔2025〕8号' },
    editor,
  );
  const published = await documents.publish(draft.id, reviewer, ctx);
  expect(published.status).toBe('PUBLISHED');

  const subject = env.naming.subject(documentPublished.type);
  const [row] = await eventually(async () => {
    const rows = await outboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sent_at).not.toBeNull();
    return rows;
  });
  const messages = await eventually(async () => {
    const m = await streamMessages(subject);
    expect(m).toHaveLength(1);
    return m;
  });
  expect(messages[0]!.id).toBe(row!.id);
});

test('a failed publish writes no event (no outbox row without the state change)', async () => {
  const before = (await outboxRows()).length;
  const draft = await documents.create({ title: '草稿', body: '正文' }, editor);
  await documents.publish(draft.id, reviewer, ctx);
  await expect(documents.publish(draft.id, reviewer, ctx)).rejects.toMatchObject({ code: ErrorCode.POLICY_DOCUMENT_ALREADY_PUBLISHED });
  await expect(documents.publish('00000000-0000-4000-8000-000000000000', reviewer, ctx)).rejects.toBeInstanceOf(DomainError);
  expect((await outboxRows()).length).toBe(before + 1);
});

test('a relay that crashed after publishing but before marking sent re-publishes harmlessly (stream dedup by event id)', async () => {
  const draft = await documents.create({ title: '重复发布测试', body: '正文' }, editor);
  await documents.publish(draft.id, reviewer, ctx);
  const [sent] = await eventually(async () => {
    const r = await queryRows<{ id: string }>(
      env.databaseUrl,
      `SELECT id FROM policy.outbox_event WHERE envelope->'payload'->>'documentId' = $1 AND sent_at IS NOT NULL`,
      [draft.id],
    );
    expect(r).toHaveLength(1);
    return r;
  });
  const js = jetstream(env.nc);
  const ack = await js.publish(env.naming.subject(documentPublished.type), '{}', { msgID: sent!.id });
  expect(ack.duplicate).toBe(true);
});

test('re-importing a document with the same external id updates it instead of duplicating', async () => {
  const first = await documents.create({ externalId: 'ext-1', title: '旧标题', body: '正文' }, editor);
  const second = await documents.create({ externalId: 'ext-1', title: '新标题', body: '正文二' }, editor);
  expect(second.id).toBe(first.id);
  expect(second.version).toBe(first.version + 1);
  expect(second.title).toBe('新标题');
});
