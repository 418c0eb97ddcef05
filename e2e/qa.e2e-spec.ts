import { bearer, tokenFor } from './auth.js';
import { FIXTURE_QA_PAIRS, fixtureLines } from './corpus.js';
import { askScenario, repealScenario } from './qa-scenarios.js';
import { eventually } from '@govdisc/testing';
import { importQaPublished, publishedPolicy } from './publishing.js';
import { type Stack, api, startStack } from './stack.js';

// The Q&A knowledge base over HTTP: citations checked against the real policy-svc, the editorial
// workflow with sign-off, topics, feedback, and an import of real Q&A records with a report.
let stack: Stack;
let editor: Record<string, string>;
let reviewer: Record<string, string>;
let admin: Record<string, string>;
let documentId: string;

const body = ['第一条 为支持租房职工，制定本办法。', '第五条 无房职工租房自住的，可以每月提取住房公积金，每月提取额不超过1500元。'].join(
  '\n',
);

beforeAll(async () => {
  stack = await startStack();
  const signIn = async (user: string) => bearer(await tokenFor(stack.issuerUrl, user));
  [editor, reviewer, admin] = await Promise.all([signIn('editor1'), signIn('reviewer1'), signIn('admin1')]);
  const doc = await api(stack, 'POST', '/policies', { externalId: 'e2e-gjj-1', title: '江东市住房公积金租房提取办法', body }, admin);
  expect(doc.status).toBe(201);
  documentId = doc.json.id;
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

test('a quote is checked against the cited document: verbatim passes, invented text is refused', async () => {
  const pair = {
    question: '租房可以提取住房公积金吗？',
    alternatives: ['租房提公积金每月能取多少'],
    answer: '可以。无房职工租房自住的，每月提取额不超过1500元。',
    topics: ['housing-fund'],
    citations: [{ documentId: 'e2e-gjj-1', anchor: '第五条', quote: '每月提取额不超过1500元' }],
  };
  const ok = await api(stack, 'POST', '/qa/pairs', pair, editor);
  expect(ok.status).toBe(201);
  expect(ok.json.citations[0]).toMatchObject({ documentId, documentVersion: 1, state: 'VERIFIED' });
  const wrong = await api(stack, 'POST', '/qa/pairs', { ...pair, citations: [{ documentId, quote: '每月提取额不超过3000元' }] }, editor);
  expect(wrong.status).toBe(422);
  expect(wrong.json.code).toBe('QA_CITATION_MISMATCH');
});

test('invalid input gets a clear 4xx with a code and changes nothing', async () => {
  const countPairs = async () => (await api(stack, 'GET', '/qa/pairs?pageSize=1', undefined, admin)).json.total as number;
  const before = await countPairs();
  for (const question of ['', '   ', '问'.repeat(10_000)]) {
    const res = await api(stack, 'POST', '/qa/ask', { question });
    expect([res.status, res.json.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.json.message).toMatch(/[\u4e00-\u9fff]/); // a message a citizen can read
  }
  const pair = { question: '租房提取公积金每月最多多少？', answer: '每月不超过1500元。', topics: ['housing-fund'] };
  const missingClause = await api(
    stack,
    'POST',
    '/qa/pairs',
    { ...pair, citations: [{ documentId: 'e2e-gjj-1', anchor: '第九十九条', quote: '每月提取额不超过1500元' }] },
    editor,
  );
  expect([missingClause.status, missingClause.json.code]).toEqual([422, 'QA_CITATION_CLAUSE_NOT_FOUND']);
  expect(missingClause.json.details.available).toEqual(['art-1', 'art-5']);
  const wrongClause = await api(
    stack,
    'POST',
    '/qa/pairs',
    { ...pair, citations: [{ documentId: 'e2e-gjj-1', anchor: '第一条', quote: '每月提取额不超过1500元' }] },
    editor,
  );
  expect([wrongClause.status, wrongClause.json.code]).toEqual([422, 'QA_CITATION_MISMATCH']);
  const rightClause = await api(
    stack,
    'POST',
    '/qa/pairs',
    { ...pair, citations: [{ documentId: 'e2e-gjj-1', anchor: 'art-5', quote: '每月提取额不超过1500元' }] },
    editor,
  );
  expect(rightClause.status).toBe(201);
  expect(rightClause.json.citations[0]).toMatchObject({ anchor: 'art-5', state: 'VERIFIED' });
  const illegal = await api(stack, 'POST', `/qa/pairs/${rightClause.json.id}/transitions`, { action: 'APPROVE' }, reviewer); // a draft is not in review
  expect([illegal.status, illegal.json.code]).toEqual([409, 'QA_TRANSITION_NOT_ALLOWED']);
  const unknownAction = await api(stack, 'POST', `/qa/pairs/${rightClause.json.id}/transitions`, { action: 'PUBLISH_NOW' }, editor);
  expect([unknownAction.status, unknownAction.json.code]).toEqual([400, 'VALIDATION_FAILED']);
  expect((await api(stack, 'GET', `/qa/pairs/${rightClause.json.id}`, undefined, editor)).json.status).toBe('DRAFT');
  expect(await countPairs()).toBe(before + 1); // only the valid pair was stored
});

test('draft → review → published with a different reviewer; the public only ever sees published answers', async () => {
  const created = await api(
    stack,
    'POST',
    '/qa/pairs',
    { question: '公积金租房提取要什么材料？', answer: '身份证和租房合同。', topics: ['housing-fund'] },
    editor,
  );
  const id = created.json.id;
  expect((await api(stack, 'GET', `/qa/pairs/${id}`)).status).toBe(404);
  expect((await api(stack, 'POST', `/qa/pairs/${id}/transitions`, { action: 'SUBMIT' }, editor)).json.status).toBe('IN_REVIEW');
  expect((await api(stack, 'POST', `/qa/pairs/${id}/transitions`, { action: 'APPROVE' }, editor)).status).toBe(403);
  const approved = await api(stack, 'POST', `/qa/pairs/${id}/transitions`, { action: 'APPROVE', note: '已核对' }, reviewer);
  expect(approved.json.status).toBe('PUBLISHED');
  expect((await api(stack, 'GET', `/qa/pairs/${id}`)).json.status).toBe('PUBLISHED');
  const history = await api(stack, 'GET', `/qa/pairs/${id}/history`, undefined, reviewer);
  expect(history.json.items.map((h: { action: string }) => h.action)).toEqual(['CREATED', 'SUBMIT', 'APPROVE']);
  const again = await api(stack, 'POST', `/qa/pairs/${id}/transitions`, { action: 'APPROVE' }, reviewer);
  expect([again.status, again.json.code]).toEqual([409, 'QA_TRANSITION_NOT_ALLOWED']);

  const fb = await api(stack, 'POST', `/qa/pairs/${id}/feedback`, { helpful: false, rating: 2, comment: '没有写办理地点' });
  expect(fb.status).toBe(201);
  expect((await api(stack, 'POST', `/qa/pairs/${id}/feedback`, {})).status).toBe(400);
  const stats = await api(stack, 'GET', '/qa/feedback/stats?topic=housing-fund', undefined, editor);
  expect(stats.json.byPair.find((p: { pairId: string }) => p.pairId === id)).toMatchObject({ notHelpful: 1, ratingAverage: 2 });
  const topics = await api(stack, 'GET', '/qa/topics');
  expect(topics.json.items.length).toBeGreaterThanOrEqual(16);
  expect(topics.json.items.find((t: { code: string }) => t.code === 'housing-fund').publishedCount).toBeGreaterThanOrEqual(1);
});

test('importing real Q&A records reports bad lines and is idempotent', async () => {
  const published = async () => (await api(stack, 'GET', '/qa/pairs?pageSize=100&status=PUBLISHED', undefined, admin)).json;
  const before = (await published()).total as number;
  const lines = fixtureLines('qa.jsonl');
  expect(lines).toHaveLength(FIXTURE_QA_PAIRS);
  const n = lines.length;
  const items = lines.map((text, i) => ({ line: i + 1, record: JSON.parse(text) }));
  items.push({ line: n + 1, record: { id: 'broken-1', question: '' } }, { line: n + 2, record: 'not an object' });
  const first = await importQaPublished(stack, { editor: admin, reviewer }, items);
  expect(first.status).toBe(200);
  expect(first.json.imported).toBe(FIXTURE_QA_PAIRS);
  expect(first.json.rejected.map((r: { line: number }) => r.line)).toEqual([n + 1, n + 2]);
  const second = await importQaPublished(stack, { editor: admin, reviewer }, items);
  expect(second.json).toMatchObject({ imported: 0, updated: 0, unchanged: first.json.imported });
  const sample = JSON.parse(lines[0]!);
  const found = await published();
  expect(found.total).toBe(before + FIXTURE_QA_PAIRS);
  expect(found.items.some((p: { externalId: string }) => typeof p.externalId === 'string' && p.externalId.startsWith('ncpqa-'))).toBe(true);
  expect(sample.id).toMatch(/^ncpqa-/);
});

test('一号答: a reworded question finds its answer with confidence; an unanswerable one falls back and is queued for editors', async () => {
  await askScenario(stack, editor);
});

test('repealing a cited policy takes its Q&A out of the published answers into the needs-update queue, with one notification event each', async () => {
  await repealScenario(stack, { admin, editor, reviewer });
});

test('the extraction assistant proposes cited drafts clause by clause, for editors only', async () => {
  const res = await api(stack, 'POST', '/qa/extract', { documentId: 'e2e-gjj-1', limit: 5 }, editor);
  expect(res.status).toBe(200);
  expect(res.json.documentId).toBe(documentId);
  const draft = res.json.drafts.find((d: { citation: { anchor: string } }) => d.citation.anchor === '第五条');
  expect(draft.citation.quote).toContain('1500元');
  expect(draft.question).toMatch(/？$/);
  const accepted = await api(
    stack,
    'POST',
    '/qa/pairs',
    { question: '租房提取公积金每月最多多少？', answer: draft.answer, citations: [draft.citation] },
    editor,
  );
  expect(accepted.status).toBe(201);
  expect(accepted.json.citations[0].state).toBe('VERIFIED');
  expect((await api(stack, 'POST', '/qa/extract', { documentId: 'e2e-gjj-1' })).status).toBe(401);
});

test('an imported pair naming its source is cited at the clause holding its answer; the pair view, the list filter, 一号答 and the backfill show it', async () => {
  // a notice without numbered articles: its paragraphs are cited by position (p-N), the anchors the policy page links to
  const notice = [
    '江东市人民政府办公厅关于支持中小微企业共渡难关的若干措施',
    '一、减轻企业房租负担。中小微企业承租市属国有企业房产的，免收2月份房租。',
    '二、加大金融支持力度。对受疫情影响较大的企业，银行不得盲目抽贷、断贷、压贷。',
    '三、延期缴纳社会保险费。受疫情影响无法按时缴费的企业，可延期至疫情结束后3个月内补缴。',
  ].join('\n');
  await publishedPolicy(
    stack,
    { editor: admin, reviewer },
    { externalId: 'e2e-cite-notice', title: '江东市支持中小微企业共渡难关的若干措施', body: notice },
  );
  const sourced = {
    id: 'e2e-cite-1',
    question: '江东市受疫情影响无法按时缴纳社保的企业怎么办？',
    answer: '受疫情影响无法按时缴费的企业，可延期至疫情结束后3个月内补缴。',
    sourcePolicyId: 'e2e-cite-notice',
  };
  const unsourced = {
    id: 'e2e-cite-2',
    question: '江东市火星基地补贴怎么申请？',
    answer: '向火星基地管理处提交申请表，经审核后发放补贴。',
  };
  const items = [sourced, unsourced].map((record, i) => ({ line: i + 1, record }));
  expect((await importQaPublished(stack, { editor: admin, reviewer }, items)).json).toMatchObject({ imported: 2, rejected: [] });

  const listed = async (citation: string) =>
    (await api(stack, 'GET', `/qa/pairs?pageSize=100&citation=${citation}`, undefined, editor)).json.items as Array<{
      id: string;
      externalId: string;
      citationVerified: boolean;
      citations: Array<{ anchor: string | null; state: string; quote: string }>;
    }>;
  const cited = (await listed('VERIFIED')).find((p) => p.externalId === 'e2e-cite-1')!;
  expect(cited).toBeDefined();
  expect(cited.citationVerified).toBe(true);
  expect(cited.citations).toEqual([expect.objectContaining({ anchor: 'p-4', state: 'VERIFIED', quote: sourced.answer })]);
  const view = await api(stack, 'GET', `/qa/pairs/${cited.id}`);
  expect(view.json).toMatchObject({ citationVerified: true, citations: [{ anchor: 'p-4', anchorLabel: '第4段', state: 'VERIFIED' }] });
  // the pair naming no source, whose answer is in no document: "citation unverified" for editors
  const flagged = (await listed('UNVERIFIED')).find((p) => p.externalId === 'e2e-cite-2');
  expect(flagged).toMatchObject({ citationVerified: false, citations: [] });
  expect((await listed('UNVERIFIED')).some((p) => p.externalId === 'e2e-cite-1')).toBe(false);

  // 一号答 answers with the clause (the portal links /policies/<id>#p-4)
  const asked = await eventually(async () => {
    const res = await api(stack, 'POST', '/qa/ask', { question: sourced.question });
    expect(res.json.answers[0]?.externalId).toBe('e2e-cite-1');
    return res.json;
  });
  expect(asked.answers[0].citations).toEqual([expect.objectContaining({ anchor: 'p-4', anchorLabel: '第4段', state: 'VERIFIED' })]);

  // the backfill: reviewers start it, staff watch it; it leaves the already cited pair alone
  expect((await api(stack, 'POST', '/qa/citations/backfill', {}, editor)).status).toBe(403);
  const started = await api(stack, 'POST', '/qa/citations/backfill', {}, reviewer);
  expect(started.status).toBe(202);
  const done = await eventually(async () => {
    const res = await api(stack, 'GET', '/qa/citations/backfill', undefined, editor);
    expect(res.json.state).toBe('DONE');
    return res.json;
  });
  expect(done.processed).toBe(done.total);
  expect(done.cited + done.improved + done.unverified).toBe(done.processed);
  expect((await api(stack, 'GET', `/qa/pairs/${cited.id}`)).json.citations).toEqual(view.json.citations);
});
