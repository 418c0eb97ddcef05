import 'reflect-metadata';
import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { Actor } from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { DocumentLifecycleService } from '../../src/document/document-lifecycle.service.js';
import { DocumentService } from '../../src/document/document.service.js';
import { RelatedAhead } from '../../src/related/related-ahead.js';
import { RelatedCandidates } from '../../src/related/related-candidates.js';
import { RelatedRows } from '../../src/related/related-rows.js';
import { RELATED_TTL_MS, RelatedService } from '../../src/related/related.service.js';
import { LexiconService } from '../../src/search/lexicon/lexicon.service.js';
import { SearchEngine } from '../../src/search/search-engine.js';

// ADR 0041: every public document's related list ranked ahead, once the library has settled, is the list its first
// visit would rank; a change to the library stops the held lists from outliving RELATED_TTL_MS until a pass after
// the library settled again has ranked them anew.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-related-ahead' };
const dataDir = mkdtempSync(join(tmpdir(), 'policy-related-ahead-'));
const editor: Actor = { sub: 'editor-1', roles: ['editor'] };
const reviewer: Actor = { sub: 'reviewer-1', roles: ['reviewer'] };
const LIMIT = 5;
const KEYWORDS = ['公积金', '提取', '缴存', '养老', '医保', '住房', '租赁', '补贴'];
const TOPICS = ['住房保障', '社会保障', '农业农村'];
const TITLES = ['住房公积金提取办法', '养老保险缴费办法', '医疗保险报销办法', '农业补贴发放办法', '住房租赁补贴办法'];
let env: MediumEnv;
let app: INestApplication;

async function insertLibrary(n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    title: `江东市${TITLES[i % TITLES.length]}${i}`,
    status: i % 9 === 8 ? 'DRAFT' : i % 7 === 6 ? 'REPEALED' : 'PUBLISHED',
    keywords: KEYWORDS.filter((_, k) => (i * 7 + k * 3) % 5 < 2),
    topics: TOPICS.filter((_, t) => (i + t) % 3 === 0),
  }));
  await queryRows(
    env.databaseUrl,
    `INSERT INTO policy.policy_document (id, title, body, status, keywords, topics, version, updated_at)
     SELECT r.id, r.title, '第一条 ' || r.title || '。', r.status::policy."DocumentStatus", ARRAY(SELECT json_array_elements_text(r.keywords)),
            ARRAY(SELECT json_array_elements_text(r.topics)), 1, now()
       FROM json_to_recordset($1::json) AS r(id uuid, title text, status text, keywords json, topics json)`,
    [JSON.stringify(rows)],
  );
}

const publicIds = async () =>
  (await queryRows<{ id: string }>(env.databaseUrl, `SELECT id FROM policy.policy_document WHERE status <> 'DRAFT' ORDER BY id`)).map(
    (r) => r.id,
  );
const listOf = (documentId: string) => app.get(RelatedService).related({ documentId, limit: LIMIT, actor: null });

/** Until the index has applied the events (its generation unchanged for a second). */
async function indexQuiet() {
  const engine = app.get(SearchEngine);
  let seen = -1;
  await eventually(
    () => {
      const now = engine.generation;
      const quiet = now === seen;
      seen = now;
      expect(quiet).toBe(true);
    },
    { intervalMs: 1000 },
  );
}

/** Checks until a pass ranked lists (the first check after a change only notes the library's generation). */
async function settleAndPass(): Promise<number> {
  const ahead = app.get(RelatedAhead);
  await ahead.check();
  return ahead.check();
}

