import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { jest } from '@jest/globals';
import { ErrorCode } from '@govdisc/contracts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { ClassificationService } from '../../src/document/classification.service.js';
import { DocumentService } from '../../src/document/document.service.js';
import { ImportWriter } from '../../src/import/import-writer.repository.js';
import { ImportService } from '../../src/import/import.service.js';
import { SearchService } from '../../src/search/search.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-import' };
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };
const dataDir = mkdtempSync(join(tmpdir(), 'policy-import-'));
let env: MediumEnv;
let app: INestApplication;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy-import', schema: 'policy', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'policy', SEARCH_DATA_DIR: dataDir })));
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

const articles = (n: number, topic: string) =>
  Array.from({ length: n }, (_, i) => `第${i + 1}条 ${topic}第${i + 1}项规定，由相关部门负责组织实施并加强监督管理。`).join('\n');
const lawV1 = {
  id: 'law-v1',
  title: '江东市电梯安全管理条例',
  agency: '江东市人民代表大会常务委员会',
  publishDate: '2019-12-18',
  docType: '地方性法规',
  body: articles(30, '电梯安全管理'),
};
const lawV2 = {
  ...lawV1,
  id: 'law-v2',
  publishDate: '2024-01-01',
  body: lawV1.body.replace('第5项规定', '第5项规定（2024年修正）') + '\n第31条 本条例自2024年1月1日起施行。',
};
const notice = {
  id: 'ncp-1',
  title: '关于阶段性减免企业社会保险费的通知',
  agency: '人社部、财政部、税务总局',
  docNumber: '人社部发〔2020〕11号',
  publishDate: '2020-02-20',
  body: '各省、自治区、直辖市人民政府：\n为减轻新冠肺炎疫情对企业的影响，阶段性减免养老保险、失业保险、工伤保险单位缴费。',
};
const lines = [
  { line: 1, record: lawV1 },
  { line: 2, record: notice },
  { line: 3, record: { ...notice, id: 'ncp-1-repost', title: '转发：关于阶段性减免企业社会保险费的通知' } },
  { line: 4, record: { id: 'bad-1', title: '', body: '正文' } },
  { line: 5, record: null, error: 'not JSON: Unexpected token' },
  { line: 6, record: lawV2 },
];
/** An editor imports, a reviewer publishes the job (four eyes). */
const importAll = async (jobId?: string) => {
  const job = await app.get(ImportService).importBatch({ jobId, source: 'medium', items: lines, publish: false, actor: editor });
  await app.get(ImportService).publishJob(job.id, reviewer, ctx);
  return job;
};
const documentCount = async () =>
  Number((await queryRows<{ n: string }>(env.databaseUrl, 'SELECT count(*) AS n FROM policy.policy_document'))[0]!.n);

test('an import reports imported, exact and near duplicates and rejected lines; the rest is searchable', async () => {
  const job = await importAll();
  const report = job.report as {
    imported: number;
    exactDuplicates: unknown[];
    nearDuplicates: Array<{ externalId: string; canonicalId: string }>;
    rejected: Array<{ line: number; reason: string }>;
  };
  expect(report.imported).toBe(3);
  expect(report.exactDuplicates).toEqual([expect.objectContaining({ line: 3, externalId: 'ncp-1-repost' })]);
  expect(report.rejected.map((r) => r.line)).toEqual([4, 5]);
  expect(report.rejected[0]!.reason).toMatch(/title/);
  expect(report.nearDuplicates).toEqual([expect.objectContaining({ externalId: 'law-v2' })]);
  const [v1] = await queryRows<{ id: string; agencies: string[]; doc_number_key: string; topics: string[]; keywords: string[] }>(
    env.databaseUrl,
    `SELECT id, agencies, doc_number_key, topics, keywords FROM policy.policy_document WHERE external_id IN ('law-v1')`,
  );
  expect(report.nearDuplicates[0]!.canonicalId).toBe(v1!.id);
  const [n] = await queryRows<{ agencies: string[]; doc_number_key: string; topics: string[]; keywords: string[] }>(
    env.databaseUrl,
    `SELECT agencies, doc_number_key, topics, keywords FROM policy.policy_document WHERE external_id = 'ncp-1'`,
  );
  expect(n!.agencies).toEqual(['人力资源和社会保障部', '财政部', '国家税务总局']);
  expect(n!.doc_number_key).toBeTruthy();
  expect(n!.topics).toContain('社会保险');
  expect(n!.keywords.length).toBeGreaterThan(0);
  await eventually(async () => {
    const r = await app.get(SearchService).search({ q: '人社部发2020年11号', page: 1, pageSize: 10, sort: 'relevance' });
    expect(r.items[0]?.externalId).toBe('ncp-1');
  });
});

