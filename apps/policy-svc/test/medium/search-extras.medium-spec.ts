import 'reflect-metadata';
import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import {
  type Actor,
  ErrorCode,
  createBestBet,
  deleteBestBet,
  policySearchAnalytics,
  recordSearchClick,
  searchPolicies,
} from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { BestBetHandlers } from '../../src/best-bets/best-bet.handlers.js';
import { BestBetService } from '../../src/best-bets/best-bet.service.js';
import { loadAppConfig } from '../../src/config/env.js';
import { DocumentLifecycleService } from '../../src/document/document-lifecycle.service.js';
import { DocumentRepository } from '../../src/document/document.repository.js';
import { toDetail } from '../../src/document/document.mapper.js';
import { DocumentService } from '../../src/document/document.service.js';
import { PrismaService } from '../../src/infra/prisma.service.js';
import { ClassificationService } from '../../src/document/classification.service.js';
import { DetailHandlers } from '../../src/related/detail.handlers.js';
import { RelatedCandidates } from '../../src/related/related-candidates.js';
import { RelatedRows } from '../../src/related/related-rows.js';
import { RelatedService } from '../../src/related/related.service.js';
import { SearchAnalyticsHandlers } from '../../src/search-analytics/search-analytics.handlers.js';
import { SearchAnalyticsRepository } from '../../src/search-analytics/search-analytics.repository.js';
import { SearchAnalyticsRetention } from '../../src/search-analytics/search-analytics.retention.js';
import { SearchAnalyticsService } from '../../src/search-analytics/search-analytics.service.js';
import { SearchEventBuffer } from '../../src/search-analytics/search-event-buffer.js';
import { LexiconService } from '../../src/search/lexicon/lexicon.service.js';
import { SearchService } from '../../src/search/search.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-search-extras' };
const dataDir = mkdtempSync(join(tmpdir(), 'policy-search-extras-'));
const editor: Actor = { sub: 'editor-1', roles: ['editor'] };
const reviewer: Actor = { sub: 'reviewer-1', roles: ['reviewer'] };
const citizen: Actor = { sub: 'citizen-1', roles: ['citizen'] };
let env: MediumEnv;
let app: INestApplication;
const docs: Record<string, string> = {};

const search = (q: string, more: Record<string, unknown> = {}) =>
  app.get(SearchService).search({ q, page: 1, pageSize: 10, sort: 'relevance', ...more });

/** Calls an RPC handler as NATS would: raw message in, contract-checked reply or `{ code }` error out. */
async function rpc(handler: unknown, payload: unknown, actor: Actor | null): Promise<any> {
  try {
    return await (handler as (data: unknown) => Promise<unknown>)({ actor, payload });
  } catch (error) {
    return { error: (error as { getError(): { code: string } }).getError().code };
  }
}

