#!/usr/bin/env node
// Applies every service's committed migrations to its own schema (the same runner the services use
// on start). For ops who run services with DB_SKIP_MIGRATIONS=true.
//   DATABASE_URL=postgresql://… node scripts/db-migrate.mjs
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { migrate } from '@govdisc/service-kit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/govdisc';
export const schemas = {
  'policy-svc': 'policy',
  'qa-svc': 'qa',
  'service-guide-svc': 'guide',
  'disclosure-request-svc': 'disclosure',
  'notify-svc': 'notify',
};
for (const [app, schema] of Object.entries(schemas)) {
  const applied = await migrate({ databaseUrl, schema, migrationsDir: join(root, 'apps', app, 'prisma', 'migrations') });
  console.log(`${app}: schema ${schema} ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
}
