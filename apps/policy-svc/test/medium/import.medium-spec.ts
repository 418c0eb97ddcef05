import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { ImportService } from '../../src/import/import.service.js';
import { SearchService } from '../../src/search/search.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-import' };
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

const articles = (n: number, topic: string) => Array.from({ length: n }, (_, i) => `第${i + 1}条 ${topic}第${i + 1}项规定，由相关部门负责组织实施并加强监督管理。`).join('\n');
const lawV1 = { id: 'law-v1', title: '江东市电梯安全管理条例', agency: '江东市人民代表大会常务委员会', publishDate: '2019-12-18', docType: '地方性法规', body: articles(30, '电梯安全管理') };
const lawV2 = { ...lawV1, id: 'law-v2', publishDate: '2024-01-01', body: lawV1.body.replace('第5项规定', '第5项规定（2024年修正）') + '\n第31条 本条例自2024年1月1日起施行。' };
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
const importAll = (jobId?: string) => app.get(ImportService).importBatch({ jobId, source: 'medium', items: lines, publish: true, ctx });
const documentCount = async () => Number((await queryRows<{ n: string }>(env.databaseUrl, 'SELECT count(*) AS n FROM policy.policy_document'))[0]!.n);

test('an import reports imported, exact and near duplicates and rejected lines; the rest is searchable', async () => {
  const job = await importAll();
  const report = job.report as { imported: number; exactDuplicates: unknown[]; nearDuplicates: Array<{ externalId: string; canonicalId: string }>; rejected: Array<{ line: number; reason: string }> };
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
  const job = await app.get(ImportService).importBatch({ source: 'medium', items: [{ line: 1, record: { ...notice, title: notice.title + '（修订）' } }], publish: true, ctx });
  expect(job.report).toMatchObject({ updated: 1, imported: 0 });
  const versions = await queryRows(env.databaseUrl, `SELECT v.version FROM policy.policy_document_version v JOIN policy.policy_document d ON d.id = v.document_id WHERE d.external_id = 'ncp-1'`);
  expect(versions.length).toBeGreaterThanOrEqual(2);
});
