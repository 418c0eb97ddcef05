import { createTestDatabase, queryRows, type TestDatabase } from '@govdisc/testing';
import { migrate } from '@govdisc/service-kit';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let db: TestDatabase;
let before: string;

/** A copy of the migrations folder holding only the first one: the schema as it was with one global feed. */
function firstMigrationOnly(): string {
  const dir = mkdtempSync(join(tmpdir(), 'notify-migrations-'));
  const first = readdirSync(migrationsDir)
    .filter((n) => /^\d+_/.test(n))
    .sort()[0]!;
  cpSync(join(migrationsDir, first), join(dir, first), { recursive: true });
  return dir;
}

beforeAll(async () => {
  db = await createTestDatabase('notify-backfill');
  before = firstMigrationOnly();
});

afterAll(async () => {
  rmSync(before, { recursive: true, force: true });
  await db?.drop();
});

test('rows of the old global feed are addressed to the role they were meant for, never to everybody', async () => {
  await migrate({ databaseUrl: db.url, schema: 'notify', migrationsDir: before });
  await queryRows(
    db.url,
    `INSERT INTO notify.notification (id, event_id, event_type, title, body) VALUES
       (gen_random_uuid(), gen_random_uuid(), 'policy.document.published', '新政策发布：甲', '江东市人民政府'),
       (gen_random_uuid(), gen_random_uuid(), 'qa.pair.needs-update', '问答需更新：乙', '致人社局：…')`,
  );
  await migrate({ databaseUrl: db.url, schema: 'notify', migrationsDir });
  const rows = await queryRows<{
    event_type: string;
    recipient_sub: string | null;
    recipient_role: string;
    recipient_department: string | null;
    recipient_key: string;
  }>(
    db.url,
    'SELECT event_type, recipient_sub, recipient_role, recipient_department, recipient_key FROM notify.notification ORDER BY event_type',
  );
  expect(rows).toEqual([
    {
      event_type: 'policy.document.published',
      recipient_sub: null,
      recipient_role: 'admin',
      recipient_department: null,
      recipient_key: 'role:admin',
    },
    {
      event_type: 'qa.pair.needs-update',
      recipient_sub: null,
      recipient_role: 'editor',
      recipient_department: null,
      recipient_key: 'role:editor',
    },
  ]);
  // A row addressed to nobody (or to a person and a role at once) is refused by the table itself.
  const refused = await queryRows(
    db.url,
    `INSERT INTO notify.notification (id, event_id, event_type, title, body, recipient_key) VALUES (gen_random_uuid(), gen_random_uuid(), 'x', 't', 'b', 'nobody')`,
  ).catch((e: Error) => e.message);
  expect(refused).toMatch(/notification_one_recipient/);
});