test('importing the same lines again changes nothing, and the job resumes after its last line', async () => {
  const before = await documentCount();
  const job = await importAll();
  const report = job.report as { imported: number; updated: number; unchanged: number };
  expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
  expect(await documentCount()).toBe(before);
  expect(job.lastLine).toBe(6);
  const resumed = await app.get(ImportService).get(job.id);
  expect(resumed.lastLine).toBe(6);
});

test('a changed record updates its document and bumps the version', async () => {
  const job = await app.get(ImportService).importBatch({
    source: 'medium',
    items: [{ line: 1, record: { ...notice, title: notice.title + '（修订）' } }],
    publish: false,
    actor: editor,
  });
  expect(job.report).toMatchObject({ updated: 1, imported: 0 });
  const versions = await queryRows(
    env.databaseUrl,
    `SELECT v.version FROM policy.policy_document_version v JOIN policy.policy_document d ON d.id = v.document_id WHERE d.external_id = 'ncp-1'`,
  );
  expect(versions.length).toBeGreaterThanOrEqual(2);
});

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
const importFile = (fileName: string, content: string, extra: { firstLine?: number; header?: string; jobId?: string } = {}) =>
  app.get(ImportService).importFile({ fileName, content, firstLine: 1, publish: false, actor: editor, ...extra });
type Report = {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; reason: string; externalId: string | null }>;
};

test('a CSV file imports its good rows and reports the malformed ones with line and reason; again, nothing changes', async () => {
  const csv = fixture('policies.csv');
  const job = await importFile('policies.csv', csv);
  const report = job.report as Report;
  expect(report).toMatchObject({ imported: 4, updated: 0 });
  expect(report.rejected).toEqual([
    expect.objectContaining({ line: 10, reason: expect.stringContaining('列数不符') }),
    expect.objectContaining({ line: 11, externalId: 'jd-2024-005', reason: expect.stringContaining('publishDate') }),
    expect.objectContaining({ line: 12, externalId: 'jd-2024-006', reason: expect.stringContaining('title') }),
  ]);
  expect(job.lastLine).toBe(13);
  const [row] = await queryRows<{ doc_number: string; publish_date: string; category: string; body: string }>(
    env.databaseUrl,
    `SELECT doc_number, publish_date, category, body FROM policy.policy_document WHERE external_id = 'jd-2024-002'`,
  );
  expect(row).toMatchObject({ doc_number: '江政办发〔2024〕9号', publish_date: '2024-03-02', category: '城乡建设、环境保护\\住房' });
  expect(row!.body.split('\n')).toHaveLength(3);
  const again = await importFile('policies.csv', csv);
  expect(again.report).toMatchObject({ imported: 0, updated: 0, unchanged: 4 });
  // A chunk after the first (as the CLI sends large files) reports lines of the whole file.
  const [header, ...rest] = csv.replace(/^\uFEFF/, '').split('\r\n');
  const chunk = await importFile('policies.csv', rest.slice(8).join('\r\n'), { firstLine: 10, header });
  expect((chunk.report as Report).rejected.map((r) => r.line)).toEqual([10, 11, 12]);
});

