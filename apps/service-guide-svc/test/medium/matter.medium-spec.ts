import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, prepareMediumEnv, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { MatterRepository } from '../../src/matter/matter.repository.js';
import { MatterSearchService } from '../../src/matter/matter-search.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let matters: MatterRepository;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'guide', schema: 'guide', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'guide' })));
  matters = app.get(MatterRepository);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

const matter = {
  code: 'JD-GJJ-001',
  name: '住房公积金租房提取',
  department: '江东市住房公积金管理中心',
  summary: '无自有住房且租房自住的职工可申请。',
  materials: ['身份证', '租房合同'],
  timeLimitDays: 3,
  policyRefs: ['demo-policy-05'],
};

test('a matter is upserted by its code, keeping arrays of materials and policy references', async () => {
  const first = await matters.upsert(matter);
  const second = await matters.upsert({ ...matter, materials: ['身份证'], timeLimitDays: 1 });
  expect(second.id).toBe(first.id);
  expect((await matters.findByCode('JD-GJJ-001'))).toMatchObject({ materials: ['身份证'], timeLimitDays: 1, policyRefs: ['demo-policy-05'] });
});

test('lists filter by department', async () => {
  await matters.upsert({ ...matter, code: 'JD-RS-001', department: '江东市人力资源和社会保障局' });
  expect((await matters.list({ page: 1, pageSize: 10, department: '江东市人力资源和社会保障局' })).items.map((m) => m.code)).toEqual(['JD-RS-001']);
  expect((await matters.list({ page: 1, pageSize: 10 })).total).toBe(2);
});

test('search finds matters by the words of a question and by the policies they implement, read from the database', async () => {
  await matters.upsert({ ...matter, code: 'JD-YB-001', name: '城乡居民医保参保登记', policyRefs: ['demo-policy-08'] });
  const search = app.get(MatterSearchService);
  // JD-GJJ-001 and JD-RS-001 (above) share the name 住房公积金租房提取
  expect((await search.search({ q: '租房子能提取公积金吗', limit: 3 })).map((m) => m.code).sort()).toEqual(['JD-GJJ-001', 'JD-RS-001']);
  expect((await search.search({ q: '大学生创业补贴', policyRefs: ['demo-policy-08'], limit: 3 })).map((m) => m.code)).toEqual(['JD-YB-001']);
});
