import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, prepareMediumEnv, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { PairRepository } from '../../src/pair/pair.repository.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let pairs: PairRepository;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'qa', schema: 'qa', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'qa' })));
  pairs = app.get(PairRepository);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test('importing the same external id twice updates one pair', async () => {
  const a = await pairs.upsert({ externalId: 'ncpqa-1', question: '租房能提公积金吗？', answer: '可以。', publish: false });
  const b = await pairs.upsert({ externalId: 'ncpqa-1', question: '租房能提取公积金吗？', answer: '可以，每月限额1500元。', publish: true });
  expect(b.id).toBe(a.id);
  expect(b.status).toBe('PUBLISHED');
  expect((await pairs.list({ page: 1, pageSize: 10 })).total).toBe(1);
});

test('lists page through pairs and filter by status', async () => {
  for (let i = 0; i < 5; i++) await pairs.upsert({ question: `问题${i}`, answer: `答案${i}`, publish: i % 2 === 0 });
  const page = await pairs.list({ page: 2, pageSize: 2 });
  expect(page.items).toHaveLength(2);
  expect(page.total).toBe(6);
  expect((await pairs.list({ page: 1, pageSize: 10, status: 'PUBLISHED' })).total).toBe(4);
});
