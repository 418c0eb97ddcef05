import { eventually } from '@govdisc/testing';
import { readFileSync } from 'node:fs';
import { bearer, tokenFor } from './auth.js';
import { type Stack, api, startStack } from './stack.js';

// Real records from the shared corpus, read in place (never copied into the repository).
const CORPUS = '/work/shared/data/policies.jsonl';
const WANTED = ['law-430645f0eca5', 'ncp-4519298476cf3b79'];
const records = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l) => WANTED.some((id) => l.startsWith(`{"id": "${id}"`)))
  .map((l) => JSON.parse(l));

let stack: Stack;
let staff: Record<string, string>;
let reviewer: Record<string, string>;

beforeAll(async () => {
  stack = await startStack();
  staff = bearer(await tokenFor(stack.issuerUrl, 'admin1'));
  reviewer = bearer(await tokenFor(stack.issuerUrl, 'reviewer1'));
  const items = [...records.map((record, i) => ({ line: i + 1, record })), { line: 3, record: { id: 'broken', body: '无标题' } }];
  const job = await api(stack, 'POST', '/policies/import/batches', { source: 'e2e', items }, staff);
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
  expect(Object.keys(res.json.items[0]).sort()).toEqual(['agencies', 'docNumber', 'externalId', 'id', 'publishDate', 'snippet', 'title', 'validity'].sort());
  expect(res.json.items[0]).toMatchObject({ title: '职工带薪年休假条例', validity: '有效', agencies: ['国务院'] });
  expect(res.json.items[0].snippet).toContain('<em>');
  expect(res.json.facets.agency).toEqual(expect.arrayContaining([{ value: '国务院', count: 1 }]));
});

test('a loosely typed 发文字号 puts the right document first', async () => {
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
