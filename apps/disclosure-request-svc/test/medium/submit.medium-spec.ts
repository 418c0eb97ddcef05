import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ErrorCode } from '@govdisc/contracts';
import { type MediumEnv, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { RequestService } from '../../src/request/request.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let requests: RequestService;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'disclosure', schema: 'disclosure', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'disclosure' })));
  requests = app.get(RequestService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

const input = { applicantName: '李四', contact: 'lisi@example.com', channel: 'LETTER' as const, description: '2025年度财政预算执行情况' };

test('concurrent submissions get distinct, gap-free numbers of the Shanghai year', async () => {
  const at = new Date('2026-12-31T17:30:00Z'); // already 2027-01-01 in Asia/Shanghai
  const results = await Promise.all(Array.from({ length: 8 }, () => requests.submit(input, at)));
  const numbers = results.map((r) => r.requestNumber).sort();
  expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `2027-${String(i + 1).padStart(6, '0')}`));
  expect(new Set(results.map((r) => r.trackingCode)).size).toBe(8);
});

test('a tracking code finds its request (case-insensitive); an unknown one is a clear not-found', async () => {
  const r = await requests.submit(input);
  expect((await requests.track(r.trackingCode.toLowerCase())).id).toBe(r.id);
  await expect(requests.track('ZZZZZZZZZZZZ')).rejects.toMatchObject({ code: ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND });
  const rows = await queryRows(env.databaseUrl, 'SELECT contact FROM disclosure.disclosure_request WHERE id = $1', [r.id]);
  expect(rows).toEqual([{ contact: 'lisi@example.com' }]);
});
