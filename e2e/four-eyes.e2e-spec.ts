import { eventually, queryRows } from '@govdisc/testing';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { bearer, tokenFor } from './auth.js';
import { type Stack, api, repoRoot, startStack } from './stack.js';

// Issue 11.2 (four-eyes publishing) and 11.5 (drafts are staff-only), over HTTP with real tokens.
// Every kind of public content × every author/publisher pair: whoever wrote or last edited a version
// never publishes it (admins included), editors never publish, anyone else with a reviewer role does.
// editor2 / reviewer2 exist for this matrix (infra/keycloak/realm-govdisc.json).

type Headers = Record<string, string>;
type User = 'editor1' | 'editor2' | 'reviewer1' | 'reviewer2' | 'admin1';
const USERS: User[] = ['editor1', 'editor2', 'reviewer1', 'reviewer2', 'admin1'];

let stack: Stack;
const as: Record<User | 'citizen1', Headers> = {} as never;

beforeAll(async () => {
  stack = await startStack();
  for (const u of [...USERS, 'citizen1'] as const) as[u] = bearer(await tokenFor(stack.issuerUrl, u));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

let seq = 0;
/** Distinct text per row, so imports never see an exact duplicate. */
const unique = (what: string) => {
  seq++;
  const words = ['稳岗', '就业', '养老', '医保', '住房', '教育', '交通', '税费', '补贴', '创业', '残疾人', '退役军人'];
  return `${what}第${seq}号（${words[seq % words.length]}${words[(seq * 7) % words.length]}${seq * 13}）`;
};

const idOf = async (table: string, externalId: string) =>
  (await queryRows<{ id: string }>(stack.databaseUrl, `SELECT id FROM ${table} WHERE external_id = $1`, [externalId]))[0]!.id;

/** What a publish attempt came to: 'published', or the error code it was refused with. */
type Outcome = string; // 'published', or the refusal's error code
const codeOf = (res: { status: number; json: any }): Outcome => (res.status < 300 ? 'published' : res.json.code);

interface ContentType {
  name: string;
  /** roles allowed to author this kind (the others are refused at authoring, tested below) */
  authors: User[];
  /** the author saves a version; returns what publish and visibility checks need */
  author: (by: User) => Promise<{ key: string; publicPath: string }>;
  publish: (key: string, by: User) => Promise<Outcome>;
}

const body = (title: string) => `第一条 ${title}的目的。\n第二条 ${title}的适用范围和办理条件。`;

const policyCreate: ContentType = {
  name: 'policy document (create)',
  authors: ['editor1', 'admin1'],
  async author(by) {
    const title = unique('江东市四眼原则测试办法');
    const res = await api(stack, 'POST', '/policies', { externalId: `fe-${seq}`, title, body: body(title) }, as[by]);
    expect([res.status, res.json.status]).toEqual([201, 'DRAFT']);
    return { key: res.json.id, publicPath: `/policies/${res.json.id}/detail` };
  },
  publish: async (id, by) => codeOf(await api(stack, 'POST', `/policies/${id}/publish`, undefined, as[by])),
};

const policyEdit: ContentType = {
  name: 'policy document (edit of a published one)',
  authors: ['editor1', 'admin1'],
  async author(by) {
    // A published base written by editor2 and published by reviewer2, then edited by the author.
    const title = unique('江东市已发布文件');
    const externalId = `fe-edit-${seq}`;
    const base = await api(stack, 'POST', '/policies', { externalId, title, body: body(title) }, as.editor2);
    expect((await api(stack, 'POST', `/policies/${base.json.id}/publish`, undefined, as.reviewer2)).status).toBe(200);
    const edit = await api(stack, 'POST', '/policies', { externalId, title: `${title}（修订）`, body: body(`${title}（修订）`) }, as[by]);
    expect(edit.json.pendingEdit).toMatchObject({ editedBy: expect.any(String) });
    // The published text keeps serving while the edit waits.
    expect((await api(stack, 'GET', `/policies/${base.json.id}/detail`)).json.title).toBe(title);
    return { key: base.json.id, publicPath: `/policies/${base.json.id}/detail` };
  },
  publish: async (id, by) => codeOf(await api(stack, 'POST', `/policies/${id}/publish`, undefined, as[by])),
};

const policyImport: ContentType = {
  name: 'policy import job',
  authors: ['editor1', 'admin1'],
  async author(by) {
    const title = unique('江东市导入测试通知');
    const job = await api(
      stack,
      'POST',
      '/policies/import/batches',
      { source: 'e2e-four-eyes', items: [{ line: 1, record: { id: `fe-imp-${seq}`, title, body: body(title) } }] },
      as[by],
    );
    expect([job.status, job.json.report.imported]).toEqual([200, 1]);
    const id = await idOf('policy.policy_document', `fe-imp-${seq}`);
    return { key: job.json.id, publicPath: `/policies/${id}/detail` };
  },
  async publish(jobId, by) {
    const res = await api(stack, 'POST', `/policies/import/jobs/${jobId}/publish`, undefined, as[by]);
    if (res.status >= 300) return res.json.code;
    return res.json.published === 1 ? 'published' : res.json.refused[0].code;
  },
};

const qaUpsert: ContentType = {
  name: 'Q&A pair (upsert with publish:true)',
  authors: ['editor1', 'reviewer1', 'admin1'],
  async author(by) {
    const pair = { externalId: `fe-qa-${seq + 1}`, question: `${unique('怎么办理四眼测试事项')}？`, answer: '到政务服务中心办理。' };
    const res = await api(stack, 'POST', '/qa/pairs', pair, as[by]);
    expect([res.status, res.json.status]).toEqual([201, 'DRAFT']);
    qaPairs.set(res.json.id, pair);
    return { key: res.json.id, publicPath: `/qa/pairs/${res.json.id}` };
  },
  publish: async (id, by) => codeOf(await api(stack, 'POST', '/qa/pairs', { ...qaPairs.get(id), publish: true }, as[by])),
};
const qaPairs = new Map<string, Record<string, unknown>>();

const qaWorkflow: ContentType = {
  name: 'Q&A pair (submit → approve)',
  authors: ['editor1', 'reviewer1', 'admin1'],
  async author(by) {
    const res = await api(stack, 'POST', '/qa/pairs', { question: `${unique('如何申请四眼流程补贴')}？`, answer: '网上申请。' }, as[by]);
    expect((await api(stack, 'POST', `/qa/pairs/${res.json.id}/transitions`, { action: 'SUBMIT' }, as[by])).status).toBeLessThan(300);
    return { key: res.json.id, publicPath: `/qa/pairs/${res.json.id}` };
  },
  publish: async (id, by) => codeOf(await api(stack, 'POST', `/qa/pairs/${id}/transitions`, { action: 'APPROVE' }, as[by])),
};

const qaImport: ContentType = {
  name: 'Q&A import (a reviewer re-sends the batch with publish:true)',
  authors: ['editor1', 'reviewer1', 'admin1'],
  async author(by) {
    const record = { id: `fe-qaimp-${seq + 1}`, question: `${unique('四眼导入问答')}？`, answer: '按规定办理。' };
    const res = await api(stack, 'POST', '/qa/import', { items: [{ line: 1, record }] }, as[by]);
    expect([res.status, res.json.imported]).toEqual([200, 1]);
    const id = await idOf('qa.qa_pair', record.id);
    qaImports.set(id, record);
    return { key: id, publicPath: `/qa/pairs/${id}` };
  },
  async publish(id, by) {
    const res = await api(stack, 'POST', '/qa/import', { items: [{ line: 1, record: qaImports.get(id) }], publish: true }, as[by]);
    if (res.status >= 300) return res.json.code;
    return res.json.updated === 1 ? 'published' : String(res.json.rejected[0].reason).split(':')[0];
  },
};
const qaImports = new Map<string, Record<string, unknown>>();

const guide: ContentType = {
  name: 'service guide',
  authors: ['editor1', 'admin1'],
  async author(by) {
    const code = `FE-${seq + 1}`;
    const res = await api(stack, 'POST', '/guides', { code, name: unique('四眼测试事项'), department: '江东市政务服务中心' }, as[by]);
    expect([res.status, res.json.status]).toEqual([201, 'DRAFT']);
    return { key: code, publicPath: `/guides/${code}` };
  },
  publish: async (code, by) => codeOf(await api(stack, 'POST', `/guides/${code}/publish`, undefined, as[by])),
};

const TYPES = [policyCreate, policyEdit, policyImport, qaUpsert, qaWorkflow, qaImport, guide];
const selfCode = (t: ContentType) => (t.name.startsWith('Q&A') ? 'QA_SELF_REVIEW' : 'CONTENT_SELF_PUBLISH');

/** The rule: editors never publish; nobody publishes what they wrote; any other reviewer or admin does. */
function expected(t: ContentType, author: User, publisher: User): Outcome {
  if (publisher.startsWith('editor')) return 'FORBIDDEN';
  if (publisher === author) return selfCode(t);
  return 'published';
}

const rows = TYPES.flatMap((t) =>
  t.authors.flatMap((author) =>
    USERS.map((publisher) => ({
      type: t.name,
      t,
      author,
      publisher,
      relation: publisher === author ? 'same person' : publisher.replace(/\d$/, ''),
    })),
  ),
);

test.each(rows)('$type: written by $author, published by $publisher ($relation)', async ({ t, author, publisher }) => {
  const { key, publicPath } = await t.author(author);
  // Unpublished: the public (and a citizen) get not-found; staff see it.
  expect((await api(stack, 'GET', publicPath)).status).toBe(t === policyEdit ? 200 : 404);
  expect((await api(stack, 'GET', publicPath, undefined, as.citizen1)).status).toBe(t === policyEdit ? 200 : 404);
  expect((await api(stack, 'GET', publicPath, undefined, as.editor2)).status).toBe(200);
  const want = expected(t, author, publisher);
  expect(await t.publish(key, publisher)).toBe(want);
  const shown = await api(stack, 'GET', publicPath);
  if (want === 'published') {
    expect(shown.status).toBe(200);
    if (t === policyEdit) expect(shown.json.title).toMatch(/（修订）$/);
  } else {
    expect(shown.status).toBe(t === policyEdit ? 200 : 404);
    if (t === policyEdit) expect(shown.json.title).not.toMatch(/（修订）$/);
  }
});

test("reviewers cannot author policies or guides at all (their publishing is of others' work)", async () => {
  expect((await api(stack, 'POST', '/policies', { title: '审核人写的文件', body: '正文' }, as.reviewer1)).status).toBe(403);
  expect(
    (
      await api(
        stack,
        'POST',
        '/policies/import/batches',
        { items: [{ line: 1, record: { id: 'x', title: 't', body: 'b' } }] },
        as.reviewer1,
      )
    ).status,
  ).toBe(403);
  expect((await api(stack, 'POST', '/guides', { code: 'FE-R', name: '审核人事项', department: '某局' }, as.reviewer1)).status).toBe(403);
});

test('an import never publishes by itself: publish:true is refused, and re-importing a published document leaves its text until a reviewer publishes', async () => {
  const refused = await api(
    stack,
    'POST',
    '/policies/import/batches',
    { items: [{ line: 1, record: { id: 'fe-pub', title: '直接发布', body: '正文' } }], publish: true },
    as.admin1,
  );
  expect([refused.status, refused.json.code]).toEqual([409, 'CONTENT_SELF_PUBLISH']);
  const title = unique('江东市再导入测试办法');
  const first = await api(
    stack,
    'POST',
    '/policies/import/batches',
    { items: [{ line: 1, record: { id: 'fe-reimport', title, body: body(title) } }] },
    as.editor1,
  );
  const published = await api(stack, 'POST', `/policies/import/jobs/${first.json.id}/publish`, undefined, {
    ...as.reviewer1,
    'x-request-id': 'fe-publish-job-01',
  });
  expect(published.json).toMatchObject({ published: 1, refused: [] });
  // The reviewer's bulk publish is in the audit log.
  await eventually(async () => {
    const log = await api(stack, 'GET', '/audit-log?pageSize=100', undefined, as.admin1);
    expect(log.json.items.find((e: { requestId: string }) => e.requestId === 'fe-publish-job-01')).toMatchObject({
      method: 'POST',
      routeKey: 'policies.importPublish',
      status: 200,
      actorRoles: ['reviewer'],
    });
  });
  const again = await api(
    stack,
    'POST',
    '/policies/import/batches',
    { items: [{ line: 1, record: { id: 'fe-reimport', title: '被改掉的标题', body: '被改掉的正文' } }] },
    as.editor1,
  );
  expect(again.json.report).toMatchObject({ updated: 1 });
  const list = await api(stack, 'GET', `/policies?pageSize=100`);
  const doc = list.json.items.find((d: { externalId: string }) => d.externalId === 'fe-reimport');
  expect(doc).toMatchObject({ status: 'PUBLISHED', title });
  const detail = await api(stack, 'GET', `/policies/${doc.id}/detail`);
  expect(detail.json.title).toBe(title);
  expect(detail.json.pendingEdit).toBeUndefined(); // staff-only field
  const staffView = await api(stack, 'GET', `/policies/${doc.id}/detail`, undefined, as.reviewer2);
  expect(staffView.json.pendingEdit).toMatchObject({ title: '被改掉的标题', editedBy: expect.any(String) });
});

test('drafts are staff-only in lists, detail, related and search', async () => {
  const title = unique('江东市草稿可见性测试办法');
  const draft = await api(stack, 'POST', '/policies', { title, body: body(title) }, as.editor1);
  for (const outsider of [{}, as.citizen1]) {
    const drafts = await api(stack, 'GET', '/policies?status=DRAFT&pageSize=100', undefined, outsider);
    expect([drafts.status, drafts.json.total]).toEqual([200, 0]);
    const all = await api(stack, 'GET', '/policies?pageSize=100', undefined, outsider);
    expect(all.json.items.map((d: { status: string }) => d.status)).not.toContain('DRAFT');
    expect((await api(stack, 'GET', `/policies/${draft.json.id}`, undefined, outsider)).status).toBe(404);
    expect((await api(stack, 'GET', `/policies/${draft.json.id}/detail`, undefined, outsider)).status).toBe(404);
    expect((await api(stack, 'GET', `/policies/${draft.json.id}/related`, undefined, outsider)).status).toBe(404);
    const found = await api(stack, 'GET', `/policies/search?q=${encodeURIComponent(title)}`, undefined, outsider);
    expect(found.json.items.map((i: { id: string }) => i.id)).not.toContain(draft.json.id);
    expect((await api(stack, 'GET', '/qa/pairs?status=DRAFT&pageSize=100', undefined, outsider)).json.items).toEqual([]);
    const guides = await api(stack, 'GET', '/guides?pageSize=100', undefined, outsider);
    expect(guides.json.items.map((g: { status: string }) => g.status)).not.toContain('DRAFT');
  }
  const staffDrafts = await api(stack, 'GET', '/policies?status=DRAFT&pageSize=100', undefined, as.reviewer1);
  expect(staffDrafts.json.items.map((d: { id: string }) => d.id)).toContain(draft.json.id);
  expect((await api(stack, 'GET', `/policies/${draft.json.id}/detail`, undefined, as.admin1)).status).toBe(200);
});

test('the demo loader writes as an editor and publishes as a reviewer: the public sees all demo content, and a second run changes nothing', async () => {
  const run = () =>
    new Promise<{ code: number; out: string }>((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, GATEWAY_URL: stack.gatewayUrl };
      delete env.KEYCLOAK_URL;
      const child = spawn(process.execPath, ['scripts/demo-load.mjs'], { cwd: repoRoot, env });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => resolve({ code: code ?? -1, out }));
    });
  const first = await run();
  expect(first.code).toBe(0);
  expect(first.out).toContain('written by editor1, published by reviewer1');
  const demo = (name: string) => JSON.parse(readFileSync(`${repoRoot}/demo/${name}`, 'utf8')) as Array<Record<string, string>>;
  const publicPolicies = (await api(stack, 'GET', '/policies?pageSize=100')).json.items.map((d: { externalId: string }) => d.externalId);
  expect(publicPolicies).toEqual(expect.arrayContaining(demo('policies.json').map((d) => d.externalId)));
  const publicPairs = (await api(stack, 'GET', '/qa/pairs?pageSize=100')).json.items.map((p: { externalId: string }) => p.externalId);
  expect(publicPairs).toEqual(expect.arrayContaining(demo('qa.json').map((p) => p.externalId)));
  const publicGuides = (await api(stack, 'GET', '/guides?pageSize=100')).json.items.map((g: { code: string }) => g.code);
  expect(publicGuides).toEqual(expect.arrayContaining(demo('guides.json').map((g) => g.code)));
  const publicBundles = (await api(stack, 'GET', '/bundles?pageSize=100')).json.items.map((b: { code: string }) => b.code);
  expect(publicBundles).toEqual(expect.arrayContaining(demo('bundles.json').map((b) => b.code)));
  const publicSites = (await api(stack, 'GET', '/sites?pageSize=100')).json.items.map((s: { id: string }) => s.id);
  expect(publicSites).toEqual(expect.arrayContaining(demo('sites.json').map((s) => s.id)));
  const second = await run();
  expect(second.out).toContain('; 0 newly published');
}, 120_000);