test('government web pages import with their metadata table, cleaned text and a stable id', async () => {
  const job = await importFile('gov-notice.html', fixture('gov-notice.html'));
  expect(job.report).toMatchObject({ imported: 1, rejected: [] });
  await app.get(ImportService).publishJob(job.id, reviewer, ctx); // a reviewer publishes the editor's import
  const [doc] = await queryRows<{
    id: string;
    title: string;
    index_number: string;
    doc_number: string;
    agencies: string[];
    publish_date: string;
    body: string;
    source_url: string;
  }>(
    env.databaseUrl,
    `SELECT id, title, index_number, doc_number, agencies, publish_date, body, source_url FROM policy.policy_document WHERE index_number IS NOT NULL`,
  );
  expect(doc).toMatchObject({
    title: '江东市人民政府办公室关于进一步做好稳就业工作的通知',
    index_number: '11330100MB0001234X/2024-00087',
    doc_number: '江政办发〔2024〕5号',
    agencies: ['江东市人民政府办公室'],
    publish_date: '2024-03-08',
    source_url: expect.stringContaining('jiangdong.gov.cn'),
  });
  expect(doc!.body).not.toMatch(/首页|分享到|打印|ICP/);
  expect((await importFile('gov-notice.html', fixture('gov-notice.html'))).report).toMatchObject({ unchanged: 1 });
  const refused = await importFile('empty.html', '<html><head><title>空页面</title></head><body><nav>首页</nav></body></html>');
  expect((refused.report as Report).rejected).toEqual([expect.objectContaining({ line: 1, reason: '页面中找不到正文段落' })]);
  await eventually(async () => {
    const r = await app.get(SearchService).search({ q: '江政办发2024年5号', page: 1, pageSize: 10, sort: 'relevance' });
    expect(r.items[0]?.id).toBe(doc!.id);
  });
});

test('an unknown format or a CSV without title and body columns is refused with a stable code', async () => {
  await expect(importFile('notes.txt', 'hello')).rejects.toMatchObject({ code: ErrorCode.POLICY_IMPORT_FORMAT_UNKNOWN });
  await expect(importFile('x.csv', '名字,日期\n甲,2024-01-01')).rejects.toMatchObject({ code: ErrorCode.POLICY_IMPORT_FILE_INVALID });
});

test("an editor's keywords and topics survive re-imports and reach the read model; null restores the computed ones", async () => {
  const [ncp] = await queryRows<{ id: string; keywords: string[]; topics: string[]; version: number }>(
    env.databaseUrl,
    `SELECT id, keywords, topics, version FROM policy.policy_document WHERE external_id = 'ncp-1'`,
  );
  const classification = app.get(ClassificationService);
  const set = await classification.set({
    documentId: ncp!.id,
    keywords: ['阶段性减免', '社保费'],
    topics: ['企业扶持'],
    actor: 'editor-1',
    ctx,
  });
  expect(set).toMatchObject({
    keywords: ['阶段性减免', '社保费'],
    topics: ['企业扶持'],
    keywordsOverridden: true,
    topicsOverridden: true,
    classifiedBy: 'editor-1',
    version: ncp!.version + 1,
  });
  await eventually(async () => {
    const r = await app.get(SearchService).search({ q: '', topic: '企业扶持', page: 1, pageSize: 10, sort: 'relevance' });
    expect(r.items.map((i) => i.id)).toContain(ncp!.id);
  });
  // A changed record re-imported (and the editor's create path) keeps the override.
  const changed = { ...notice, body: notice.body + '\n二、本通知自印发之日起施行。' };
  const job = await app
    .get(ImportService)
    .importBatch({ source: 'medium', items: [{ line: 1, record: changed }], publish: false, actor: editor });
  expect(job.report).toMatchObject({ updated: 1 });
  const edited = await app
    .get(DocumentService)
    .create({ externalId: 'ncp-1', title: notice.title, body: changed.body + '\n三、附则。' }, editor);
  await app.get(DocumentService).publish(edited.id, reviewer, ctx);
  const [after] = await queryRows<{ keywords: string[]; topics: string[]; body: string }>(
    env.databaseUrl,
    `SELECT keywords, topics, body FROM policy.policy_document WHERE id = $1`,
    [ncp!.id],
  );
  expect(after).toMatchObject({ keywords: ['阶段性减免', '社保费'], topics: ['企业扶持'], body: expect.stringContaining('附则') });
  // Clearing the topics override brings back the classifier's topics; the keywords stay overridden.
  const cleared = await classification.set({ documentId: ncp!.id, topics: null, actor: 'editor-1', ctx });
  expect(cleared).toMatchObject({ topicsOverridden: false, keywordsOverridden: true, keywords: ['阶段性减免', '社保费'] });
  expect(cleared.topics).toContain('社会保险');
  await expect(
    classification.set({ documentId: '00000000-0000-4000-8000-000000000000', keywords: ['x'], actor: 'e', ctx }),
  ).rejects.toMatchObject({
    code: ErrorCode.POLICY_DOCUMENT_NOT_FOUND,
  });
});