async function publish(key: string, input: { title: string; body: string; publishDate?: string }) {
  const documents = app.get(DocumentService);
  const draft = await documents.create(input, editor);
  docs[key] = (await documents.publish(draft.id, reviewer, ctx)).id;
}

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy-extras', schema: 'policy', migrationsDir });
  const config = loadAppConfig({
    ...env.env,
    DB_SCHEMA: 'policy',
    SEARCH_DATA_DIR: dataDir,
    SEARCH_ANALYTICS_FLUSH_MS: '60000',
    RELATED_ROWS_POLL_MS: '600000',
  });
  app = await startMediumApp(AppModule.forRoot(config));
  await publish('withdraw', {
    title: '江东市住房公积金提取管理办法',
    body: '第一条 职工提取住房公积金，适用本办法。\n第二条 购买自住住房的，可以提取住房公积金。',
    publishDate: '2024-01-01',
  });
  await publish('deposit', {
    title: '江东市住房公积金缴存管理办法',
    body: '第一条 单位和职工应当按时足额缴存住房公积金。\n第二条 缴存比例为百分之十二。',
    publishDate: '2024-02-01',
  });
  await publish('pension', {
    title: '江东市城乡居民基本养老保险实施办法',
    body: '第一条 为了健全城乡居民基本养老保险制度，制定本办法。\n第二条 参保人员按年缴纳养老保险费。',
    publishDate: '2024-03-01',
  });
  await publish('repost', {
    title: '江东市住房公积金提取管理办法（转载）',
    body: '第一条 职工提取住房公积金，适用本办法。\n第二条 购买自住住房的，可以提取住房公积金。',
  });
  await publish('newer', {
    title: '江东市住房公积金提取管理办法（2025年修订）',
    body: '第一条 职工提取住房公积金，适用本办法。\n第二条 租赁住房的，也可以提取住房公积金。',
    publishDate: '2025-01-01',
  });
  // The import links reposts to their canonical document; here the link is set directly.
  await queryRows(env.databaseUrl, 'UPDATE policy.policy_document SET canonical_id = $1::uuid WHERE id = $2::uuid', [
    docs.withdraw,
    docs.repost,
  ]);
  await app.get(DocumentLifecycleService).change({ documentId: docs.withdraw!, change: 'amend', byDocumentId: docs.newer!, ctx });
  await eventually(async () => expect((await search('养老保险')).total).toBeGreaterThan(0));
  await eventually(async () => expect(app.get(LexiconService).lexicon.documents).toBe(5));
  await app.get(RelatedRows).loaded; // related candidates are chosen from the held rows from now on (ADR 0038)
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('did you mean', () => {
  test("a mistyped query that finds nothing gets the query rewritten with the library's own words", async () => {
    const typo = await search('住房公机金');
    expect(typo.didYouMean).toBe('住房公积金');
    expect((await search(typo.didYouMean!)).total).toBeGreaterThan(typo.total);
    // Found as typed only through 养老; the corrected query finds the same document by all its words.
    expect((await search('养老保限')).didYouMean).toBe('养老保险');
  });

  test('a query with enough results, a document number or nonsense gets no suggestion', async () => {
    expect((await search('住房公积金')).didYouMean).toBeUndefined();
    expect((await search('江政办发〔2099〕1号')).didYouMean).toBeUndefined();
    expect((await search('火星探测器')).didYouMean).toBeUndefined();
  });
});

test('external libraries: every query gets the State Council library link with the query URL-encoded; browsing gets none', async () => {
  const r = await search('公积金 提取');
  expect(r.externalLinks).toEqual([
    {
      name: '国务院政策文件库',
      url: `https://sousuo.www.gov.cn/zcwjk/policyDocumentLibrary?t=zhengcelibrary&q=${encodeURIComponent('公积金 提取')}`,
    },
  ]);
  expect((await search('', { year: '2024' })).externalLinks).toBeUndefined();
});

describe('related documents', () => {
  test('the version link comes first, marked; documents sharing words follow; the near-duplicate is left out', async () => {
    const items = await app.get(RelatedService).related({ documentId: docs.withdraw!, limit: 5, actor: null });
    const ids = items.map((i) => i.id);
    expect(items[0]).toMatchObject({ id: docs.newer, relation: 'amendedBy' });
    expect(ids).not.toContain(docs.repost);
    expect(ids).not.toContain(docs.withdraw);
    expect(ids.indexOf(docs.deposit!)).toBeGreaterThan(0);
    expect(items.find((i) => i.id === docs.deposit)!.shared).toContain('住房公积金');
    if (ids.includes(docs.pension!)) expect(ids.indexOf(docs.pension!)).toBeGreaterThan(ids.indexOf(docs.deposit!));
    const fromNewer = await app.get(RelatedService).related({ documentId: docs.newer!, limit: 1, actor: null });
    expect(fromNewer).toEqual([expect.objectContaining({ id: docs.withdraw, relation: 'amends' })]);
  });

  test('an unknown document is POLICY_DOCUMENT_NOT_FOUND', async () => {
    await expect(
      app.get(RelatedService).related({ documentId: '00000000-0000-4000-8000-000000000000', limit: 5, actor: null }),
    ).rejects.toMatchObject({
      code: ErrorCode.POLICY_DOCUMENT_NOT_FOUND,
    });
  });
});

