import { ReadinessRegistry } from '@govdisc/service-kit';
import { type TestDatabase, createMigratedDatabase } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { IdempotencyRepository } from '../../src/idempotency/idempotency.repository.js';
import { PrismaService } from '../../src/infra/prisma.service.js';
import type { AppConfig } from '../../src/config/env.js';

// A claim's writes touch only that claim: a release retried in the background that arrives after the key was claimed
// again (the first claim lost to a database restart) must not free the second claim, nor its `complete` keep the answer.
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let db: TestDatabase;
let prisma: PrismaService;
let records: IdempotencyRepository;

beforeAll(async () => {
  db = await createMigratedDatabase('gateway_idem', [{ schema: 'gateway', dir: migrationsDir }]);
  const config = { DATABASE_URL: db.url, DB_SCHEMA: 'gateway', IDEMPOTENCY_TTL_HOURS: 24 } as AppConfig;
  prisma = new PrismaService(config, new ReadinessRegistry());
  await prisma.$connect();
  records = new IdempotencyRepository(prisma, config);
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

const row = (key: string) => prisma.idempotencyRecord.findUnique({ where: { scope_key: { scope: 's', key } } });

test('a late release of a lost claim leaves the key claimed again', async () => {
  const first = await records.claim('s', 'late-release', 'h');
  if (!('claim' in first)) throw new Error('expected the first claim');
  await prisma.idempotencyRecord.deleteMany({ where: { scope: 's', key: 'late-release' } }); // lost in a restart
  await new Promise((resolve) => setTimeout(resolve, 5)); // a later claim expires later
  const second = await records.claim('s', 'late-release', 'h');
  if (!('claim' in second)) throw new Error('expected the second claim');

  await records.release('s', 'late-release', first.claim);
  expect(await records.complete('s', 'late-release', first.claim, 201, { id: 'first' })).toBe(false);
  expect(await row('late-release')).toMatchObject({ state: 'IN_PROGRESS' });

  expect(await records.complete('s', 'late-release', second.claim, 201, { id: 'second' })).toBe(true);
  expect(await row('late-release')).toMatchObject({ state: 'DONE', status: 201, responseBody: { id: 'second' } });
  expect(await records.claim('s', 'late-release', 'h')).toMatchObject({ held: { state: 'DONE' } });
});

test('a claim released by its holder can be claimed again; a done answer is never released', async () => {
  const first = await records.claim('s', 'released', 'h');
  if (!('claim' in first)) throw new Error('expected a claim');
  expect(await records.claim('s', 'released', 'h')).toMatchObject({ held: { state: 'IN_PROGRESS' } });
  await records.release('s', 'released', first.claim);
  const again = await records.claim('s', 'released', 'h');
  if (!('claim' in again)) throw new Error('expected the key free again');
  expect(await records.complete('s', 'released', again.claim, 200, 'ok')).toBe(true);
  await records.release('s', 'released', again.claim);
  expect(await row('released')).toMatchObject({ state: 'DONE', responseBody: 'ok' });
});
