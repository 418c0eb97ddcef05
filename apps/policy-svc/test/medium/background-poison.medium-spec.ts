import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { OutboxRelayHost, backgroundQueueSnapshots } from '@govdisc/service-kit';
import { DurableConsumer } from '@govdisc/messaging';
import { DEAD_LETTER_STREAM, DomainError, ErrorCode, deadLetterSubject } from '@govdisc/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { DocumentService } from '../../src/document/document.service.js';
import { SearchEventBuffer } from '../../src/search-analytics/search-event-buffer.js';

// One item PostgreSQL or NATS refuses must not stop a background queue: the rest keeps flowing and
// the poison is set aside where it can be inspected.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-background-poison' };
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };
const dataDir = mkdtempSync(join(tmpdir(), 'policy-poison-'));
let env: MediumEnv;
let app: INestApplication;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy-poison', schema: 'policy', migrationsDir });
  const config = loadAppConfig({ ...env.env, DB_SCHEMA: 'policy', SEARCH_DATA_DIR: dataDir, SEARCH_ANALYTICS_FLUSH_MS: '60000' });
  app = await startMediumApp(AppModule.forRoot(config));
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

const event = (query: string) => ({ kind: 'search' as const, day: '2026-12-05', query, totalHits: 1, documentId: null, at: new Date() });
const queries = async () =>
  (await queryRows<{ query: string }>(env.databaseUrl, 'SELECT query FROM policy.search_event ORDER BY id')).map((r) => r.query);

test('search analytics: a row PostgreSQL refuses (U+0000 in text) is set aside after 3 flushes; the rows around it are written at once', async () => {
  const buffer = app.get(SearchEventBuffer);
  for (const q of ['住房公积金', '养老保险', 'bad\u0000query', '落户', '社保']) buffer.add(event(q));
  await buffer.flush();
  expect((await queries()).sort()).toEqual(['住房公积金', '养老保险', '社保', '落户'].sort());
  expect(buffer.snapshot()).toMatchObject({ pending: 1, parkedTotal: 0 });

  buffer.add(event('医保'));
  await buffer.flush();
  await buffer.flush();
  expect(await queries()).toContain('医保');
  const snapshot = buffer.snapshot();
  expect(snapshot).toMatchObject({ pending: 0, parkedTotal: 1 });
  expect(snapshot.parked[0]).toMatchObject({ item: expect.stringContaining('bad\\u0000query') });
  // Listed with every background queue of the process (what /metrics/queues and the gauges read).
  expect((await backgroundQueueSnapshots()).find((s) => s.queue === 'search analytics')).toMatchObject({ pending: 0, parkedTotal: 1 });
  buffer.add(event('公租房'));
  await buffer.flush();
  expect(await queries()).toContain('公租房');
});

test('outbox: a row NATS cannot take (larger than max_payload) is parked after bounded retries; the events behind it are published', async () => {
  const id = randomUUID();
  const huge = {
    id,
    type: 'policy.document.published',
    version: 1,
    time: new Date(Date.now() - 60_000).toISOString(),
    source: 'policy-svc',
    correlationId: 'poison',
    payload: { text: 'x'.repeat(2_000_000) },
  };
  await queryRows(
    env.databaseUrl,
    `INSERT INTO policy.outbox_event (id, type, envelope, created_at) VALUES ($1::uuid, $2, $3::jsonb, now() - interval '1 minute')`,
    [id, huge.type, JSON.stringify(huge)],
  );
  const documents = app.get(DocumentService);
  const draft = await documents.create(
    { title: '江东市城乡居民基本养老保险实施办法', body: '第一条 为了健全城乡居民基本养老保险制度，制定本办法。' },
    editor,
  );
  const published = await documents.publish(draft.id, reviewer, ctx);

  const rows = () =>
    queryRows<{ id: string; sent_at: Date | null; parked: boolean }>(
      env.databaseUrl,
      `SELECT id::text, sent_at, claimed_until = 'infinity' AS parked FROM policy.outbox_event`,
    );
  await eventually(
    async () => {
      const all = await rows();
      expect(all.find((r) => r.id === id)).toMatchObject({ sent_at: null, parked: true });
      expect(all.filter((r) => r.id !== id).every((r) => r.sent_at !== null)).toBe(true);
    },
    { timeoutMs: 20_000 },
  );
  expect(published.status).toBe('PUBLISHED');
  const relay = app.get(OutboxRelayHost).relay;
  expect([await relay.pendingCount(), await relay.parkedCount()]).toEqual([0, 1]);
  expect((await backgroundQueueSnapshots()).find((s) => s.kind === 'outbox')).toMatchObject({
    pending: 0,
    parkedTotal: 1,
    parked: [expect.objectContaining({ item: expect.stringContaining(id) })],
  });
}, 30_000);

test('JetStream consumer: a message that keeps failing is copied to the dead letters after maxDeliver (5) deliveries, a rejected one at once; the messages around them are handled', async () => {
  const name = 'notify-svc__policy-document-published';
  const handled: string[] = [];
  const deliveries = new Map<string, number>();
  const dead: string[] = [];
  const silent = {
    info() {},
    warn() {},
    error() {},
    child() {
      return silent;
    },
  };
  const consumer = new DurableConsumer({
    nc: env.nc,
    naming: env.naming,
    name,
    logger: silent as never,
    retryDelayMs: () => 100,
    handle: async (raw) => {
      const id = (raw as { id: string }).id;
      deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      if (id === 'poison') throw new Error('the database refused the row');
      if (id === 'malformed') throw new DomainError(ErrorCode.MALFORMED_MESSAGE);
      handled.push(id);
      return true;
    },
    onDeadLetter: (msg) => dead.push(msg.string()),
  });
  await consumer.start();
  const subject = env.naming.subject('policy.document.published');
  for (const id of ['ok-1', 'poison', 'malformed', 'ok-2']) await jetstream(env.nc).publish(subject, JSON.stringify({ id }));
  await jetstream(env.nc).publish(subject, 'not json {');
  await eventually(() => expect(dead.sort()).toEqual(['not json {', '{"id":"malformed"}', '{"id":"poison"}']), { timeoutMs: 20_000 });
  expect(handled).toEqual(expect.arrayContaining(['ok-1', 'ok-2']));
  expect([deliveries.get('poison'), deliveries.get('malformed')]).toEqual([5, 1]);
  const info = await (await jetstreamManager(env.nc)).streams.info(env.naming.stream(DEAD_LETTER_STREAM));
  expect(info.state.messages).toBe(3);
  const copy = await (
    await jetstreamManager(env.nc)
  ).streams.getMessage(env.naming.stream(DEAD_LETTER_STREAM), { last_by_subj: env.naming.subject(deadLetterSubject(name)) });
  expect(copy?.json()).toEqual({ id: 'poison' });
  expect(await consumer.deadLetterCount()).toBe(3); // what govdisc_dead_letters{consumer} reports
  await eventually(async () => expect(await consumer.pendingCount()).toBe(0));
  await consumer.stop();
}, 30_000);
