import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type Actor, ErrorCode } from '@govdisc/contracts';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { DocumentService } from '../../src/document/document.service.js';
import { ImportService } from '../../src/import/import.service.js';
import { RelatedService } from '../../src/related/related.service.js';
import { SearchService } from '../../src/search/search.service.js';

// Issue 11.2 (nobody publishes their own version, imports make drafts, an edit of a published
// document waits aside) and 11.5 (drafts are staff-only).
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const ctx = { source: 'policy-svc', correlationId: 'medium-four-eyes' };
const dataDir = mkdtempSync(join(tmpdir(), 'policy-four-eyes-'));
const editor: Actor = { sub: 'editor-1', roles: ['editor'] };
const reviewer: Actor = { sub: 'reviewer-1', roles: ['reviewer'] };
const admin: Actor = { sub: 'admin-1', roles: ['admin'] };
const citizen: Actor = { sub: 'citizen-1', roles: ['citizen'] };
let env: MediumEnv;
let app: INestApplication;
let documents: DocumentService;
let imports: ImportService;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'policy-four-eyes', schema: 'policy', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'policy', SEARCH_DATA_DIR: dataDir })));
  documents = app.get(DocumentService);
  imports = app.get(ImportService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

const outboxCount = async () =>
  Number((await queryRows<{ n: string }>(env.databaseUrl, 'SELECT count(*) AS n FROM policy.outbox_event'))[0]!.n);
const titles = async (q: string) =>
  (await app.get(SearchService).search({ q, page: 1, pageSize: 10, sort: 'relevance' })).items.map((i) => i.title);
const record = (id: string, title: string, body: string) => ({ line: 1, record: { id, title, body } });

test('an import makes drafts only: no event, not searchable; asking it to publish is refused', async () => {
  const before = await outboxCount();
  const job = await imports.importBatch({
    source: 'm',
    items: [record('fe-1', '江东市四眼原则测试办法', '第一条 导入的草稿。')],
    publish: false,
    actor: editor,
  });
  expect(job.report).toMatchObject({ imported: 1 });
  const [row] = await queryRows<{ status: string; created_by: string; edited_by: string }>(
    env.databaseUrl,
    `SELECT status, created_by, edited_by FROM policy.policy_document WHERE external_id = 'fe-1'`,
  );
  expect(row).toEqual({ status: 'DRAFT', created_by: 'editor-1', edited_by: 'editor-1' });
  expect(await outboxCount()).toBe(before);
  await expect(
    imports.importBatch({ source: 'm', items: [record('fe-2', '标题', '正文')], publish: true, actor: reviewer }),
  ).rejects.toMatchObject({
    code: ErrorCode.CONTENT_SELF_PUBLISH,
  });
});

test("a reviewer publishes an import job, except what they imported themselves; an admin's own import is refused to that admin", async () => {
  const own = await imports.importBatch({
    source: 'm',
    items: [record('fe-3', '江东市管理员自导入文件', '第一条 管理员导入。')],
    publish: false,
    actor: admin,
  });
  expect(await imports.publishJob(own.id, admin, ctx)).toMatchObject({
    published: 0,
    refused: [expect.objectContaining({ externalId: 'fe-3', code: ErrorCode.CONTENT_SELF_PUBLISH })],
  });
  expect(await imports.publishJob(own.id, reviewer, ctx)).toMatchObject({ published: 1, refused: [] });
  const job = await imports.importBatch({
    source: 'm',
    items: [record('fe-4', '江东市电梯维保补贴办法', '第一条 电梯维保补贴。')],
    publish: false,
    actor: editor,
  });
  expect(await imports.publishJob(job.id, editor, ctx)).toMatchObject({
    published: 0,
    refused: [expect.objectContaining({ externalId: 'fe-4' })],
  });
  expect(await imports.publishJob(job.id, admin, ctx)).toMatchObject({ published: 1 });
  await eventually(async () => expect(await titles('电梯维保补贴')).toContain('江东市电梯维保补贴办法'));
  // Nothing left to publish: a second call publishes nothing.
  expect(await imports.publishJob(job.id, reviewer, ctx)).toMatchObject({ published: 0, refused: [] });
});

test('re-importing a published document keeps the published text serving until another person publishes the edit', async () => {
  const job = await imports.importBatch({
    source: 'm',
    items: [record('fe-5', '江东市旧版供暖补贴办法', '第一条 旧版正文。')],
    publish: false,
    actor: editor,
  });
  await imports.publishJob(job.id, reviewer, ctx);
  await eventually(async () => expect(await titles('供暖补贴')).toContain('江东市旧版供暖补贴办法'));
  const edit = await imports.importBatch({
    source: 'm',
    items: [record('fe-5', '江东市新版供暖补贴办法', '第一条 新版正文。')],
    publish: false,
    actor: editor,
  });
  expect(edit.report).toMatchObject({ updated: 1 });
  const [doc] = await queryRows<{ id: string }>(env.databaseUrl, `SELECT id FROM policy.policy_document WHERE external_id = 'fe-5'`);
  const shown = await documents.get(doc!.id, null);
  expect(shown).toMatchObject({
    status: 'PUBLISHED',
    title: '江东市旧版供暖补贴办法',
    body: '第一条 旧版正文。',
    pendingEditedBy: 'editor-1',
  });
  // The editor's own create path on the same external id also waits aside (and is now the pending edit).
  await documents.create({ externalId: 'fe-5', title: '江东市新版供暖补贴办法', body: '第一条 新版正文（再改）。' }, admin);
  await expect(documents.publish(doc!.id, admin, ctx)).rejects.toMatchObject({ code: ErrorCode.CONTENT_SELF_PUBLISH });
  expect((await documents.get(doc!.id, null)).title).toBe('江东市旧版供暖补贴办法');
  // Staff compare the waiting edit with the published version (the console's version diff).
  expect(await documents.versionText(doc!.id, 'pending', reviewer)).toMatchObject({
    pending: true,
    version: null,
    body: '第一条 新版正文（再改）。',
    editedBy: 'admin-1',
  });
  const before = (await documents.detail(doc!.id, reviewer)).versions.at(-1)!.version;
  expect(await documents.versionText(doc!.id, before, reviewer)).toMatchObject({ pending: false, body: '第一条 旧版正文。' });
  await expect(documents.versionText(doc!.id, before + 5, reviewer)).rejects.toMatchObject({ code: ErrorCode.POLICY_DOCUMENT_NOT_FOUND });
  const published = await documents.publish(doc!.id, editor, ctx);
  expect(published).toMatchObject({
    title: '江东市新版供暖补贴办法',
    body: '第一条 新版正文（再改）。',
    editedBy: 'admin-1',
    publishedBy: 'editor-1',
    pendingEditedBy: null,
  });
  await eventually(async () => expect(await titles('供暖补贴')).toContain('江东市新版供暖补贴办法'));
  await expect(documents.publish(doc!.id, reviewer, ctx)).rejects.toMatchObject({ code: ErrorCode.POLICY_DOCUMENT_ALREADY_PUBLISHED });
  const versions = await queryRows<{ version: number; title: string; edited_by: string }>(
    env.databaseUrl,
    `SELECT version, title, edited_by FROM policy.policy_document_version WHERE document_id = $1 ORDER BY version`,
    [doc!.id],
  );
  expect(versions.at(-1)).toMatchObject({ title: '江东市新版供暖补贴办法', edited_by: 'admin-1' });
  await expect(documents.versionText(doc!.id, 'pending', reviewer)).rejects.toMatchObject({ code: ErrorCode.POLICY_DOCUMENT_NOT_FOUND });
});

test('whoever wrote a draft never publishes it, admins included', async () => {
  const mine = await documents.create({ title: '管理员自己写的草稿', body: '正文' }, admin);
  await expect(documents.publish(mine.id, admin, ctx)).rejects.toMatchObject({ code: ErrorCode.CONTENT_SELF_PUBLISH });
  const theirs = await documents.create({ title: '编辑写的草稿', body: '正文' }, editor);
  await expect(documents.publish(theirs.id, editor, ctx)).rejects.toMatchObject({ code: ErrorCode.CONTENT_SELF_PUBLISH });
  expect(await documents.publish(theirs.id, admin, ctx)).toMatchObject({
    status: 'PUBLISHED',
    publishedBy: 'admin-1',
    editedBy: 'editor-1',
  });
});

test('drafts are staff-only: anyone else gets not-found for the item and an empty list of drafts', async () => {
  const draft = await documents.create({ title: '尚未发布的草稿文件', body: '第一条 草稿内容。' }, editor);
  for (const outsider of [null, citizen]) {
    await expect(documents.get(draft.id, outsider)).rejects.toMatchObject({ code: ErrorCode.POLICY_DOCUMENT_NOT_FOUND });
    await expect(documents.detail(draft.id, outsider)).rejects.toMatchObject({ code: ErrorCode.POLICY_DOCUMENT_NOT_FOUND });
    await expect(app.get(RelatedService).related({ documentId: draft.id, limit: 5, actor: outsider })).rejects.toMatchObject({
      code: ErrorCode.POLICY_DOCUMENT_NOT_FOUND,
    });
    expect((await documents.list({ page: 1, pageSize: 50, status: 'DRAFT' }, outsider)).total).toBe(0);
    const all = await documents.list({ page: 1, pageSize: 100 }, outsider);
    expect(all.items.every((d) => d.status !== 'DRAFT')).toBe(true);
  }
  for (const staff of [editor, reviewer, admin]) {
    expect((await documents.get(draft.id, staff)).id).toBe(draft.id);
    expect((await documents.list({ page: 1, pageSize: 50, status: 'DRAFT' }, staff)).items.map((d) => d.id)).toContain(draft.id);
  }
});
