#!/usr/bin/env node
// Applies every service's committed migrations to its own schema (the same runner the services use
// on start). For ops who run services with DB_SKIP_MIGRATIONS=true.
//   DATABASE_URL=postgresql://… node scripts/db-migrate.mjs
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { migrate } from '@govdisc/service-kit';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/govdisc';
await createDatabaseIfMissing(databaseUrl);

export const schemas = {
  gateway: 'gateway',
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

async function createDatabaseIfMissing(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect().catch((error) => {
    console.error(`cannot reach PostgreSQL at ${admin.host}: ${error.message}. Run infra/scripts/ensure-postgres.sh`);
    process.exit(1);
  });
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    console.log(`created database ${name}`);
  }
  await client.end();
}
