import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ErrorCode, UpsertQaPairReq, documentAmended, documentRepealed, pairNeedsUpdate, parseOrThrow, type z } from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { ImportPairsUseCase } from '../../src/pair/import-pairs.usecase.js';
import { PairService } from '../../src/pair/pair.service.js';
import { publishPair } from '../publish-pair.js';
import { FeedbackRepository } from '../../src/feedback/feedback.repository.js';
import { TopicService } from '../../src/topic/topic.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };
const admin = { sub: 'admin-1', roles: ['admin'] };
let env: MediumEnv;
let app: INestApplication;
let pairs: PairService;

const input = (over: Partial<z.input<typeof UpsertQaPairReq>> = {}) =>
  parseOrThrow(UpsertQaPairReq, {
    question: '租房能提取住房公积金吗？',
    answer: '可以，每月最多提取1500元。',
    topics: ['housing-fund'],
    ...over,
  });

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'qa', schema: 'qa', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'qa' })));
  pairs = app.get(PairService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test('importing the same external id twice updates one pair; unchanged content is reported as such', async () => {
  const a = await pairs.upsert(input({ externalId: 'ncpqa-1' }), admin);
  const same = await pairs.upsert(input({ externalId: 'ncpqa-1' }), admin);
  const b = await pairs.upsert(input({ externalId: 'ncpqa-1', answer: '可以，每月限额1500元。' }), admin);
  expect([a.outcome, same.outcome, b.outcome]).toEqual(['imported', 'unchanged', 'updated']);
  expect(b.pair.id).toBe(a.pair.id);
  expect(b.pair.version).toBe(a.pair.version + 1);
});

test('the same new record imported by several requests at once makes one pair, and no request fails', async () => {
  const results = await Promise.all(Array.from({ length: 6 }, () => pairs.upsert(input({ externalId: 'ncpqa-race' }), editor)));
  expect(new Set(results.map((r) => r.pair.id)).size).toBe(1);
  expect(results.filter((r) => r.outcome === 'imported')).toHaveLength(1);
  expect(results.filter((r) => r.outcome !== 'imported').every((r) => r.outcome === 'unchanged')).toBe(true);
});

test('editorial workflow with sign-off, history, and a public view of published answers only', async () => {
  const { pair } = await pairs.upsert(input({ question: '灵活就业人员怎么参加医保？' }), editor);
  expect(pair.status).toBe('DRAFT');
  await expect(pairs.get(pair.id, null)).rejects.toMatchObject({ code: ErrorCode.QA_PAIR_NOT_FOUND });
  await pairs.transition(pair.id, 'SUBMIT', editor);
  await expect(pairs.transition(pair.id, 'APPROVE', editor)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  await expect(pairs.transition(pair.id, 'APPROVE', { sub: 'editor-1', roles: ['reviewer'] })).rejects.toMatchObject({
    code: ErrorCode.QA_SELF_REVIEW,
  });
  const published = await pairs.transition(pair.id, 'APPROVE', reviewer, '核对无误');
  expect(published.status).toBe('PUBLISHED');
  expect((await pairs.get(pair.id, null)).id).toBe(pair.id);
  const history = await pairs.history(pair.id);
  expect(history.map((h) => [h.action, h.actorSub])).toEqual([
    ['CREATED', 'editor-1'],
    ['SUBMIT', 'editor-1'],
    ['APPROVE', 'reviewer-1'],
  ]);
  await expect(pairs.upsert(input({ publish: true }), editor)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  await expect(pairs.upsert(input({ topics: ['no-such-topic'] }), editor)).rejects.toMatchObject({ code: ErrorCode.QA_TOPIC_UNKNOWN });
});

test("four eyes: publish:true never publishes one's own text, admins included; an edit of a published pair waits while the published answer serves", async () => {
  // Issue 11.2: a reviewer's own upsert with publish:true used to publish alone, and admins approved their own edits.
  await expect(
    pairs.upsert(input({ externalId: 'fe-q0', question: '审核人自己写的问答？', publish: true }), reviewer),
  ).rejects.toMatchObject({ code: ErrorCode.QA_SELF_REVIEW });
  await expect(pairs.upsert(input({ externalId: 'fe-q0', question: '管理员自己写的问答？', publish: true }), admin)).rejects.toMatchObject({
    code: ErrorCode.QA_SELF_REVIEW,
  });
  const own = await pairs.upsert(input({ question: '管理员起草并自审的问答？' }), admin);
  await pairs.transition(own.pair.id, 'SUBMIT', admin);
  await expect(pairs.transition(own.pair.id, 'APPROVE', admin)).rejects.toMatchObject({ code: ErrorCode.QA_SELF_REVIEW });
  // An editor's draft is signed off by a reviewer re-sending the same text with publish:true (a reviewer's import run).
  const draft = await pairs.upsert(
    input({ externalId: 'fe-q1', question: '失业保险金怎么申领？', answer: '旧答案：到社保窗口申领。' }),
    editor,
  );
  await expect(
    pairs.upsert(input({ externalId: 'fe-q1', question: '失业保险金怎么申领？', answer: '旧答案：到社保窗口申领。', publish: true }), {
      sub: 'editor-1',
      roles: ['reviewer'],
    }),
  ).rejects.toMatchObject({ code: ErrorCode.QA_SELF_REVIEW });
  const signed = await pairs.upsert(
    input({ externalId: 'fe-q1', question: '失业保险金怎么申领？', answer: '旧答案：到社保窗口申领。', publish: true }),
    reviewer,
  );
  expect([signed.outcome, signed.pair.id, signed.pair.status]).toEqual(['updated', draft.pair.id, 'PUBLISHED']);
  // An edit of the published pair is kept aside: the public still gets the published answer.
  const edit = await pairs.upsert(
    input({ externalId: 'fe-q1', question: '失业保险金怎么申领？', answer: '新答案：可在网上申领。' }),
    admin,
  );
  expect(edit.outcome).toBe('updated');
  expect(await pairs.get(draft.pair.id, null)).toMatchObject({
    status: 'PUBLISHED',
    answer: '旧答案：到社保窗口申领。',
    pendingEditorSub: 'admin-1',
  });
  await expect(pairs.transition(draft.pair.id, 'APPROVE', admin)).rejects.toMatchObject({ code: ErrorCode.QA_SELF_REVIEW });
  const approved = await pairs.transition(draft.pair.id, 'APPROVE', reviewer);
  expect(approved).toMatchObject({
    status: 'PUBLISHED',
    answer: '新答案：可在网上申领。',
    lastEditorSub: 'admin-1',
    pendingEditorSub: null,
  });
  expect((await pairs.get(draft.pair.id, null)).answer).toBe('新答案：可在网上申领。');
  // A rejected pending edit leaves the published answer as it was.
  await pairs.upsert(input({ externalId: 'fe-q1', question: '失业保险金怎么申领？', answer: '错误的改动。' }), editor);
  const rejected = await pairs.transition(draft.pair.id, 'REJECT', reviewer, '不准确');
  expect(rejected).toMatchObject({ status: 'PUBLISHED', answer: '新答案：可在网上申领。', pendingEditorSub: null });
});

test('unpublished pairs are for content staff only: anyone else gets not-found and an empty page of drafts', async () => {
  const { pair } = await pairs.upsert(input({ question: '只有内容工作人员能看到的草稿？' }), editor);
  for (const outsider of [null, { sub: 'c-1', roles: ['citizen'] }, { sub: 'h-1', roles: ['hotline-operator'] }]) {
    await expect(pairs.get(pair.id, outsider)).rejects.toMatchObject({ code: ErrorCode.QA_PAIR_NOT_FOUND });
    expect(await pairs.list({ page: 1, pageSize: 10, status: 'DRAFT' }, outsider)).toEqual({ items: [], total: 0 });
  }
  expect((await pairs.get(pair.id, reviewer)).id).toBe(pair.id);
  expect((await pairs.list({ page: 1, pageSize: 100, status: 'DRAFT' }, admin)).items.map((p) => p.id)).toContain(pair.id);
});

test('an import reports malformed lines with their numbers and reasons; the rest still import', async () => {
  const report = await app.get(ImportPairsUseCase).run(
    [
      {
        line: 1,
        record: {
          id: 'ncpqa-x1',
          question: '高校毕业生创业补贴多少钱？',
          answer: '一次性补贴5000元。',
          sourcePolicyId: null,
          category: null,
        },
      },
      { line: 2, record: { id: 'ncpqa-x2', question: '', answer: '缺问题' } },
      { line: 3, record: 'not an object' },
      { line: 4, record: { id: 'ncpqa-x4', question: '问题？', answer: '答案。', unexpected: 1 } },
      { line: 5, record: { id: 'ncpqa-x5', question: '残疾人两项补贴标准是多少？', answer: '每人每月100元。' } },
    ],
    false,
    admin,
  );
  expect(report.imported).toBe(2);
  expect(report.rejected.map((r) => r.line)).toEqual([2, 3, 4]);
  expect(report.rejected[0]).toMatchObject({ externalId: 'ncpqa-x2', reason: expect.stringContaining('question') });
});

test('feedback is recorded per answer and rolled up per topic', async () => {
  const { pair } = await publishPair(pairs, input({ question: '公积金贷款额度怎么算？' }));
  const feedback = app.get(FeedbackRepository);
  await feedback.add({ pairId: pair.id, helpful: true, rating: 5, actorSub: null });
  await feedback.add({ pairId: pair.id, helpful: false, rating: 2, comment: '没说清楚', actorSub: null });
  const stats = await feedback.stats('housing-fund');
  expect(stats.byPair.find((p) => p.pairId === pair.id)).toMatchObject({
    helpful: 1,
    notHelpful: 1,
    ratingCount: 2,
    ratingAverage: 3.5,
    comments: 1,
  });
  expect(stats.byTopic).toEqual([expect.objectContaining({ topic: 'housing-fund', ratingCount: 2 })]);
  const topics = await app.get(TopicService).listWithCounts();
  expect(topics.length).toBeGreaterThanOrEqual(16);
  expect(topics.find((t) => t.code === 'housing-fund')!.publishedCount).toBeGreaterThan(0);
});

test('a repealed or amended cited policy moves its pairs to NEEDS_UPDATE once and tells their owners', async () => {
  const documentId = randomUUID();
  const { pair } = await publishPair(
    pairs,
    input({ question: '稳岗返还的比例是多少？', sourcePolicyId: 'demo-policy-x', ownerDepartment: '江东市人社局' }),
  );
  const ctx = { source: 'policy-svc', correlationId: 'medium' };
  const base = {
    documentId,
    externalId: 'demo-policy-x',
    title: '稳岗返还办法',
    version: 3,
    byDocumentId: null,
    at: new Date().toISOString(),
  };
  const js = jetstream(env.nc);
  const repealed = documentRepealed.make(base, ctx);
  for (let i = 0; i < 2; i++) await js.publish(env.naming.subject(repealed.type), JSON.stringify(repealed), { msgID: randomUUID() });
  await js.publish(env.naming.subject(documentAmended.type), JSON.stringify(documentAmended.make(base, ctx)), { msgID: randomUUID() });
  await eventually(async () => expect((await pairs.get(pair.id, admin)).status).toBe('NEEDS_UPDATE'));
  await expect(pairs.get(pair.id, null)).rejects.toMatchObject({ code: ErrorCode.QA_PAIR_NOT_FOUND });
  const jsm = await jetstreamManager(env.nc);
  const events = await eventually(async () => {
    const info = await jsm.streams.info(env.naming.stream('QA_EVENTS'));
    expect(info.state.messages).toBeGreaterThanOrEqual(1);
    const first = await jsm.streams.getMessage(env.naming.stream('QA_EVENTS'), { seq: info.state.first_seq });
    return [pairNeedsUpdate.parse(first!.json())];
  });
  expect(events[0]!.payload).toMatchObject({ pairId: pair.id, reason: 'REPEALED', ownerDepartment: '江东市人社局' });
  const flags = await queryRows(env.databaseUrl, "SELECT action FROM qa.qa_revision WHERE pair_id = $1 AND action LIKE 'FLAGGED_%'", [
    pair.id,
  ]);
  expect(flags).toEqual([{ action: 'FLAGGED_REPEALED' }]);
});

test('the public pairs citing a policy document, by its id or externalId, for the policy page: drafts and pairs out of force are left out', async () => {
  const documentId = randomUUID();
  const { pair } = await publishPair(pairs, input({ question: '稳岗返还向哪里申请？', sourcePolicyId: 'policy-citing-x' }));
  await pairs.upsert(input({ question: '稳岗返还的草稿问题？', sourcePolicyId: 'policy-citing-x', publish: false }), editor);
  await publishPair(pairs, input({ question: '去年的稳岗返还标准？', sourcePolicyId: 'policy-citing-x', effectiveTo: '2020-12-31' }));
  await publishPair(pairs, input({ question: '别的政策的问题？', sourcePolicyId: 'policy-other' }));
  expect((await pairs.citing(documentId, 'policy-citing-x', 20)).map((p) => [p.id, p.question])).toEqual([
    [pair.id, '稳岗返还向哪里申请？'],
  ]);
  expect(await pairs.citing(documentId, null, 20)).toEqual([]);
});

test('the ids published pairs cite or were drawn from (what policy-svc asks before asking per document): drafts add none, dates do not matter', async () => {
  const cited = randomUUID();
  const quote = { documentId: cited, anchor: '第二条', quote: '稳岗返还按上年度实际缴纳失业保险费的一定比例返还。' };
  await publishPair(pairs, input({ question: '稳岗返还按什么比例？', sourcePolicyId: 'policy-cited-src', citations: [quote] }));
  await publishPair(pairs, input({ question: '明年的稳岗返还标准？', sourcePolicyId: 'policy-cited-later', effectiveFrom: '2099-01-01' }));
  await pairs.upsert(input({ question: '草稿里的问题？', sourcePolicyId: 'policy-cited-draft-only', publish: false }), editor);
  const ids = await pairs.citedDocumentIds();
  expect(ids).toEqual(expect.arrayContaining([cited, 'policy-cited-src', 'policy-cited-later']));
  expect(ids).not.toContain('policy-cited-draft-only');
  expect(new Set(ids).size).toBe(ids.length);
});

test('a flagged pair is edited in place by its id: it stays flagged until the fix is submitted and published by another person', async () => {
  const documentId = randomUUID();
  const question = `灵活就业人员怎样缴存公积金？（${documentId.slice(0, 8)}）`;
  const { pair } = await publishPair(pairs, input({ question, sourcePolicyId: 'demo-policy-fix' }));
  const at = new Date().toISOString();
  const changed = documentAmended.make(
    { documentId, externalId: 'demo-policy-fix', title: '缴存办法', version: 2, byDocumentId: null, at },
    { source: 'policy-svc', correlationId: 'medium' },
  );
  await jetstream(env.nc).publish(env.naming.subject(changed.type), JSON.stringify(changed), { msgID: randomUUID() });
  await eventually(async () => expect((await pairs.get(pair.id, admin)).status).toBe('NEEDS_UPDATE'));

  const { externalId: _none, publish: _no, ...rest } = input({ question, answer: '按现行办法自愿缴存。' });
  const fixed = await pairs.edit({ ...rest, pairId: pair.id }, editor);
  expect(fixed).toMatchObject({ id: pair.id, status: 'NEEDS_UPDATE', answer: '按现行办法自愿缴存。', lastEditorSub: editor.sub });
  await expect(pairs.get(pair.id, null)).rejects.toMatchObject({ code: ErrorCode.QA_PAIR_NOT_FOUND });
  await pairs.transition(pair.id, 'SUBMIT', editor);
  await expect(pairs.transition(pair.id, 'APPROVE', editor)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  expect(await pairs.transition(pair.id, 'APPROVE', reviewer)).toMatchObject({ status: 'PUBLISHED' });
  expect(await pairs.get(pair.id, null)).toMatchObject({ answer: '按现行办法自愿缴存。' });

  await expect(pairs.edit({ ...rest, pairId: randomUUID() }, editor)).rejects.toMatchObject({ code: ErrorCode.QA_PAIR_NOT_FOUND });
});