/** Every public document's list as held now (no ranking), then as its first visit ranks it once the hold has run out. */
async function heldAndRanked() {
  const ids = await publicIds();
  const choose = jest.spyOn(app.get(RelatedCandidates), 'of');
  const held = new Map<string, unknown>();
  try {
    for (const id of ids) held.set(id, await listOf(id));
    expect(choose).not.toHaveBeenCalled(); // every list was held: ranked ahead
  } finally {
    choose.mockRestore();
  }
  const ranked = new Map<string, unknown>();
  const now = Date.now();
  const later = jest.spyOn(Date, 'now').mockReturnValue(now + RELATED_TTL_MS + 1);
  const choose2 = jest.spyOn(app.get(RelatedCandidates), 'of');
  try {
    app.get(RelatedRows).generation++; // as a change would: lists are held RELATED_TTL_MS only, which has run out
    for (const id of ids) ranked.set(id, await listOf(id));
    expect(choose2).toHaveBeenCalledTimes(ids.length); // every list ranked again, as on a first visit
  } finally {
    later.mockRestore();
    choose2.mockRestore();
  }
  return { held, ranked, ids };
}

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy-related-ahead', schema: 'policy', migrationsDir });
  await insertLibrary(90);
  // checks only when the test asks (the task's first run at start notes the generation, if the library is complete)
  const config = loadAppConfig({
    ...env.env,
    DB_SCHEMA: 'policy',
    SEARCH_DATA_DIR: dataDir,
    RELATED_ROWS_POLL_MS: '600000',
    RELATED_AHEAD_SETTLE_MS: '600000',
    RELATED_AHEAD_LIMIT: String(LIMIT),
  });
  app = await startMediumApp(AppModule.forRoot(config));
  await app.get(RelatedRows).loaded;
  await app.get(LexiconService).loaded;
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

test('once the library has settled, every public list is ranked ahead, and is the list a first visit ranks', async () => {
  const ids = await publicIds();
  expect(await settleAndPass()).toBe(ids.length);
  expect(await app.get(RelatedAhead).check()).toBe(0); // nothing changed: nothing ranked again

  const { held, ranked } = await heldAndRanked();
  expect(held).toEqual(ranked);
  expect([...held.values()].filter((l) => (l as unknown[]).length === LIMIT).length).toBeGreaterThan(ids.length / 2);
});

test('after a change the lists are ranked again once the library has settled, with the change in them', async () => {
  // a new document that shares its title and keywords with many: it joins their lists
  const doc = await app.get(DocumentService).create({ title: '江东市住房公积金提取补贴办法', body: '第一条 住房公积金提取补贴。' }, editor);
  await app.get(DocumentService).publish(doc.id, reviewer, ctx);
  // two documents a change may amend (ids are random: the first public ones may be repealed or expired)
  const [amended, by] = (
    await queryRows<{ id: string }>(
      env.databaseUrl,
      `SELECT id FROM policy.policy_document WHERE status IN ('PUBLISHED', 'AMENDED') ORDER BY id`,
    )
  ).map((r) => r.id);
  await app.get(DocumentLifecycleService).change({ documentId: amended!, change: 'amend', byDocumentId: by!, ctx });
  await app.get(RelatedRows).poll();
  // the library moved: a check only notes it (a pass waits until the library has settled)
  expect(await app.get(RelatedAhead).check()).toBe(0);
  await indexQuiet(); // both events projected into the index

  const ids = await publicIds();
  expect(ids).toContain(doc.id);
  expect(await settleAndPass()).toBe(ids.length);

  const { held, ranked } = await heldAndRanked();
  expect(held).toEqual(ranked);
  // the amendment is in both lists ranked ahead (links come first); the new document's list was compared above
  expect(held.get(by!)).toEqual(expect.arrayContaining([expect.objectContaining({ id: amended, relation: 'amends' })]));
  expect(held.get(amended!)).toEqual(expect.arrayContaining([expect.objectContaining({ id: by, relation: 'amendedBy' })]));
});

test('a change only the held rows see (another replica’s classification, read by the poll) is ranked in too', async () => {
  const ids = await publicIds();
  const before = new Map<string, unknown>();
  for (const id of ids) before.set(id, await listOf(id));
  // written straight into the table, as another replica would: no event, the index does not change
  await queryRows(
    env.databaseUrl,
    `UPDATE policy.policy_document SET title = '江东市农业补贴发放办法', keywords = $2::text[], topics = $3::text[], updated_at = now()
      WHERE id = ANY($1::uuid[])`,
    [ids.slice(0, 12), KEYWORDS, TOPICS],
  );
  await app.get(RelatedRows).poll();
  expect(await settleAndPass()).toBe(ids.length);

  const { held, ranked } = await heldAndRanked();
  expect(held).toEqual(ranked);
  expect([...held.entries()].filter(([id, list]) => JSON.stringify(list) !== JSON.stringify(before.get(id))).length).toBeGreaterThan(0);
});
