import { eventually, requiredOpensearchUrl } from '@govdisc/testing';
import { randomUUID } from 'node:crypto';
import { bearer, tokenFor } from './auth.js';
import { publishedPair, publishedPolicy } from './publishing.js';
import { type Stack, api, startStack } from './stack.js';

// Issue 13.5, 一键查 through the gateway on both engines: one query over published policies, Q&A, guides
// and 一件事 bundles (counts per type, a blended first page, per-type paging); drafts and pending edits
// never found; a service that hangs leaves its part out (named in `partial`); bad input → 400 with a code.
type Item = { type: string; id: string; title: string; snippet: string; score: number };

const engines: Array<[string, () => string | undefined]> = [
  ['the embedded engine', () => undefined],
  ['OpenSearch', requiredOpensearchUrl],
];

describe.each(engines)('unified search on %s', (_engine, engineUrl) => {
  let stack: Stack;
  const as: Record<string, Record<string, string>> = {};
  const tag = randomUUID().slice(0, 6);
  const by = () => ({ editor: as.editor!, reviewer: as.reviewer! });
  const search = (query: string) => api(stack, 'GET', `/search?${query}`);
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  beforeAll(async () => {
    stack = await startStack({ opensearchUrl: engineUrl() });
    as.editor = bearer(await tokenFor(stack.issuerUrl, 'editor1'));
    as.reviewer = bearer(await tokenFor(stack.issuerUrl, 'reviewer1'));
    const policyExternalId = `e2e-us-${tag}`;
    await publishedPolicy(stack, by(), {
      externalId: policyExternalId,
      title: '江东市住房公积金提取管理办法',
      body: '第一条 为规范住房公积金提取，制定本办法。\n第六条 职工租赁住房自住的，可以提取住房公积金支付房租。',
    });
    // a draft policy: never found
    expect((await api(stack, 'POST', '/policies', { title: '公积金草稿文件甲乙丙', body: '住房公积金草稿' }, as.editor)).status).toBe(201);
    await publishedPair(stack, by(), {
      question: '租房可以提取住房公积金吗？',
      answer: '可以。职工租赁住房自住的，可以提取住房公积金支付房租。',
      ownerDepartment: '江东市住房公积金管理中心',
    });
    expect(
      (await api(stack, 'POST', '/qa/pairs', { question: '公积金草稿问答甲乙丙？', answer: '住房公积金草稿' }, as.editor)).status,
    ).toBe(201);
    const guide = (code: string, name: string, summary = '职工租房自住的，提取住房公积金支付房租。') => ({
      code,
      name,
      department: '江东市住房公积金管理中心',
      summary,
      legalBasis: [{ policyId: policyExternalId, clause: '第六条' }],
    });
    for (const [code, name, summary] of [
      [`US-GJJ-${tag}`, '住房公积金租房提取', undefined],
      [`US-JJ-${tag}`, '机动车驾驶证换证', '驾驶证有效期满前九十日内申请换领。'],
    ] as const) {
      expect((await api(stack, 'POST', '/guides', guide(code, name, summary), as.editor)).status).toBe(201);
      expect((await api(stack, 'POST', `/guides/${code}/publish`, undefined, as.reviewer)).status).toBe(200);
    }
    // a pending edit of a published guide (not yet reviewed) and a draft guide: their words are never found
    expect((await api(stack, 'POST', '/guides', guide(`US-GJJ-${tag}`, '公积金待审名称甲乙丙'), as.editor)).status).toBe(201);
    expect((await api(stack, 'POST', '/guides', guide(`US-DRAFT-${tag}`, '公积金草稿事项甲乙丙'), as.editor)).status).toBe(201);
    const bundle = { code: `US-YJS-${tag}`, name: '租房安居一件事', description: '租房落户与提取', matterCodes: [`US-GJJ-${tag}`] };
    expect((await api(stack, 'POST', '/bundles', bundle, as.editor)).status).toBe(201);
    expect((await api(stack, 'POST', `/bundles/${bundle.code}/publish`, undefined, as.reviewer)).status).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  test('one query finds every type: counts per type, each type on the blended first page, highlighted snippets', async () => {
    // 公积金 is a synonym of 住房公积金 in the shared analysis: all four owners segment it alike
    const res = await eventually(
      async () => {
        const r = await search(q('公积金'));
        expect(r.status).toBe(200);
        expect(r.json.counts).toEqual({ policy: 1, qa: 1, guide: 1, bundle: 1 });
        return r;
      },
      { timeoutMs: 20_000 },
    );
    expect(res.json).toMatchObject({ q: '公积金', type: null, page: 1, pageSize: 10, partial: [] });
    const items = res.json.items as Item[];
    expect(items.map((i) => i.type).sort()).toEqual(['bundle', 'guide', 'policy', 'qa']);
    expect(items.find((i) => i.type === 'guide')).toMatchObject({ id: `US-GJJ-${tag}`, title: '住房公积金租房提取' });
    expect(items.find((i) => i.type === 'bundle')).toMatchObject({ id: `US-YJS-${tag}`, title: '租房安居一件事' });
    expect(items.find((i) => i.type === 'qa')!.title).toBe('租房可以提取住房公积金吗？');
    expect(items.find((i) => i.type === 'policy')!.snippet).toContain('<em>');
    for (const item of items) expect(item.score).toBeGreaterThan(0);
  });

  test('drafts and pending edits are never found', async () => {
    await eventually(async () => expect((await search(q('公积金'))).json.counts.guide).toBe(1), { timeoutMs: 20_000 });
    const res = await search(q('甲乙丙'));
    expect(res.status).toBe(200);
    expect(res.json.counts).toEqual({ policy: 0, qa: 0, guide: 0, bundle: 0 });
    expect(res.json.items).toEqual([]);
  });

  test('type pages within one type and keeps the counts of all four', async () => {
    const guides = await eventually(
      async () => {
        const r = await search(`${q('提取')}&type=guide`);
        expect(r.json.counts.guide).toBe(1);
        return r;
      },
      { timeoutMs: 20_000 },
    );
    expect(guides.json.items.map((i: Item) => i.type)).toEqual(['guide']);
    expect(guides.json.counts.policy).toBeGreaterThanOrEqual(1);
    const later = await search(`${q('提取')}&type=guide&page=2`);
    expect(later.status).toBe(200);
    expect(later.json).toMatchObject({ type: 'guide', page: 2, items: [] });
    expect(later.json.counts).toEqual(guides.json.counts);
    // the guides are indexed one by one: the second may still be on its way to OpenSearch
    await eventually(
      async () => expect((await search(`${q('驾驶证')}&type=guide`)).json.items.map((i: Item) => i.id)).toEqual([`US-JJ-${tag}`]),
      { timeoutMs: 20_000 },
    );
  });

  test('bad input → 400 with a stable code and a Chinese message', async () => {
    const cases: Array<[string, string]> = [
      ['', 'SEARCH_QUERY_EMPTY'],
      ['q=%20%20', 'SEARCH_QUERY_EMPTY'],
      [q('长'.repeat(101)), 'SEARCH_QUERY_TOO_LONG'],
      [`${q('社保')}&type=video`, 'SEARCH_TYPE_UNKNOWN'],
      [`${q('社保')}&page=2`, 'SEARCH_PAGE_OUT_OF_RANGE'],
      [`${q('社保')}&type=qa&page=51`, 'SEARCH_PAGE_OUT_OF_RANGE'],
      [`${q('社保')}&type=qa&page=x`, 'SEARCH_PAGE_OUT_OF_RANGE'],
    ];
    for (const [query, code] of cases) {
      const res = await search(query);
      expect([query, res.status, res.json.code]).toEqual([query, 400, code]);
      expect(res.json.message).toMatch(/[\u4e00-\u9fff]/u);
    }
  });

  test('a service that hangs leaves its part out, named in partial; the others answer', async () => {
    const qa = stack.apps['qa-svc'];
    process.kill(qa.pid!, 'SIGSTOP');
    try {
      const started = Date.now();
      const res = await search(q('公积金'));
      expect(res.status).toBe(200);
      expect(res.json.partial).toEqual(['qa']);
      expect(res.json.counts).toMatchObject({ policy: 1, qa: 0, guide: 1, bundle: 1 });
      expect(res.json.items.some((i: Item) => i.type === 'qa')).toBe(false);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      process.kill(qa.pid!, 'SIGCONT');
    }
  });
});
