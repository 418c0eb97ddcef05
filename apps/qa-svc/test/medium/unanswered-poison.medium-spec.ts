import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { UnansweredService } from '../../src/ask/unanswered.service.js';
import { loadAppConfig } from '../../src/config/env.js';

// A question PostgreSQL refuses must not stop the demand log: the others are filed (once each),
// the poison is set aside after bounded retries.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'qa-unanswered-poison', schema: 'qa', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'qa' })));
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

const clusters = () =>
  queryRows<{ sample: string; count: number }>(env.databaseUrl, 'SELECT sample, count FROM qa.unanswered_cluster ORDER BY sample');

test('unanswered questions: one the database refuses (U+0000) is set aside after 3 flushes; the others are filed once each', async () => {
  const unanswered = app.get(UnansweredService);
  for (const q of ['月球基地落户补贴怎么申请', '火星移民需要什么材料', '月球\u0000基地补贴', '海底隧道通行证怎么办']) unanswered.record(q);
  await unanswered.flush();
  expect((await clusters()).map((c) => [c.sample, c.count])).toEqual(
    [
      ['月球基地落户补贴怎么申请', 1],
      ['海底隧道通行证怎么办', 1],
      ['火星移民需要什么材料', 1],
    ].sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
  expect(unanswered.snapshot()).toMatchObject({ pending: 1, parkedTotal: 0 });
  await unanswered.flush();
  await unanswered.flush();
  expect(unanswered.snapshot()).toMatchObject({ pending: 0, parkedTotal: 1 });
  // Nothing was filed twice by the retries, and later questions still flow.
  unanswered.record('火星移民需要什么材料');
  await unanswered.flush();
  expect((await clusters()).find((c) => c.sample === '火星移民需要什么材料')?.count).toBe(2);
  expect((await clusters()).every((c) => c.count <= 2)).toBe(true);
});
