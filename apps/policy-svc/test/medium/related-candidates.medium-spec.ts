import 'reflect-metadata';
import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { Actor } from '@govdisc/contracts';
import { type MediumEnv, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { ClassificationService } from '../../src/document/classification.service.js';
import { DocumentLifecycleService } from '../../src/document/document-lifecycle.service.js';
import { DocumentRepository } from '../../src/document/document.repository.js';
import { DocumentService } from '../../src/document/document.service.js';
import { RelatedCandidates } from '../../src/related/related-candidates.js';
import { RelatedRows } from '../../src/related/related-rows.js';

// ADR 0038: a related list's candidates chosen from the held rows must be the table query's, ids and order, for
// every document of a library full of ties, shared topics, links either way and drafts, before and after changes.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-related-candidates' };
const dataDir = mkdtempSync(join(tmpdir(), 'policy-related-candidates-'));
const editor: Actor = { sub: 'editor-1', roles: ['editor'] };
const reviewer: Actor = { sub: 'reviewer-1', roles: ['reviewer'] };
const KEYWORDS = ['公积金', '提取', '缴存', '养老', '医保', '住房', '租赁', '补贴', '就业', '创业', '农业', '教育'];
const TOPICS = ['住房保障', '社会保障', '农业农村', '教育', '就业创业'];
const STATUSES = ['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'AMENDED', 'REPEALED', 'EXPIRED', 'DRAFT'];
let env: MediumEnv;
let app: INestApplication;

/** A small deterministic generator (the same library, but for its random ids, on every run). */
function lcg(seed: number) {
  let s = seed;
  const next = () => (s = (s * 48_271) % 2_147_483_647) / 2_147_483_647; // Park–Miller: exact in doubles
  return {
    next,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    some: <T>(xs: readonly T[], max: number) =>
      Array.from({ length: Math.floor(next() * (max + 1)) }, () => xs[Math.floor(next() * xs.length)]!),
  };
}
const random = lcg(38);

async function insertLibrary(n: number) {
  const ids = Array.from({ length: n }, () => randomUUID());
  const rows = ids.map((id, i) => ({
    id,
    title: `江东市测试文件${i}`,
    status: random.pick(STATUSES),
    keywords: random.some(KEYWORDS, 4), // repeats included: INTERSECT counts a keyword once
    topics: random.some(TOPICS, 2),
    amended_by_id: random.next() < 0.15 ? random.pick(ids) : null,
    repealed_by_id: random.next() < 0.1 ? random.pick(ids) : null,
  }));
  await queryRows(
    env.databaseUrl,
    `INSERT INTO policy.policy_document (id, title, body, status, keywords, topics, amended_by_id, repealed_by_id, version, updated_at)
     SELECT r.id, r.title, '第一条 测试。', r.status::policy."DocumentStatus", ARRAY(SELECT json_array_elements_text(r.keywords)),
            ARRAY(SELECT json_array_elements_text(r.topics)), r.amended_by_id, r.repealed_by_id, 1, now()
       FROM json_to_recordset($1::json) AS r(id uuid, title text, status text, keywords json, topics json, amended_by_id uuid, repealed_by_id uuid)`,
    [JSON.stringify(rows)],
  );
}

/** For every document (drafts too: staff see their lists), the held choice against the table query, two limits. */
async function expectSameCandidatesForAll() {
  const documents = app.get(DocumentRepository);
  const candidates = app.get(RelatedCandidates);
  expect(app.get(RelatedRows).complete).toBe(true);
  const all = (await queryRows<{ id: string }>(env.databaseUrl, 'SELECT id FROM policy.policy_document ORDER BY md5(id::text)')).map(
    (r) => r.id,
  );
  const fromTable = jest.spyOn(documents, 'relatedCandidates');
  let compared = 0;
  try {
    for (const [i, id] of all.entries()) {
      const source = (await documents.relatedSource(id))!;
      // title matches: any ids, a draft or the source itself among them
      const extra = [all[(i * 7) % all.length]!, all[(i * 13 + 5) % all.length]!, ...(i % 5 === 0 ? [id] : [])];
      for (const take of [200, 6]) {
        const held = await candidates.of(source, extra, take);
        const table = await documents.relatedCandidates(source, extra, take);
        expect({ id, take, held }).toEqual({ id, take, held: table });
        compared += table.length;
      }
    }
    expect(fromTable).toHaveBeenCalledTimes(all.length * 2); // only the test's own calls: none by candidates.of
  } finally {
    fromTable.mockRestore();
  }
  expect(compared).toBeGreaterThan(all.length * 10); // lists long enough for the order to matter
}

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy-related-candidates', schema: 'policy', migrationsDir });
  await insertLibrary(160);
  // polls only when the test asks (the first run of the task is the fill at start)
  const config = loadAppConfig({ ...env.env, DB_SCHEMA: 'policy', SEARCH_DATA_DIR: dataDir, RELATED_ROWS_POLL_MS: '600000' });
  app = await startMediumApp(AppModule.forRoot(config));
  await app.get(RelatedRows).loaded;
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the candidates chosen from the held rows are the table query’s for every document', async () => {
  await expectSameCandidatesForAll();
});

test('after changes in the table and through the service, and a poll, they are again', async () => {
  const ids = await queryRows<{ id: string; status: string }>(
    env.databaseUrl,
    'SELECT id, status::text FROM policy.policy_document ORDER BY id',
  );
  const published = ids.filter((r) => r.status === 'PUBLISHED').map((r) => r.id);
  const drafts = ids.filter((r) => r.status === 'DRAFT').map((r) => r.id);
  const sql = (text: string, params: unknown[]) => queryRows(env.databaseUrl, text, params);
  // directly in the table, as another replica or an import would leave it (every write sets updated_at)
  await sql(`UPDATE policy.policy_document SET keywords = '{养老,医保,医保}', updated_at = now() WHERE id = ANY($1::uuid[])`, [
    published.slice(0, 8),
  ]);
  await sql(`UPDATE policy.policy_document SET topics = '{}', keywords = '{}', updated_at = now() WHERE id = ANY($1::uuid[])`, [
    published.slice(8, 12),
  ]);
  await sql(`UPDATE policy.policy_document SET status = 'DRAFT', version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [
    published.slice(12, 18),
  ]);
  await sql(
    `UPDATE policy.policy_document SET status = 'PUBLISHED', version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`,
    [drafts.slice(0, 4)],
  );
  await sql(`UPDATE policy.policy_document SET amended_by_id = $2::uuid, updated_at = now() WHERE id = ANY($1::uuid[])`, [
    published.slice(18, 22),
    published[30],
  ]);
  // through the service: a classification, an amendment and a repeal, a new document published
  await app.get(ClassificationService).set({ documentId: published[40]!, keywords: ['公积金', '提取', '教育'], actor: 'editor-1', ctx });
  const lifecycle = app.get(DocumentLifecycleService);
  await lifecycle.change({ documentId: published[41]!, change: 'amend', byDocumentId: published[42]!, ctx });
  await lifecycle.change({ documentId: published[43]!, change: 'repeal', byDocumentId: published[44]!, ctx });
  const draft = await app
    .get(DocumentService)
    .create({ title: '江东市住房公积金提取补贴办法', body: '第一条 住房公积金提取补贴。' }, editor);
  await app.get(DocumentService).publish(draft.id, reviewer, ctx);

  await app.get(RelatedRows).poll();
  await expectSameCandidatesForAll();
});
