import { migrate } from '@govdisc/service-kit';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A throwaway database for one test file or run; `drop()` removes it. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** `adminUrl`: another server's superuser URL (e.g. a private PostgreSQL's) instead of the shared test server. */
export async function createTestDatabase(label = 'test', adminUrl = ADMIN_DATABASE_URL): Promise<TestDatabase> {
  const name = `govdisc_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** One service's committed migrations and the schema they go to. */
export interface SchemaMigrations {
  schema: string;
  /** Folder holding `<timestamp>_<name>/migration.sql` (apps/<app>/prisma/migrations). */
  dir: string;
}

/**
 * A throwaway database with these migrations already applied: cloned (CREATE DATABASE … TEMPLATE) from a template
 * database built once per set of migration files, by the same migrate() the services run on start. Every e2e stack
 * and medium test file otherwise applied the same ~35 migrations again; the services still run migrate() when they
 * start (it finds everything applied). The template is named after a hash of the schemas, migration names and SQL,
 * so a changed or added migration builds a new one; it is built under another name and renamed when complete.
 */
export async function createMigratedDatabase(
  label: string,
  migrations: readonly SchemaMigrations[],
  adminUrl = ADMIN_DATABASE_URL,
): Promise<TestDatabase> {
  const hash = createHash('sha256');
  for (const m of migrations) {
    hash.update(`${m.schema}\0`);
    for (const name of migrationNames(m.dir)) hash.update(`${name}\0`).update(readFileSync(join(m.dir, name, 'migration.sql')));
  }
  const template = `govdisc_template_${hash.digest('hex').slice(0, 16)}`;
  const name = `govdisc_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // One session at a time builds or clones (two e2e lanes and other checkouts share the server): a clone fails while
    // anyone is connected to its template.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', ['govdisc-test-template']);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (found.rowCount === 0) {
      const building = `${template}_new`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      for (const m of migrations) await migrate({ databaseUrl: url.toString(), schema: m.schema, migrationsDir: m.dir });
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function migrationNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs one query against a database URL (for assertions on what services wrote). */
export async function queryRows<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export function uniquePrefix(): string {
  return `t${randomBytes(4).toString('hex')}.`;
}
