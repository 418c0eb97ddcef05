import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { OpenSearchSearchIndex } from '@govdisc/search-index';
import { type MediumEnv, eventually, prepareMediumEnv, startMediumApp, requiredOpensearchUrl } from '@govdisc/testing';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { DocumentService } from '../../src/document/document.service.js';
import { SearchEngine } from '../../src/search/search-engine.js';
import { SearchService } from '../../src/search/search.service.js';

// The search projection on OpenSearch across a restart: the stream position is kept with the index,
// so a restart resumes from it instead of building a new index from the database. Needs
// $OPENSEARCH_URL (a missing URL fails, it is never skipped).
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-search-opensearch' };
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };
const alias = `govdisc-policies-test-${randomUUID().slice(0, 8)}`;
let env: MediumEnv;
let app: INestApplication | undefined;

const start = async () => {
  const config = loadAppConfig({
    ...env.env,
    DB_SCHEMA: 'policy',
    OPENSEARCH_URL: requiredOpensearchUrl(),
    OPENSEARCH_ALIAS: alias,
    SEARCH_SNAPSHOT_DEBOUNCE_MS: '200',
  });
  app = await startMediumApp(AppModule.forRoot(config));
};
const found = async (q: string) =>
  (await app!.get(SearchService).search({ q, page: 1, pageSize: 10, sort: 'relevance' })).items.map((i) => i.title);
const publish = async (title: string, body: string) => {
  const documents = app!.get(DocumentService);
  return documents.publish((await documents.create({ title, body }, editor)).id, reviewer, ctx);
};
const behindAlias = async () => {
  const index = await OpenSearchSearchIndex.open({ node: requiredOpensearchUrl(), alias });
  try {
    return { name: await index.currentIndex(), position: (await index.readMeta('projectionPosition')) as { seq: number } | null };
  } finally {
    await index.close();
  }
};

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy-search-os', schema: 'policy', migrationsDir });
  await start();
});

afterAll(async () => {
  await app?.close();
  const index = await OpenSearchSearchIndex.open({ node: requiredOpensearchUrl(), alias });
  await index.drop();
  await index.close();
  await env?.cleanup();
});

test('a restart resumes the projection from the position saved with the index: no new index, later events still arrive', async () => {
  await publish('江东市残疾人两项补贴发放办法', '第一条 困难残疾人生活补贴和重度残疾人护理补贴按月发放。');
  await eventually(async () => expect(await found('残疾人补贴')).toContain('江东市残疾人两项补贴发放办法'));
  const before = await eventually(async () => {
    const b = await behindAlias();
    expect(b.position?.seq).toBeGreaterThan(0); // saved once the changes paused
    return b;
  });
  await app!.close();

  await start();
  expect(app!.get(SearchEngine).position?.seq).toBeGreaterThanOrEqual(before.position!.seq);
  expect((await behindAlias()).name).toBe(before.name); // resumed: the same index, not a rebuilt one
  expect(await found('残疾人补贴')).toContain('江东市残疾人两项补贴发放办法');
  await publish('江东市高龄津贴申领规定', '第一条 八十周岁以上老年人按月领取高龄津贴。');
  await eventually(async () => expect(await found('高龄津贴')).toContain('江东市高龄津贴申领规定'));
});
