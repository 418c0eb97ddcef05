import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { SetPolicyClassificationReq, documentAmended, documentPublished } from '@govdisc/contracts';
import { type MediumEnv, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { ClassificationService } from '../../src/document/classification.service.js';
import { DocumentLifecycleService } from '../../src/document/document-lifecycle.service.js';
import { DocumentService } from '../../src/document/document.service.js';
import { ImportService } from '../../src/import/import.service.js';

// Citizen topic codes on policies (issue 13 part 6): computed by the shared classifier on import and edit, set by an
// editor like keywords/topics (kept through re-imports), and carried by the lifecycle events as `topicCodes`.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-topic-codes' };
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };
let env: MediumEnv;
let app: INestApplication;
let documents: DocumentService;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy-topics', schema: 'policy', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'policy' })));
  documents = app.get(DocumentService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

const fund = {
  id: 'topic-fund',
  title: '江东市住房公积金提取管理办法',
  body: '第一条 为规范住房公积金提取，保障缴存职工权益，制定本办法。',
};
const disability = { id: 'topic-dis', title: '江东市困难残疾人生活补贴实施办法', body: '第一条 为保障困难残疾人基本生活，制定本办法。' };

const importAndPublish = async (records: object[]) => {
  const items = records.map((record, i) => ({ line: i + 1, record }));
  const job = await app.get(ImportService).importBatch({ source: 'medium', items, publish: false, actor: editor });
  await app.get(ImportService).publishJob(job.id, reviewer, ctx);
};
const byExternalId = async (externalId: string) => documents.getByExternalId(externalId, editor);
const eventsOf = (type: string, documentId: string) =>
  queryRows<{ payload: { topicCodes?: string[] } }>(
    env.databaseUrl,
    `SELECT envelope->'payload' AS payload FROM policy.outbox_event WHERE type = $1 AND envelope->'payload'->>'documentId' = $2 ORDER BY created_at`,
    [type, documentId],
  );

test('an import gives each document its citizen topic codes; the published event carries them; lists and counts use them', async () => {
  await importAndPublish([fund, disability]);
  const doc = await byExternalId('topic-fund');
  expect(doc).toMatchObject({ topicCodes: ['housing-fund'], topicCodesOverridden: false });
  expect([...(await byExternalId('topic-dis')).topicCodes].sort()).toEqual(['disability', 'subsidies']);
  expect((await eventsOf(documentPublished.type, doc.id)).map((e) => e.payload.topicCodes)).toEqual([['housing-fund']]);
  const listed = await documents.list({ page: 1, pageSize: 10, status: 'PUBLISHED', topicCode: 'disability' }, null);
  expect(listed.items.map((d) => d.externalId)).toEqual(['topic-dis']);
  expect(await documents.countsByTopic()).toEqual({ 'housing-fund': 1, subsidies: 1, disability: 1 });
});

test("an editor's topic codes stay through a re-import and reach the amended event; null restores the computed ones", async () => {
  const doc = await byExternalId('topic-fund');
  const classify = (topicCodes: string[] | null) =>
    app.get(ClassificationService).set({ ...SetPolicyClassificationReq.parse({ documentId: doc.id, topicCodes }), actor: editor.sub, ctx });
  expect(await classify(['real-estate', 'housing-fund'])).toMatchObject({
    topicCodes: ['real-estate', 'housing-fund'],
    topicCodesOverridden: true,
  });
  expect((await eventsOf(documentPublished.type, doc.id)).at(-1)!.payload.topicCodes).toEqual(['real-estate', 'housing-fund']);

  await importAndPublish([{ ...fund, body: fund.body + '\n第二条 职工租房自住的，可以提取住房公积金。' }]);
  const reimported = await byExternalId('topic-fund');
  expect(reimported.version).toBeGreaterThan(doc.version);
  expect(reimported).toMatchObject({ topicCodes: ['real-estate', 'housing-fund'], topicCodesOverridden: true });

  await app.get(DocumentLifecycleService).change({ documentId: doc.id, change: 'amend', ctx });
  expect((await eventsOf(documentAmended.type, doc.id)).map((e) => e.payload.topicCodes)).toEqual([['real-estate', 'housing-fund']]);

  expect(await classify(null)).toMatchObject({ topicCodes: ['housing-fund'], topicCodesOverridden: false });
});

test('an unknown topic code is refused before anything is saved', () => {
  expect(() => SetPolicyClassificationReq.parse({ documentId: '00000000-0000-4000-8000-000000000000', topicCodes: ['housing'] })).toThrow(
    /主题服务须为以下编码之一/,
  );
});
