import { eventually, requiredOpensearchUrl } from '@govdisc/testing';
import { bearer, tokenFor } from './auth.js';
import { fixturePolicies } from './corpus.js';
import { importPoliciesPublished } from './publishing.js';
import { type Stack, api, startStack } from './stack.js';

// Two real records of the fixture corpus (test-fixtures/corpus): a State Council regulation and a 2020 notice.
const WANTED = ['law-430645f0eca5', 'ncp-4519298476cf3b79'];
const records = fixturePolicies(WANTED);

// Every case runs on both engines behind the search port: the embedded one and a real OpenSearch.
const engines: Array<[string, () => string | undefined]> = [
  ['the embedded engine', () => undefined],
  ['OpenSearch', requiredOpensearchUrl],
];

describe.each(engines)('policy search on %s', (_engine, engineUrl) => {
  let stack: Stack;
  let staff: Record<string, string>;
  let reviewer: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ opensearchUrl: engineUrl() });
    staff = bearer(await tokenFor(stack.issuerUrl, 'admin1'));
    reviewer = bearer(await tokenFor(stack.issuerUrl, 'reviewer1'));
    const items = [...records.map((record, i) => ({ line: i + 1, record })), { line: 3, record: { id: 'broken', body: '无标题' } }];
    const job = await importPoliciesPublished(stack, { editor: staff, reviewer }, { source: 'e2e', items });
    expect(job.status).toBe(200);
    expect(job.json.report).toMatchObject({ imported: 2, rejected: [expect.objectContaining({ line: 3 })] });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const search = (query: string) => api(stack, 'GET', `/policies/search?${query}`);

  test('records keep their externalId', () => {
    expect(records.map((r) => r.id).sort()).toEqual([...WANTED].sort());
  });

  test('a colloquial query finds the published document, with the agreed item shape and facets', async () => {
    const res = await eventually(async () => {
      const r = await search(`q=${encodeURIComponent('职工年假怎么休')}`);
      expect(r.status).toBe(200);
      expect(r.json.items[0]?.externalId).toBe('law-430645f0eca5');
      return r;
    });
    expect(Object.keys(res.json.items[0]).sort()).toEqual(
      ['agencies', 'docNumber', 'externalId', 'id', 'publishDate', 'snippet', 'title', 'validity'].sort(),
    );
    expect(res.json.items[0]).toMatchObject({ title: '职工带薪年休假条例', validity: '有效', agencies: ['国务院'] });
    expect(res.json.items[0].snippet).toContain('<em>');
    expect(res.json.facets.agency).toEqual(expect.arrayContaining([{ value: '国务院', count: 1 }]));
  });

  test('a loosely typed 发文字号 puts the right document first', async () => {
    // The read model is fed by events: wait until this document has reached it (OpenSearch may lag the other).
    await eventually(async () =>
      expect((await search(`q=${encodeURIComponent('京政办发〔2020〕7号')}`)).json.items[0]?.externalId).toBe('ncp-4519298476cf3b79'),
    );
    for (const q of ['京政办发[2020]7号', '京政办发2020年7号', '京政办发（2020）7号']) {
      const r = await search(`q=${encodeURIComponent(q)}`);
      expect(r.json.items[0]?.externalId).toBe('ncp-4519298476cf3b79');
    }
  });

  test('filters without a query browse; bad parameters are refused with a code', async () => {
    const browse = await search(`level=${encodeURIComponent('国务院')}`);
    expect(browse.json.items.map((i: { externalId: string }) => i.externalId)).toEqual(['law-430645f0eca5']);
    for (const bad of ['pageSize=1000', 'sort=random', `validity=${encodeURIComponent('作废')}`, 'year=20x0', 'unknown=1']) {
      const r = await search(bad);
      expect(r.status).toBe(400);
      expect(r.json.code).toBe('VALIDATION_FAILED');
    }
  });

  test('suggest offers titles while typing', async () => {
    const r = await api(stack, 'GET', `/policies/suggest?q=${encodeURIComponent('职工带薪')}`);
    expect(r.status).toBe(200);
    expect(r.json.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'title', text: '职工带薪年休假条例' })]));
  });

  test('the document detail has clause anchors; a repealed document is still found and marked 废止', async () => {
    const hit = (await search(`q=${encodeURIComponent('带薪年休假')}`)).json.items[0];
    const detail = await api(stack, 'GET', `/policies/${hit.id}/detail`);
    expect(detail.status).toBe(200);
    expect(detail.json.paragraphs).toEqual(expect.arrayContaining([expect.objectContaining({ anchor: 'art-1', kind: 'article' })]));
    expect((await api(stack, 'POST', `/policies/${hit.id}/repeal`, {}, bearer('x'))).status).toBe(401);
    const repealed = await api(stack, 'POST', `/policies/${hit.id}/repeal`, {}, reviewer);
    expect(repealed.status).toBe(200);
    expect(repealed.json.validity).toBe('废止');
    await eventually(async () => {
      const r = await search(`q=${encodeURIComponent('带薪年休假')}`);
      expect(r.json.items.find((i: { id: string }) => i.id === hit.id)?.validity).toBe('废止');
    });
    expect((await search(`validity=${encodeURIComponent('废止')}`)).json.total).toBe(1);
  });

  describe('search extras: did you mean, related documents, best bets, other libraries, analytics', () => {
    let editor: Record<string, string>;
    let citizen: Record<string, string>;
    let lawId: string;
    let rulesId: string;

    beforeAll(async () => {
      editor = bearer(await tokenFor(stack.issuerUrl, 'editor1'));
      citizen = bearer(await tokenFor(stack.issuerUrl, 'citizen1'));
      lawId = (await search(`q=${encodeURIComponent('职工带薪年休假条例')}`)).json.items[0].id;
      const draft = await api(
        stack,
        'POST',
        '/policies',
        {
          title: '江东市职工带薪年休假实施细则',
          body: '第一条 职工连续工作1年以上的，享受带薪年休假。\n第二条 年休假天数按累计工作时间确定。',
        },
        editor,
      );
      expect(draft.status).toBe(201);
      rulesId = draft.json.id;
      expect((await api(stack, 'POST', `/policies/${rulesId}/publish`, undefined, reviewer)).status).toBe(200);
    });

    test("a mistyped query gets didYouMean from the library's own words; every query gets the State Council link", async () => {
      const r = await eventually(async () => {
        const res = await search(`q=${encodeURIComponent('带薪年修假')}`);
        expect(res.json.didYouMean).toBe('带薪年休假');
        return res;
      });
      expect(r.json.externalLinks).toEqual([
        {
          name: '国务院政策文件库',
          url: `https://sousuo.www.gov.cn/zcwjk/policyDocumentLibrary?t=zhengcelibrary&q=${encodeURIComponent('带薪年修假')}`,
        },
      ]);
      expect((await search(`q=${encodeURIComponent('带薪年休假')}`)).json.didYouMean).toBeUndefined();
    });

    test('related documents are public; the new rules share words with the regulation; bad ids and limits are refused', async () => {
      const r = await eventually(async () => {
        const res = await api(stack, 'GET', `/policies/${lawId}/related?limit=3`);
        expect(res.status).toBe(200);
        expect(res.json.items.map((i: { id: string }) => i.id)).toContain(rulesId);
        return res;
      });
      expect(r.json.items.find((i: { id: string }) => i.id === rulesId)).toMatchObject({
        relation: 'related',
        shared: expect.arrayContaining(['年休假']),
      });
      expect((await api(stack, 'GET', '/policies/00000000-0000-4000-8000-000000000000/related')).json.code).toBe(
        'POLICY_DOCUMENT_NOT_FOUND',
      );
      for (const bad of [
        '/policies/not-a-uuid/related',
        `/policies/${lawId}/related?limit=0`,
        `/policies/${lawId}/related?limit=21`,
        `/policies/${lawId}/related?x=1`,
      ]) {
        const res = await api(stack, 'GET', bad);
        expect(res.status).toBe(400);
        expect(res.json.code).toBe('VALIDATION_FAILED');
      }
    });

    test('best bets: editors pin documents for a query, search shows them first marked pinned; citizens cannot manage them', async () => {
      const body = { query: '年休假？', documentIds: [rulesId] };
      expect((await api(stack, 'POST', '/policies/best-bets', body)).status).toBe(401);
      const forbidden = await api(stack, 'POST', '/policies/best-bets', body, citizen);
      expect(forbidden.status).toBe(403);
      expect(forbidden.json.code).toBe('FORBIDDEN');
      expect((await api(stack, 'GET', '/policies/best-bets', undefined, citizen)).status).toBe(403);

      const created = await api(stack, 'POST', '/policies/best-bets', body, editor);
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ query: '年休假？', normalizedQuery: '年休假', documentIds: [rulesId] });
      const pinned = await search(`q=${encodeURIComponent('年休假')}`);
      expect(pinned.json.items[0]).toMatchObject({ id: rulesId, pinned: true });
      expect(pinned.json.items.filter((i: { id: string }) => i.id === rulesId)).toHaveLength(1);
      expect(pinned.json.items.slice(1).every((i: { pinned?: boolean }) => i.pinned === undefined)).toBe(true);

      const duplicate = await api(stack, 'POST', '/policies/best-bets', { query: ' 年休假 ', documentIds: [lawId] }, editor);
      expect([duplicate.status, duplicate.json.code]).toEqual([409, 'POLICY_BEST_BET_DUPLICATE_QUERY']);
      const unknown = await api(
        stack,
        'POST',
        '/policies/best-bets',
        { query: '其他', documentIds: ['00000000-0000-4000-8000-000000000000'] },
        editor,
      );
      expect([unknown.status, unknown.json.code]).toEqual([422, 'POLICY_BEST_BET_DOCUMENT_UNAVAILABLE']);
      for (const bad of [
        { query: '其他', documentIds: [] },
        { query: '', documentIds: [lawId] },
        { query: '其他', documentIds: [lawId, lawId] },
        { query: '其他', documentIds: [lawId], extra: 1 },
      ]) {
        const res = await api(stack, 'POST', '/policies/best-bets', bad, editor);
        expect([res.status, res.json.code]).toEqual([400, 'VALIDATION_FAILED']);
      }

      const list = await api(stack, 'GET', '/policies/best-bets', undefined, editor);
      expect(list.json).toMatchObject({ total: 1, items: [expect.objectContaining({ id: created.json.id })] });
      const patched = await api(stack, 'PATCH', `/policies/best-bets/${created.json.id}`, { documentIds: [lawId, rulesId] }, editor);
      expect(patched.status).toBe(200);
      const repinned = await search(`q=${encodeURIComponent('年休假')}`);
      expect(repinned.json.items.slice(0, 2).map((i: { id: string }) => i.id)).toEqual([lawId, rulesId]);
      expect((await api(stack, 'DELETE', `/policies/best-bets/${created.json.id}`, undefined, citizen)).status).toBe(403);
      expect((await api(stack, 'DELETE', `/policies/best-bets/${created.json.id}`, undefined, editor)).json).toEqual({
        id: created.json.id,
        deleted: true,
      });
      expect((await api(stack, 'DELETE', `/policies/best-bets/${created.json.id}`, undefined, editor)).json.code).toBe(
        'POLICY_BEST_BET_NOT_FOUND',
      );
      expect((await search(`q=${encodeURIComponent('年休假')}`)).json.items.some((i: { pinned?: boolean }) => i.pinned)).toBe(false);
    });

    test('analytics: searches and clicks are counted per day for editors; citizens get 403; bad input is 400', async () => {
      const q = '江东市年假分析';
      await search(`q=${encodeURIComponent(q)}`);
      await search(`q=${encodeURIComponent('火星探测器政策')}`);
      const click = await api(stack, 'POST', '/policies/search/clicks', { query: q, documentId: rulesId });
      expect([click.status, click.json]).toEqual([202, { accepted: true }]);
      for (const bad of [
        { query: q },
        { query: q, documentId: 'x' },
        { query: '？！', documentId: rulesId },
        { query: q, documentId: rulesId, at: 1 },
      ]) {
        const res = await api(stack, 'POST', '/policies/search/clicks', bad);
        expect([res.status, res.json.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      expect((await api(stack, 'GET', '/policies/analytics?days=7')).status).toBe(401);
      expect((await api(stack, 'GET', '/policies/analytics?days=7', undefined, citizen)).status).toBe(403);
      for (const bad of ['days=0', 'days=91', 'days=x', 'limit=0']) {
        expect((await api(stack, 'GET', `/policies/analytics?${bad}`, undefined, editor)).status).toBe(400);
      }
      const today = await eventually(async () => {
        const res = await api(stack, 'GET', '/policies/analytics?days=7', undefined, editor);
        expect(res.status).toBe(200);
        expect(res.json.days[0].zeroResultQueries).toEqual(expect.arrayContaining([{ query: '火星探测器政策', count: 1 }]));
        expect(res.json.days[0].topQueries).toEqual(expect.arrayContaining([{ query: q, count: 1 }]));
        // the click may be written a flush after its search: wait for both
        expect(res.json.days[0].noClickQueries.map((x: { query: string }) => x.query)).not.toContain(q);
        return res.json.days[0];
      });
      expect(today.noClickQueries.map((x: { query: string }) => x.query)).toEqual(expect.arrayContaining(['火星探测器政策']));
      expect(today.clicks).toBeGreaterThanOrEqual(1);
    });
  });
});
