import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, prepareMediumEnv, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { MatterRepository } from '../../src/matter/matter.repository.js';
import { MatterSearchService } from '../../src/matter/matter-search.service.js';
import { MatterService } from '../../src/matter/matter.service.js';
import { ErrorCode, UpsertGuideMatterReq } from '@govdisc/contracts';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let matters: MatterRepository;
let service: MatterService;
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };
const admin = { sub: 'admin-1', roles: ['admin'] };

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'guide', schema: 'guide', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'guide' })));
  matters = app.get(MatterRepository);
  service = app.get(MatterService);
});

/** An editor saves, a different reviewer publishes (four eyes). */
const publishMatter = async (input: Parameters<MatterService['save']>[0]) => {
  await service.save(input, editor);
  return service.publish(input.code, reviewer);
};

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

const matter = {
  code: 'JD-GJJ-001',
  name: '住房公积金租房提取',
  department: '江东市住房公积金管理中心',
  summary: '无自有住房且租房自住的职工可申请。',
  materials: [{ name: '身份证' }, { name: '租房合同' }],
  promisedDays: 3,
  legalBasis: [{ policyId: 'demo-policy-05' }],
};
/** A matter as the contract reads it (defaults filled in). */
const m = (over: Record<string, unknown> = {}) => UpsertGuideMatterReq.parse({ ...matter, ...over });

test('a matter is upserted by its code, keeping arrays of materials and policy references', async () => {
  const first = await service.save(m(), editor);
  const second = await service.save(m({ materials: [{ name: '身份证' }], promisedDays: 1 }), editor);
  expect(second.id).toBe(first.id);
  expect(await matters.findByCode('JD-GJJ-001')).toMatchObject({
    detail: expect.objectContaining({ materials: [expect.objectContaining({ name: '身份证', originals: 1 })] }),
    promisedDays: 1,
    policyRefs: ['demo-policy-05'],
  });
});

test('lists filter by department', async () => {
  await service.save(m({ code: 'JD-RS-001', department: '江东市人力资源和社会保障局' }), editor);
  expect(
    (await service.list({ page: 1, pageSize: 10, department: '江东市人力资源和社会保障局' }, editor)).items.map((m) => m.code),
  ).toEqual(['JD-RS-001']);
  expect((await service.list({ page: 1, pageSize: 10 }, editor)).total).toBe(2);
});

test('search finds matters by the words of a question and by the policies they implement, read from the database', async () => {
  await service.publish('JD-GJJ-001', reviewer);
  await service.publish('JD-RS-001', reviewer);
  await publishMatter(m({ code: 'JD-YB-001', name: '城乡居民医保参保登记', legalBasis: [{ policyId: 'demo-policy-08' }] }));
  const search = app.get(MatterSearchService);
  // JD-GJJ-001 and JD-RS-001 (above) share the name 住房公积金租房提取
  expect((await search.search({ q: '租房子能提取公积金吗', limit: 3 })).map((m) => m.code).sort()).toEqual(['JD-GJJ-001', 'JD-RS-001']);
  expect((await search.search({ q: '大学生创业补贴', policyRefs: ['demo-policy-08'], limit: 3 })).map((m) => m.code)).toEqual([
    'JD-YB-001',
  ]);
});

test('four eyes: a saved matter is a draft nobody outside staff sees, published by someone other than its editor; an edit waits aside', async () => {
  // Issue 11.2 / 11.5: an editor's upsert used to be public at once.
  const input = m({ code: 'JD-FE-001', name: '老年人优待证办理', legalBasis: [] });
  const draft = await service.save(input, admin);
  expect(draft).toMatchObject({ status: 'DRAFT', editedBy: 'admin-1' });
  await expect(service.get('JD-FE-001', null)).rejects.toMatchObject({ code: ErrorCode.GUIDE_MATTER_NOT_FOUND });
  await expect(service.get('JD-FE-001', { sub: 'c', roles: ['citizen'] })).rejects.toMatchObject({
    code: ErrorCode.GUIDE_MATTER_NOT_FOUND,
  });
  expect((await service.list({ page: 1, pageSize: 50 }, null)).items.map((m) => m.code)).not.toContain('JD-FE-001');
  expect((await service.get('JD-FE-001', editor)).status).toBe('DRAFT');
  await expect(service.publish('JD-FE-001', admin)).rejects.toMatchObject({ code: ErrorCode.CONTENT_SELF_PUBLISH });
  expect(await service.publish('JD-FE-001', reviewer)).toMatchObject({ status: 'PUBLISHED', publishedBy: 'reviewer-1' });
  await expect(service.publish('JD-FE-001', admin)).rejects.toMatchObject({ code: ErrorCode.CONTENT_NOTHING_TO_PUBLISH });
  // An edit of the published matter: the public still sees the published name until another person publishes it.
  await service.save({ ...input, name: '老年人优待证申领（新）' }, reviewer);
  expect((await service.get('JD-FE-001', null)).name).toBe('老年人优待证办理');
  await expect(service.publish('JD-FE-001', reviewer)).rejects.toMatchObject({ code: ErrorCode.CONTENT_SELF_PUBLISH });
  expect(await service.publish('JD-FE-001', admin)).toMatchObject({
    name: '老年人优待证申领（新）',
    editedBy: 'reviewer-1',
    publishedBy: 'admin-1',
    pendingEditedBy: null,
    version: 2,
  });
});

test('search finds published matters only', async () => {
  await service.save(m({ code: 'JD-FE-002', name: '独生子女父母奖励扶助金申领', legalBasis: [{ policyId: 'demo-policy-99' }] }), editor);
  const search = app.get(MatterSearchService);
  const realNow = Date.now;
  Date.now = () => realNow() + 60_000;
  try {
    expect(
      (await search.search({ q: '独生子女奖励扶助金怎么领', policyRefs: ['demo-policy-99'], limit: 3 })).map((m) => m.code),
    ).not.toContain('JD-FE-002');
  } finally {
    Date.now = realNow;
  }
});
