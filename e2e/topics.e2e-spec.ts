import { eventually } from '@govdisc/testing';
import { bearer, tokenFor } from './auth.js';
import { type Pair, publishedPair, publishedPolicy } from './publishing.js';
import { type Stack, api, startStack } from './stack.js';

// Issue 13 part 6 through the gateway: policies, Q&A pairs and guides saved without topics are classified into the
// citizen topic services; GET /topics counts what each holds, GET /topics/{code} lists it (published only, paged).
let stack: Stack;
let by: Pair;
type Item = Record<string, any>;

beforeAll(async () => {
  stack = await startStack();
  by = {
    editor: bearer(await tokenFor(stack.issuerUrl, 'editor1')),
    reviewer: bearer(await tokenFor(stack.issuerUrl, 'reviewer1')),
  };
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

test('content saved without topics is classified, counted per topic and listed on its topic page; drafts stay out', async () => {
  const policyId = await publishedPolicy(stack, by, {
    title: '江东市住房公积金提取管理办法',
    body: '第一条 为规范住房公积金提取，制定本办法。\n第二条 职工租房自住的，可以提取住房公积金。',
  });
  const pairId = await publishedPair(stack, by, { question: '租房可以提取公积金吗？', answer: '可以，每月最多提取1200元。' });
  const draft = await api(stack, 'POST', '/qa/pairs', { question: '公积金贷款最多能贷多少？', answer: '草稿，尚未审核。' }, by.editor);
  expect(draft.json.topics).toEqual(['housing-fund']);
  const guide = await api(
    stack,
    'POST',
    '/guides',
    {
      code: 'E2E-GJJ-1',
      name: '住房公积金租房提取',
      department: '江东市住房公积金管理中心',
      summary: '无自有住房且租房自住的职工可申请。',
    },
    by.editor,
  );
  expect(guide.json).toMatchObject({ topics: ['housing-fund'], topicsOverridden: false });
  expect((await api(stack, 'POST', '/guides/E2E-GJJ-1/publish', undefined, by.reviewer)).status).toBe(200);

  const list = await eventually(async () => {
    const r = await api(stack, 'GET', '/topics');
    expect(r.status).toBe(200);
    expect(r.json.items.find((t: Item) => t.code === 'housing-fund').counts).toEqual({ policy: 1, qa: 1, guide: 1 });
    return r.json.items as Item[];
  });
  // the taxonomy and its order are qa-svc's
  const qaTopics = await api(stack, 'GET', '/qa/topics');
  expect(list.map((t) => [t.code, t.name])).toEqual(qaTopics.json.items.map((t: Item) => [t.code, t.name]));
  expect(list.find((t) => t.code === 'talent')!.counts).toEqual({ policy: 0, qa: 0, guide: 0 });

  const page = await api(stack, 'GET', '/topics/housing-fund');
  expect(page.status).toBe(200);
  expect(page.json).toMatchObject({
    code: 'housing-fund',
    name: '住房公积金',
    page: 1,
    pageSize: 20,
    policies: { total: 1, available: true, items: [{ id: policyId, title: '江东市住房公积金提取管理办法' }] },
    qa: { total: 1, available: true, items: [{ id: pairId, question: '租房可以提取公积金吗？' }] },
    guides: { total: 1, available: true, items: [{ code: 'E2E-GJJ-1', name: '住房公积金租房提取' }] },
  });
  // staff calling the public page still see published content only
  const asEditor = await api(stack, 'GET', '/topics/housing-fund', undefined, by.editor);
  expect(asEditor.json.qa.items.map((p: Item) => p.id)).toEqual([pairId]);
});

test("an editor's topic codes move a policy to another topic page", async () => {
  const id = await publishedPolicy(stack, by, {
    title: '江东市二手房交易管理办法',
    body: '第一条 为规范存量房交易和不动产登记，制定本办法。',
  });
  const onRealEstate = async (code: string) =>
    ((await api(stack, 'GET', `/topics/${code}?pageSize=50`)).json.policies.items as Item[]).map((p) => p.id);
  expect(await onRealEstate('real-estate')).toContain(id);
  const set = await api(stack, 'PUT', `/policies/${id}/classification`, { topicCodes: ['housing-fund'] }, by.editor);
  expect(set.json).toMatchObject({ topicCodes: ['housing-fund'], topicCodesOverridden: true });
  expect(await onRealEstate('real-estate')).not.toContain(id);
  expect(await onRealEstate('housing-fund')).toContain(id);
  const bad = await api(stack, 'PUT', `/policies/${id}/classification`, { topicCodes: ['housing'] }, by.editor);
  expect([bad.status, bad.json.code]).toEqual([400, 'VALIDATION_FAILED']);
  expect(JSON.stringify(bad.json)).toContain('主题服务须为以下编码之一');
  const citizen = await api(stack, 'PUT', `/policies/${id}/classification`, { topicCodes: ['tax'] });
  expect(citizen.status).toBe(401);
});

test('an unknown topic is a 404 with a Chinese message; bad paging is a 400', async () => {
  const missing = await api(stack, 'GET', '/topics/no-such-topic');
  expect([missing.status, missing.json.code]).toEqual([404, 'TOPIC_NOT_FOUND']);
  expect(missing.json.message).toMatch(/主题服务/);
  const badPage = await api(stack, 'GET', '/topics/housing-fund?pageSize=500');
  expect([badPage.status, badPage.json.code]).toEqual([400, 'VALIDATION_FAILED']);
  const unknownParam = await api(stack, 'GET', '/topics/housing-fund?sort=new');
  expect(unknownParam.status).toBe(400);
});