test('a batch that fails while writing leaves nothing behind: no documents, versions, events or progress', async () => {
  const job = await importFile('first.csv', 'id,标题,正文\nfail-0,先导入的一行,第一条 用于建立任务。');
  const count = async () =>
    (
      await queryRows<{ d: number; v: number; o: number }>(
        env.databaseUrl,
        `SELECT (SELECT count(*)::int FROM policy.policy_document) d, (SELECT count(*)::int FROM policy.policy_document_version) v, (SELECT count(*)::int FROM policy.outbox_event) o`,
      )
    )[0];
  const before = await count();
  const writer = app.get(ImportWriter);
  const spy = jest.spyOn(writer, 'addVersions').mockRejectedValueOnce(new Error('connection lost'));
  const items = [1, 2, 3].map((i) => ({
    line: i + 1,
    record: { id: `fail-${i}`, title: `失败批次文件${i}`, body: `第一条 第${i}份文件的正文，用于验证回滚。` },
  }));
  await expect(
    app.get(ImportService).importBatch({ jobId: job.id, source: 'medium', items, publish: false, actor: editor }),
  ).rejects.toThrow('connection lost');
  spy.mockRestore();
  expect(await count()).toEqual(before);
  expect((await app.get(ImportService).get(job.id)).lastLine).toBe(2);
  // The retry of the same lines then goes through as if nothing had happened.
  const retried = await app.get(ImportService).importBatch({ jobId: job.id, source: 'medium', items, publish: false, actor: editor });
  expect(retried.report).toMatchObject({ imported: 4 });
});

test('a batch sent ahead names the one before it: it is analysed at once but saved after it, seeing its documents', async () => {
  const first = await importFile('ahead.jsonl', JSON.stringify({ id: 'ahead-0', title: '先行批次', body: '第一条 建立任务。' }));
  const text = articles(12, '城市供水节约用水管理');
  const original = { id: 'ahead-1', title: '江东市城市供水管理办法', body: text };
  const repost = { id: 'ahead-2', title: '转发：江东市城市供水管理办法', body: text };
  const imports = app.get(ImportService);
  // The later batch arrives first; it must wait for lines up to 3, then find ahead-1's text already stored.
  const later = imports.importBatch({
    jobId: first.id,
    source: 'medium',
    items: [{ line: 4, record: repost }],
    after: 3,
    publish: false,
    actor: editor,
  });
  const earlier = imports.importBatch({
    jobId: first.id,
    source: 'medium',
    items: [
      { line: 2, record: null, error: 'x' },
      { line: 3, record: original },
    ],
    after: 1,
    publish: false,
    actor: editor,
  });
  const [a, b] = await Promise.all([earlier, later]);
  expect(a.lastLine).toBe(3);
  expect(b.lastLine).toBe(4);
  const [ahead1] = await queryRows<{ id: string }>(env.databaseUrl, `SELECT id FROM policy.policy_document WHERE external_id = 'ahead-1'`);
  expect(b.report).toMatchObject({
    imported: 2,
    exactDuplicates: [expect.objectContaining({ externalId: 'ahead-2', duplicateOf: ahead1!.id })],
  });
});
