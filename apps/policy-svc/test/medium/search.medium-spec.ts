import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ErrorCode, documentPublished } from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, startMediumApp } from '@govdisc/testing';
import { jetstream } from '@nats-io/jetstream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { DocumentLifecycleService } from '../../src/document/document-lifecycle.service.js';
import { DocumentService } from '../../src/document/document.service.js';
import { SearchEngine } from '../../src/search/search-engine.js';
import { SearchProjectionService } from '../../src/search/search-projection.service.js';
import { SearchService } from '../../src/search/search.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-search' };
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };
const dataDir = mkdtempSync(join(tmpdir(), 'policy-search-'));
let env: MediumEnv;
let app: INestApplication | undefined;

const start = async () => {
  app = await startMediumApp(
    AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'policy', SEARCH_DATA_DIR: dataDir, SEARCH_SNAPSHOT_DEBOUNCE_MS: '200' })),
  );
  return app;
};
const search = (q: string, filters: Record<string, string> = {}) =>
  app!.get(SearchService).search({ q, page: 1, pageSize: 10, sort: 'relevance', ...filters });

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy-search', schema: 'policy', migrationsDir });
  await start();
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

async function publish(input: { title: string; body: string; docNumber?: string; agency?: string; publishDate?: string }) {
  const documents = app!.get(DocumentService);
  const draft = await documents.create(input, editor);
  return documents.publish(draft.id, reviewer, ctx);
}

test('a published document becomes findable by a colloquial query and a loosely typed 发文字号; drafts stay out', async () => {
  const doc = await publish({
    title: '江东市职工基本医疗保险门诊共济保障实施办法',
    docNumber: '江政办发〔2025〕12号',
    agency: '江东市人民政府办公室',
    publishDate: '2025-03-01',
    body: '第一章 总则\n第一条 为了健全职工医疗保险门诊共济保障机制，减轻参保人员门诊费用负担，制定本办法。\n第二条 门诊费用纳入统筹基金支付范围。',
  });
  await app!.get(DocumentService).create({ title: '江东市医保草稿', body: '医保草稿正文' }, editor);
  const hit = await eventually(async () => {
    const r = await search('医保门诊报销');
    expect(r.items.map((i) => i.id)).toContain(doc.id);
    return r;
  });
  expect(hit.items.some((i) => i.title.includes('草稿'))).toBe(false);
  expect(hit.facets.agency).toEqual(expect.arrayContaining([{ value: '江东市人民政府办公室', count: 1 }]));
  const byNumber = await search('江政办发[2025]12号');
  expect(byNumber.items[0]?.id).toBe(doc.id);
  const browse = await search('', { year: '2025' });
  expect(browse.items.map((i) => i.id)).toEqual([doc.id]);
});

test('a repealed document stays findable, marked 废止, and an older event never overwrites it', async () => {
  const doc = await publish({ title: '江东市住房公积金提取管理办法', body: '第一条 职工提取住房公积金，适用本办法。' });
  const repealed = await app!.get(DocumentLifecycleService).change({ documentId: doc.id, change: 'repeal', ctx });
  await eventually(async () => {
    const r = await search('公积金提取');
    expect(r.items.find((i) => i.id === doc.id)?.validity).toBe('废止');
  });
  // Replaying the old published event (as a redelivery would) leaves the newer state in place.
  const old = documentPublished.make(
    { documentId: doc.id, docNumber: null, title: doc.title, agency: null, publishedAt: new Date().toISOString(), version: doc.version },
    ctx,
  );
  await jetstream(env.nc).publish(env.naming.subject(documentPublished.type), JSON.stringify(old), { msgID: old.id });
  const marker = await publish({ title: '江东市标记文件', body: '第一条 标记。' });
  await eventually(async () => expect((await search('标记文件')).items[0]?.id).toBe(marker.id));
  expect((await search('公积金提取')).items.find((i) => i.id === doc.id)?.validity).toBe('废止');
  expect(repealed.version).toBeGreaterThan(doc.version);
  await expect(app!.get(DocumentLifecycleService).change({ documentId: doc.id, change: 'amend', ctx })).rejects.toMatchObject({
    code: ErrorCode.POLICY_INVALID_TRANSITION,
  });
});

test('a held result page is served again until the index changes, and the change shows on the next search', async () => {
  const engine = app!.get(SearchEngine);
  const first = await publish({ title: '江东市养犬登记管理规定', body: '第一条 养犬人应当办理养犬登记。' });
  await eventually(async () => expect((await search('养犬登记')).items.map((i) => i.id)).toEqual([first.id]));
  const request = { q: '养犬登记', page: 1, pageSize: 10 };
  expect(await engine.search({ ...request })).toBe(await engine.search({ ...request })); // held
  const second = await publish({ title: '江东市养犬登记收费办法', body: '第一条 养犬登记不收取费用。' });
  // once the index holds the new document (asked directly, past the held pages), the very next search shows it
  await eventually(async () => expect((await engine.index.search(request)).items.map((i) => i.id)).toContain(second.id));
  expect((await search('养犬登记')).items.map((i) => i.id).sort()).toEqual([first.id, second.id].sort());
});

test('a restart loads the snapshot instead of re-indexing, and the rebuild command restores the same index', async () => {
  const before = await app!.get(SearchEngine).index.count();
  expect(before).toBeGreaterThanOrEqual(3);
  await app!.close();
  await start();
  const engine = app!.get(SearchEngine);
  expect(engine.position?.seq).toBeGreaterThan(0);
  expect(await engine.index.count()).toBe(before);
  expect((await search('医保门诊')).total).toBeGreaterThan(0);
  const rebuilt = await app!.get(SearchProjectionService).rebuild();
  expect(rebuilt).toMatchObject({ indexed: before, engine: 'embedded' });
  expect((await search('江政办发2025年12号')).items[0]?.title).toBe('江东市职工基本医疗保险门诊共济保障实施办法');
});
