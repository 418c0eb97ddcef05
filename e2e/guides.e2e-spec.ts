import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { bearer, tokenFor } from './auth.js';
import { type Stack, api, repoRoot, startStack } from './stack.js';

// Issue 13.1 through the gateway: the demo's sites, matters and 一件事 bundles saved by an editor and
// published by a reviewer; public list/detail/bundle/nearest; bad input answered with 4xx codes; drafts unseen.
let stack: Stack;
let editor: Record<string, string>;
let reviewer: Record<string, string>;
type Item = Record<string, any>;
const demo = (name: string) => JSON.parse(readFileSync(`${repoRoot}/demo/${name}`, 'utf8')) as Item[];

async function must(res: Promise<{ status: number; json: any }>, what: string) {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json).slice(0, 500)}`);
  return r.json;
}
async function load(file: string, path: string, key: string) {
  for (const item of demo(file)) {
    await must(api(stack, 'POST', path, item, editor), `${path} ${item[key]}`);
    await must(api(stack, 'POST', `${path}/${encodeURIComponent(item[key])}/publish`, undefined, reviewer), `publish ${item[key]}`);
  }
}

beforeAll(async () => {
  stack = await startStack();
  editor = bearer(await tokenFor(stack.issuerUrl, 'editor1'));
  reviewer = bearer(await tokenFor(stack.issuerUrl, 'reviewer1'));
  await load('sites.json', '/sites', 'id');
  await load('guides.json', '/guides', 'code');
  await load('bundles.json', '/bundles', 'code');
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

test('the public lists published guides by words, topic and department, and reads a full guide with its legal basis and sites', async () => {
  const all = await api(stack, 'GET', '/guides?pageSize=100');
  expect(all.status).toBe(200);
  expect(all.json.total).toBe(demo('guides.json').length);
  const housingFund = await api(stack, 'GET', '/guides?topic=housing-fund&pageSize=50');
  expect(housingFund.json.items.map((g: Item) => g.code).sort()).toEqual(['JD-GJJ-001', 'JD-GJJ-002', 'JD-GJJ-003', 'JD-GJJ-004']);
  const byWords = await api(stack, 'GET', `/guides?q=${encodeURIComponent('驾驶证')}`);
  expect(byWords.json.items.map((g: Item) => g.code).sort()).toEqual(['JD-JJ-001', 'JD-JJ-002']);
  const byDept = await api(stack, 'GET', `/guides?department=${encodeURIComponent('江东市住房公积金管理中心')}&page=2&pageSize=3`);
  expect(byDept.json).toMatchObject({ total: 4, page: 2, pageSize: 3 });
  expect(byDept.json.items).toHaveLength(1);
  expect(byDept.json.items[0].editedBy).toBeUndefined(); // authorship is for staff

  const guide = await api(stack, 'GET', '/guides/JD-GJJ-001');
  expect(guide.status).toBe(200);
  expect(guide.json.legalBasis).toEqual(
    expect.arrayContaining([
      { policyId: 'demo-policy-07', clause: '第六条', label: '《江东市住房公积金提取管理办法》第六条', anchor: 'art-6' },
    ]),
  );
  expect(guide.json.sites.map((s: Item) => s.id)).toEqual(['JD-SITE-07', 'JD-SITE-01']);
  expect(guide.json).toMatchObject({ onlineDepth: '全程网办', promisedDays: 3, version: 1, status: 'PUBLISHED', free: true });
  expect(guide.json.materials[0]).toMatchObject({ name: '本人身份证', exemptedBySharedData: true, required: true });
});

test('a bundle lists its matters in order with one merged materials list, total promised days and where to start', async () => {
  const list = await api(stack, 'GET', '/bundles');
  expect(list.json.items.map((b: Item) => b.code).sort()).toEqual(
    demo('bundles.json')
      .map((b) => b.code)
      .sort(),
  );
  const res = await api(stack, 'GET', '/bundles/JD-YJS-XSE');
  expect(res.status).toBe(200);
  const bundle = res.json;
  const spec = demo('bundles.json').find((b) => b.code === 'JD-YJS-XSE')!;
  expect(bundle.matters.map((m: Item) => m.code)).toEqual(spec.matterCodes);
  const birthCert = bundle.materials.filter((m: Item) => m.name === '出生医学证明');
  expect(birthCert).toHaveLength(1); // needed by three of the matters, listed once
  expect(birthCert[0].neededBy.map((n: Item) => n.code)).toEqual(['JD-GA-001', 'JD-YB-002', 'JD-SB-003']);
  const names = bundle.materials.map((m: Item) => m.name);
  expect(new Set(names).size).toBe(names.length);
  const days = demo('guides.json')
    .filter((g) => spec.matterCodes.includes(g.code))
    .reduce((sum, g) => sum + (g.promisedDays ?? 0), 0);
  expect(bundle.totalPromisedDays).toBe(days);
  expect(bundle.start).toMatchObject({ matterCode: 'JD-WJ-002', onlineUrl: null, onlineDepth: '线下办理', site: null });
  const kb = (await api(stack, 'GET', '/bundles/JD-YJS-KBQY')).json;
  expect(kb.start).toMatchObject({ matterCode: 'JD-SC-002', onlineDepth: '全程网办', site: { id: 'JD-SITE-01' } });
  const legalRep = kb.materials.find((m: Item) => m.name === '法定代表人身份证');
  expect(legalRep.neededBy.length).toBeGreaterThanOrEqual(4);
});

test('nearest sites: nearest first with distances in metres, open now on the official calendar; site detail lists its matters', async () => {
  const near = await api(stack, 'GET', '/sites/nearest?lat=28.19612&lng=112.97265&limit=4&at=2026-10-08T02:00:00Z');
  expect(near.status).toBe(200);
  const items = near.json.items as Item[];
  expect(items.map((s) => s.id)).toEqual(['JD-SITE-01', 'JD-SITE-15', 'JD-SITE-13', 'JD-SITE-09']);
  expect(items[0]).toMatchObject({ name: '江东市民之家（市政务服务中心）', distanceMeters: 0, openNow: true, datum: 'WGS-84' });
  expect(items.map((s) => s.distanceMeters)).toEqual([...items.map((s) => s.distanceMeters)].sort((a, b) => a - b));
  // National Day (Thursday 2026-10-01, 10:00 Beijing time): only the 24-hour area is open
  const holiday = await api(stack, 'GET', '/sites/nearest?lat=28.19612&lng=112.97265&limit=5&openNow=true&at=2026-10-01T02:00:00Z');
  expect(holiday.json.items.map((s: Item) => s.id)).toEqual(['JD-SITE-15']);
  // Saturday 2026-10-10 is a make-up working day: community stations (closed on Saturdays) open with Monday's hours
  const makeUp = await api(stack, 'GET', '/sites/JD-SITE-13?at=2026-10-10T02:00:00Z');
  expect(makeUp.json.openNow).toBe(true);
  expect((await api(stack, 'GET', '/sites/JD-SITE-13?at=2026-10-17T02:00:00Z')).json.openNow).toBe(false);
  const site = await api(stack, 'GET', '/sites/JD-SITE-07');
  expect(site.json.matters.map((m: Item) => m.code)).toEqual(['JD-GJJ-001', 'JD-GJJ-002', 'JD-GJJ-003', 'JD-GJJ-004']);
  const sites = await api(stack, 'GET', `/sites?district=${encodeURIComponent('临江区')}`);
  expect(sites.json.items.map((s: Item) => s.id)).toEqual(['JD-SITE-03', 'JD-SITE-10', 'JD-SITE-14']);
});

test('bad input is answered with 4xx and a stable code, never a 500', async () => {
  const cases: Array<[string, string, unknown, Record<string, string>, number, string]> = [
    ['GET', '/sites/nearest?lat=91&lng=112.9', undefined, {}, 400, 'VALIDATION_FAILED'],
    ['GET', '/sites/nearest?lat=28.1&lng=-181', undefined, {}, 400, 'VALIDATION_FAILED'],
    ['GET', '/sites/nearest?lat=abc&lng=112.9', undefined, {}, 400, 'VALIDATION_FAILED'],
    ['GET', '/sites/nearest?lng=112.9', undefined, {}, 400, 'VALIDATION_FAILED'],
    ['GET', '/sites/nearest?lat=28.1&lng=112.9&limit=0', undefined, {}, 400, 'VALIDATION_FAILED'],
    ['GET', '/guides?pageSize=1000', undefined, {}, 400, 'VALIDATION_FAILED'],
    ['GET', '/guides/NO-SUCH', undefined, {}, 404, 'GUIDE_MATTER_NOT_FOUND'],
    ['GET', '/bundles/NO-SUCH', undefined, {}, 404, 'GUIDE_BUNDLE_NOT_FOUND'],
    ['GET', '/sites/NO-SUCH', undefined, {}, 404, 'GUIDE_SITE_NOT_FOUND'],
    ['POST', '/guides', { code: 'E2E-X', name: '事项', department: '某局' }, {}, 401, 'AUTH_REQUIRED'],
    [
      'POST',
      '/guides',
      { code: 'E2E-X', name: '事项', department: '某局', statutoryDays: 1, promisedDays: 5 },
      editor,
      400,
      'VALIDATION_FAILED',
    ],
    ['POST', '/guides', { code: 'E2E-X', name: '事项', department: '某局', type: '行政处罚' }, editor, 400, 'VALIDATION_FAILED'],
    ['POST', '/guides', { code: 'E2E-X', name: '事项', department: '某局', siteIds: ['JD-SITE-99'] }, editor, 422, 'GUIDE_SITE_UNKNOWN'],
    ['POST', '/bundles', { code: 'E2E-B', name: '一件事', matterCodes: ['JD-GJJ-001', 'NO-SUCH'] }, editor, 422, 'GUIDE_MATTER_UNKNOWN'],
    [
      'POST',
      '/sites',
      { id: 'E2E-S', name: '站', level: '社区', address: '某路', district: '江城区', lat: 100, lng: 1 },
      editor,
      400,
      'VALIDATION_FAILED',
    ],
    ['POST', '/guides/import', { format: 'json', content: '{"not":"a list"}' }, editor, 422, 'GUIDE_IMPORT_FILE_INVALID'],
    ['POST', '/guides/JD-GJJ-001/publish', undefined, reviewer, 409, 'CONTENT_NOTHING_TO_PUBLISH'],
  ];
  for (const [method, path, body, headers, status, code] of cases) {
    const res = await api(stack, method, path, body, headers);
    expect({ path, body, status: res.status, code: res.json.code }).toEqual({ path, body, status, code });
    expect(res.json.message).toMatch(/[\u4e00-\u9fa5]/);
  }
});

test('drafts (matters, sites, bundles, imports, pending versions) stay invisible to the public until another person publishes them', async () => {
  await must(
    api(
      stack,
      'POST',
      '/sites',
      { id: 'E2E-SITE', name: '草稿站', level: '社区', address: '某路1号', district: '江城区', lat: 28.19612, lng: 112.97265 },
      editor,
    ),
    'site',
  );
  await must(
    api(stack, 'POST', '/guides', { code: 'E2E-DRAFT', name: '草稿事项', department: '某局', siteIds: ['E2E-SITE'] }, editor),
    'guide',
  );
  await must(api(stack, 'POST', '/bundles', { code: 'E2E-BUNDLE', name: '草稿一件事', matterCodes: ['E2E-DRAFT'] }, editor), 'bundle');
  const report = await must(
    api(
      stack,
      'POST',
      '/guides/import',
      { format: 'csv', content: '事项编码,事项名称,实施主体\nE2E-IMP,导入事项,某局\nE2E-BAD,,某局\n' },
      editor,
    ),
    'import',
  );
  expect(report).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: [expect.objectContaining({ line: 3, code: 'E2E-BAD' })] });
  for (const path of ['/guides/E2E-DRAFT', '/guides/E2E-IMP', '/bundles/E2E-BUNDLE', '/sites/E2E-SITE']) {
    expect((await api(stack, 'GET', path)).status).toBe(404);
    expect((await api(stack, 'GET', path, undefined, editor)).status).toBe(200);
  }
  expect((await api(stack, 'GET', '/guides?pageSize=100')).json.items.map((g: Item) => g.code)).not.toContain('E2E-DRAFT');
  expect((await api(stack, 'GET', '/sites/nearest?lat=28.19612&lng=112.97265&limit=50')).json.items.map((s: Item) => s.id)).not.toContain(
    'E2E-SITE',
  );
  // an edit of a published matter is a pending version: the public keeps reading version 1
  const published = (await api(stack, 'GET', '/guides/JD-SB-001')).json;
  await must(
    api(stack, 'POST', '/guides', { ...demo('guides.json').find((g) => g.code === 'JD-SB-001'), promisedDays: 1 }, editor),
    'edit',
  );
  expect((await api(stack, 'GET', '/guides/JD-SB-001')).json.promisedDays).toBe(published.promisedDays);
  expect((await api(stack, 'POST', '/guides/JD-SB-001/publish', undefined, editor)).status).toBe(403); // editors do not publish
  const v2 = await api(stack, 'POST', '/guides/JD-SB-001/publish', undefined, reviewer);
  expect(v2.json).toMatchObject({ promisedDays: 1, version: 2 });
  expect((await api(stack, 'GET', '/guides/JD-SB-001')).json.promisedDays).toBe(1);
});

test('the import CLI sends a CSV with Chinese headers in chunks: drafts, rejected lines with reasons, and a re-run changes nothing', async () => {
  const run = (...extra: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, GATEWAY_URL: stack.gatewayUrl };
      delete env.KEYCLOAK_URL;
      const child = spawn(process.execPath, ['scripts/guide-import.mjs', 'test-fixtures/guides/matters.csv', '--quiet', ...extra], {
        cwd: repoRoot,
        env,
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => resolve({ code: code ?? -1, out }));
    });
  const first = await run('--chunk', '2'); // 4 requests: line numbers must still be the file's
  expect(first.code).toBe(0);
  expect(first.out).toContain('5 new drafts, 0 updated (drafts or pending versions), 0 unchanged, 2 rejected');
  expect(first.out).toMatch(/line 4 \(BAD-1\): name：/);
  expect(first.out).toMatch(/line 17 \(BAD-2\): type：/);
  const imported = await api(stack, 'GET', '/guides/JD-GJJ-002-CSV', undefined, editor);
  expect(imported.json).toMatchObject({
    status: 'DRAFT',
    name: '住房公积金退休提取',
    legalBasis: [{ policyId: 'demo-policy-07', clause: '第三条' }],
  });
  expect(imported.json.steps.map((s: Item) => s.name)).toEqual(['申请', '受理', '审核', '办结']); // one step per line of a quoted cell
  expect((await api(stack, 'GET', '/guides/JD-GJJ-002-CSV')).status).toBe(404);
  const second = await run();
  expect(second.out).toContain('0 new drafts, 0 updated (drafts or pending versions), 5 unchanged, 2 rejected');
}, 60_000);
