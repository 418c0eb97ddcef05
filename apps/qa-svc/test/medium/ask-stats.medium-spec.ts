import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { shanghaiDate } from '@govdisc/contracts';
import { type MediumEnv, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { AskStatsService } from '../../src/ask/ask-stats.service.js';
import { loadAppConfig } from '../../src/config/env.js';

// 一号答's daily counters on real PostgreSQL: a flush adds to the day's rows (never overwrites them), and the range
// read lists every day (zeros included) and the topics, most asked first.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let stats: AskStatsService;

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'qa-ask-stats', schema: 'qa', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'qa' })));
  stats = app.get(AskStatsService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

test('asks are counted per day and topic, durably and cumulatively, and read back per day and per topic', async () => {
  const today = shanghaiDate();
  stats.record('answered', 'housing-fund');
  stats.record('fallback', undefined);
  await stats.flush();
  stats.record('answered', 'housing-fund');
  stats.record('suggestionsOnly', 'housing-fund');
  await stats.flush();
  const rows = await queryRows(
    env.databaseUrl,
    'SELECT topic, asked, answered, suggestions_only, fallback FROM qa.ask_daily_count WHERE day = $1 ORDER BY topic',
    [today],
  );
  expect(rows).toEqual([
    { topic: '', asked: 1, answered: 0, suggestions_only: 0, fallback: 1 },
    { topic: 'housing-fund', asked: 3, answered: 2, suggestions_only: 1, fallback: 0 },
  ]);

  const read = await stats.between({});
  expect(read.to).toBe(today);
  expect(read.days).toHaveLength(30);
  expect(read.days.at(-1)).toEqual({ day: today, asked: 4, answered: 2, suggestionsOnly: 1, fallback: 1 });
  expect(read.days[0]).toMatchObject({ asked: 0 });
  expect(read.topics.map((t) => [t.topic, t.asked])).toEqual([
    ['housing-fund', 3],
    ['', 1],
  ]);
  expect(read.total).toEqual({ asked: 4, answered: 2, suggestionsOnly: 1, fallback: 1 });
  expect((await stats.between({ from: '2020-01-01', to: '2020-01-03' })).days.map((d) => d.day)).toEqual([
    '2020-01-01',
    '2020-01-02',
    '2020-01-03',
  ]);
});