describe('best bets', () => {
  test("pinned documents come first on page 1, marked, in the editors' order, for the query however typed", async () => {
    const bet = await app.get(BestBetService).create({ query: '住房 公积金？', documentIds: [docs.pension!, docs.deposit!] }, editor.sub);
    expect(bet).toMatchObject({ normalizedQuery: '住房公积金', updatedBy: editor.sub });
    const page1 = await search('住房公積金');
    expect(page1.items.slice(0, 2).map((i) => [i.id, i.pinned])).toEqual([
      [docs.pension, true],
      [docs.deposit, true],
    ]);
    expect(page1.items.filter((i) => i.id === docs.deposit)).toHaveLength(1);
    // The pension document is not among the ranked hits: its row is read from the table, in the contract's shape.
    expect(searchPolicies.makeResponse(page1).items[0]).toMatchObject({
      title: '江东市城乡居民基本养老保险实施办法',
      validity: '有效',
      publishDate: '2024-03-01',
      pinned: true,
    });
    expect(page1.items.slice(2).every((i) => i.pinned === undefined)).toBe(true);
    const page2 = await search('住房公积金', { page: 2, pageSize: 1 });
    expect(page2.items.some((i) => i.pinned || i.id === docs.pension || i.id === docs.deposit)).toBe(false);
    expect((await search('住房公积金', { year: '2025' })).items.some((i) => i.pinned)).toBe(false);
    expect((await search('住房公积金提取')).items.some((i) => i.pinned)).toBe(false);

    const updated = await app.get(BestBetService).update({ bestBetId: bet.id, documentIds: [docs.withdraw!] }, 'editor-2');
    expect(updated.updatedBy).toBe('editor-2');
    expect((await search('住房公积金')).items.filter((i) => i.pinned).map((i) => i.id)).toEqual([docs.withdraw]);
    await app.get(BestBetService).delete(bet.id);
    expect((await search('住房公积金')).items.some((i) => i.pinned)).toBe(false);
  });

  test('refused: the same normalised query twice, an unpublished or unknown document, a query of punctuation, an unknown id', async () => {
    const bets = app.get(BestBetService);
    await bets.create({ query: '养老保险', documentIds: [docs.pension!] }, editor.sub);
    await expect(bets.create({ query: ' 养老　保险 ', documentIds: [docs.deposit!] }, editor.sub)).rejects.toMatchObject({
      code: ErrorCode.POLICY_BEST_BET_DUPLICATE_QUERY,
    });
    const draft = await app.get(DocumentService).create({ title: '草稿文件', body: '草稿' }, editor);
    await expect(
      bets.create({ query: '草稿', documentIds: [draft.id, '00000000-0000-4000-8000-000000000000'] }, editor.sub),
    ).rejects.toMatchObject({
      code: ErrorCode.POLICY_BEST_BET_DOCUMENT_UNAVAILABLE,
      details: { documentIds: [draft.id, '00000000-0000-4000-8000-000000000000'] },
    });
    await expect(bets.create({ query: '？！', documentIds: [docs.pension!] }, editor.sub)).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
    await expect(bets.delete('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: ErrorCode.POLICY_BEST_BET_NOT_FOUND });
  });

  test('the handlers check roles again and validate input (defence behind the gateway)', async () => {
    const handlers = app.get(BestBetHandlers);
    const input = { query: '公积金缴存', documentIds: [docs.deposit] };
    expect(await rpc(handlers.create.bind(handlers), input, citizen)).toEqual({ error: 'FORBIDDEN' });
    expect(await rpc(handlers.create.bind(handlers), input, null)).toEqual({ error: 'AUTH_REQUIRED' });
    expect(await rpc(handlers.create.bind(handlers), { ...input, documentIds: [docs.deposit, docs.deposit] }, editor)).toEqual({
      error: 'MALFORMED_MESSAGE',
    });
    const created = await rpc(handlers.create.bind(handlers), input, editor);
    expect(created).toMatchObject({ query: '公积金缴存', documentIds: [docs.deposit] });
    expect(await rpc(handlers.delete.bind(handlers), { bestBetId: created.id }, editor)).toEqual({ id: created.id, deleted: true });
    expect(createBestBet.subject).toBe('rpc.policy.best-bet.create');
    expect(deleteBestBet.subject).toBe('rpc.policy.best-bet.delete');
  });
});

describe('query analytics', () => {
  test('searches and clicks are buffered off the search path and written with one INSERT per flush', async () => {
    const buffer = app.get(SearchEventBuffer);
    await buffer.flush();
    await queryRows(env.databaseUrl, 'DELETE FROM policy.search_event');
    // Count the repository's INSERTs (one per flush, all rows in it).
    const repository = app.get(SearchAnalyticsRepository);
    const insert = repository.insert.bind(repository);
    const batches: number[] = [];
    repository.insert = (rows) => (batches.push(rows.length), insert(rows));
    await search('住房公积金');
    await search('住房 公积金');
    await search('住房公积金', { page: 2 });
    await search('公机金');
    await search('', { year: '2024' });
    await search('养老金', { recordQuery: false }); // the Q&A fallback searching for a citizen: not a query of the library's users
    const handlers = app.get(SearchAnalyticsHandlers);
    expect(await rpc(handlers.click.bind(handlers), { query: '住房公积金', documentId: docs.deposit }, null)).toEqual({ accepted: true });
    expect(batches).toEqual([]);
    await buffer.flush();
    repository.insert = insert;
    expect(batches).toEqual([4]);
    const rows = await queryRows<{ kind: string; query: string; total_hits: number | null; document_id: string | null }>(
      env.databaseUrl,
      'SELECT kind, query, total_hits, document_id FROM policy.search_event ORDER BY id',
    );
    expect(rows.map((r) => [r.kind, r.query])).toEqual([
      ['search', '住房公积金'],
      ['search', '住房公积金'],
      ['search', '公机金'],
      ['click', '住房公积金'],
    ]);
    expect(rows[2]!.total_hits).toBe(0);
    expect(rows[3]!.document_id).toBe(docs.deposit);
  });

  test('keeps SEARCH_ANALYTICS_RETENTION_DAYS (180 by default) of events and deletes the older days, in batches', async () => {
    await app.get(SearchEventBuffer).flush();
    const now = new Date('2026-06-30T20:00:00Z'); // 2026-07-01 in Shanghai: the kept window is 2026-01-03 … 2026-07-01
    await queryRows(
      env.databaseUrl,
      `INSERT INTO policy.search_event (kind, day, query, total_hits, at) VALUES
         ('search', '2025-12-31', 'retention-old', 1, now()), ('search', '2026-01-02', 'retention-old', 1, now()),
         ('search', '2026-01-03', 'retention-kept', 1, now()), ('search', '2026-06-30', 'retention-kept', 1, now())`,
    );
    const repository = app.get(SearchAnalyticsRepository);
    const deleteBefore = repository.deleteBefore.bind(repository);
    repository.deleteBefore = (day) => deleteBefore(day, 1); // one row per statement: the loop must go on until nothing is left
    expect(await app.get(SearchAnalyticsRetention).runOnce(now)).toBeGreaterThanOrEqual(2);
    repository.deleteBefore = deleteBefore;
    const left = await queryRows<{ day: string; query: string }>(
      env.databaseUrl,
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, query FROM policy.search_event WHERE query LIKE 'retention-%' ORDER BY day",
    );
    expect(left).toEqual([
      { day: '2026-01-03', query: 'retention-kept' },
      { day: '2026-06-30', query: 'retention-kept' },
    ]);
    await queryRows(env.databaseUrl, "DELETE FROM policy.search_event WHERE query LIKE 'retention-%'");
  });

  test('the report gives per day the top queries, zero-result queries and queries nobody clicked; editors only', async () => {
    await search('养老保险');
    await app.get(SearchEventBuffer).flush();
    const report = await app.get(SearchAnalyticsService).report({ days: 7, limit: 10 });
    expect(report.timeZone).toBe('Asia/Shanghai');
    expect(report.days).toHaveLength(7);
    const today = report.days[0]!;
    expect(today.topQueries[0]).toEqual({ query: '住房公积金', count: 2 });
    expect(today.zeroResultQueries).toEqual([{ query: '公机金', count: 1 }]);
    expect(today.noClickQueries).toEqual(
      expect.arrayContaining([
        { query: '公机金', count: 1 },
        { query: '养老保险', count: 1 },
      ]),
    );
    expect(today.noClickQueries.map((q) => q.query)).not.toContain('住房公积金');
    expect(today).toMatchObject({ searches: 4, clicks: 1 });
    const handlers = app.get(SearchAnalyticsHandlers);
    expect(await rpc(handlers.report.bind(handlers), { days: 7 }, citizen)).toEqual({ error: 'FORBIDDEN' });
    expect(await rpc(handlers.report.bind(handlers), { days: 0 }, editor)).toEqual({ error: 'MALFORMED_MESSAGE' });
    expect(await rpc(handlers.click.bind(handlers), { query: '？', documentId: docs.deposit }, null)).toEqual({
      error: 'VALIDATION_FAILED',
    });
    expect(policySearchAnalytics.subject).toBe('rpc.policy.search.analytics');
    expect(recordSearchClick.subject).toBe('rpc.policy.search.click');
  });
});

describe('held reader views and related lists (the portal reads them on every page)', () => {
  test('a reader view is built once per version of the row; an amendment, a repeal and an edit show at once', async () => {
    const documents = app.get(DocumentService);
    const repository = app.get(DocumentRepository);
    await publish('reader', {
      title: '江东市就业创业补贴办法',
      body: '第一章 总则\n第一条 为了促进就业，制定本办法。\n第二条 本办法适用于本市。',
    });
    // the row and its versions are read (readerRow) only when a view is built; the stamp on every call
    const versions = jest.spyOn(repository, 'readerRow');
    try {
      const first = await documents.readerDetail(docs.reader!);
      expect(first.view).toMatchObject({
        validity: '有效',
        paragraphs: expect.arrayContaining([expect.objectContaining({ anchor: 'art-1' })]),
      });
      expect(first.view).not.toHaveProperty('publishedBy'); // no staff fields in the held view
      // the one raw query gives the very view the full row gave
      const full = await documents.detail(docs.reader!, null);
      expect(first.view).toStrictEqual(toDetail(full.doc, full.versions, false));
      expect((await documents.readerDetail(docs.reader!)).view).toBe(first.view);
      expect(versions).toHaveBeenCalledTimes(1);

      await app.get(DocumentLifecycleService).change({ documentId: docs.reader!, change: 'amend', byDocumentId: docs.pension!, ctx });
      expect((await documents.readerDetail(docs.reader!)).view).toMatchObject({ validity: '已修改', amendedById: docs.pension });
      await app.get(DocumentLifecycleService).change({ documentId: docs.reader!, change: 'repeal', byDocumentId: docs.pension!, ctx });
      const repealed = (await documents.readerDetail(docs.reader!)).view;
      expect(repealed).toMatchObject({ validity: '废止', repealedById: docs.pension });
      expect(repealed.versions.length).toBeGreaterThanOrEqual(3);
    } finally {
      versions.mockRestore();
    }
  });

  test('a draft has no reader view', async () => {
    const draft = await app.get(DocumentService).create({ title: '草稿：江东市人才公寓管理办法', body: '第一条 草稿。' }, editor);
    await expect(app.get(DocumentService).readerDetail(draft.id)).rejects.toMatchObject({ code: ErrorCode.POLICY_DOCUMENT_NOT_FOUND });
  });

  test('a related list is ranked once while its document is unchanged; the listed validity is always current', async () => {
    const related = app.get(RelatedService); // limit 4: a list no earlier test asked for
    const candidates = jest.spyOn(app.get(RelatedCandidates), 'of');
    try {
      const before = await related.related({ documentId: docs.withdraw!, limit: 4, actor: null });
      const again = await related.related({ documentId: docs.withdraw!, limit: 4, actor: null });
      expect(again).toEqual(before);
      expect(candidates).toHaveBeenCalledTimes(1);
      expect(before.find((i) => i.id === docs.deposit)).toMatchObject({ validity: '有效' });

      await app.get(DocumentLifecycleService).change({ documentId: docs.deposit!, change: 'repeal', ctx });
      const afterRepeal = await related.related({ documentId: docs.withdraw!, limit: 4, actor: null });
      expect(afterRepeal.find((i) => i.id === docs.deposit)).toMatchObject({ validity: '废止' });
      expect(candidates).toHaveBeenCalledTimes(1);

      // the document's own change (here a classification) ranks it again
      await app.get(ClassificationService).set({ documentId: docs.withdraw!, keywords: ['住房公积金', '提取'], actor: 'editor-1', ctx });
      await related.related({ documentId: docs.withdraw!, limit: 4, actor: null });
      expect(candidates).toHaveBeenCalledTimes(2);
    } finally {
      candidates.mockRestore();
    }
  });

  test("a list is ranked from rows held at their stamps: a candidate's row is read again only after it changed", async () => {
    const related = (limit: number) => app.get(RelatedService).related({ documentId: docs.newer!, limit, actor: null });
    await app.get(RelatedRows).loaded;
    await related(6); // rows changed by earlier tests are read here (limits 6–8: lists no other test asks for)
    const read = jest.spyOn(app.get(DocumentRepository), 'relatedRows');
    try {
      const held = await related(7);
      expect(held.find((i) => i.id === docs.withdraw)).toMatchObject({ relation: 'amends' });
      expect(read).not.toHaveBeenCalled();

      // another replica's classification changes the amended document's stamp (it stays a candidate through the
      // amendment link); the held rows have not polled yet
      await queryRows(
        env.databaseUrl,
        `UPDATE policy.policy_document SET keywords = '{住房公积金,租赁}', version = version + 1, updated_at = now() WHERE id = $1::uuid`,
        [docs.withdraw],
      );
      const after = await related(8);
      expect(read.mock.calls).toEqual([[[docs.withdraw]]]);
      expect(after.find((i) => i.id === docs.withdraw)).toMatchObject({ relation: 'amends' });
    } finally {
      read.mockRestore();
    }
  });

  test('the detail brings the related list in the same call (related=N): the same list, listed validity current', async () => {
    const handlers = app.get(DetailHandlers);
    const detail = (payload: object, actor: Actor | null = null) => rpc(handlers.detail.bind(handlers), payload, actor);
    const alone = await app.get(RelatedService).related({ documentId: docs.withdraw!, limit: 3, actor: null });
    expect(alone.length).toBeGreaterThan(0);
    const page = await detail({ documentId: docs.withdraw, citing: false, related: 3 });
    expect(page).toMatchObject({ id: docs.withdraw, paragraphs: expect.any(Array) });
    expect(page.related).toEqual(alone);
    // without `related` (qa-svc's citation check, the console) the field is left out
    expect(await detail({ documentId: docs.withdraw, citing: false })).not.toHaveProperty('related');

    const listed = alone.find((i) => i.validity === '有效')!;
    await app.get(DocumentLifecycleService).change({ documentId: listed.id, change: 'repeal', ctx });
    const after = await detail({ documentId: docs.withdraw, citing: false, related: 3 });
    expect(after.related.find((i: { id: string }) => i.id === listed.id)).toMatchObject({ validity: '废止' });

    expect(await detail({ documentId: docs.withdraw, related: 21 })).toEqual({ error: 'MALFORMED_MESSAGE' });
    const draft = await app.get(DocumentService).create({ title: '草稿：江东市人才引进补贴办法', body: '第一条 草稿。' }, editor);
    expect(await detail({ documentId: draft.id, related: 3 })).toEqual({ error: 'POLICY_DOCUMENT_NOT_FOUND' });
  });

  test("a reader's detail reads the row once (its list ranks from it); a second visit reads its stamps in one query", async () => {
    const handlers = app.get(DetailHandlers);
    const detail = (payload: object) => rpc(handlers.detail.bind(handlers), payload, null);
    const repository = app.get(DocumentRepository);
    const source = jest.spyOn(repository, 'relatedSource');
    const rowRead = jest.spyOn(repository, 'readerRow');
    const stampsQuery = jest.spyOn(app.get(PrismaService).sql, 'rows');
    const stampQueries = () =>
      stampsQuery.mock.calls.filter(([sql]) => sql.includes('validity FROM policy_document WHERE id = ANY')).length;
    try {
      const doc = await app
        .get(DocumentService)
        .create({ title: '江东市养老服务补贴实施细则', body: '第一条 为做好养老服务补贴工作，制定本细则。' }, editor);
      await app.get(DocumentService).publish(doc.id, reviewer, ctx);
      const first = await detail({ documentId: doc.id, citing: false, related: 3 });
      expect(rowRead).toHaveBeenCalledTimes(1);
      expect(source).not.toHaveBeenCalled(); // ranked from the reader view's row
      expect(first).toMatchObject({
        id: doc.id,
        related: await app.get(RelatedService).related({ documentId: doc.id, limit: 3, actor: null }),
      });
      stampsQuery.mockClear();
      expect(await detail({ documentId: doc.id, citing: false, related: 3 })).toEqual(first);
      expect(stampQueries()).toBe(1); // the held view's stamp and the held list's, together
      expect(rowRead).toHaveBeenCalledTimes(1);
      expect(await detail({ documentId: '00000000-0000-4000-8000-000000000000', related: 3 })).toEqual({
        error: 'POLICY_DOCUMENT_NOT_FOUND',
      });
    } finally {
      source.mockRestore();
      rowRead.mockRestore();
      stampsQuery.mockRestore();
    }
  });
});
