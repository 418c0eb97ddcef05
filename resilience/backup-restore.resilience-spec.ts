import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { jetstreamManager } from '@nats-io/jetstream';
import { createTestDatabase, eventually, queryRows } from '@govdisc/testing';
import { bearer, tokenFor } from '../e2e/auth.js';
import { publishedPolicy } from '../e2e/publishing.js';
import { type Stack, api, repoRoot, startStack } from '../e2e/stack.js';
import { mixedTraffic, storedSubmissions, submittedEventsSettled } from './traffic.js';

const run = promisify(execFile);
const applicant = { type: 'NATURAL_PERSON', name: '王小明', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13912345678' };
const gatewayEnv = { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000' };

// The drill of infra/README.md "Backup and restore": traffic, infra/scripts/backup.sh, the platform lost, restore.sh
// into a fresh database, the platform started on it (a fresh NATS too: the streams are gone). Every acknowledged
// submission is back, search finds the published document again (the index is rebuilt from the tables), and no event
// is applied twice: the outbox's sent_at and notify-svc's processed_event rows came back with the data.
let first: Stack | undefined;
let second: Stack | undefined;
const dir = mkdtempSync(join(tmpdir(), 'govdisc-backup-'));

afterAll(async () => {
  await first?.stop();
  await second?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const searchFinds = async (stack: Stack, title: string) => {
  const res = await api(stack, 'GET', `/search?q=${encodeURIComponent(title)}`);
  if (!JSON.stringify(res.json).includes(title)) throw new Error(`search does not find ${title} yet: ${res.status}`);
};

test('backup, restore into a fresh database, start on it: everything back, search rebuilt, no event applied twice', async () => {
  first = await startStack({ gatewayEnv });
  const title = `备份恢复演练文件${randomUUID().slice(0, 6)}`;
  const pair = {
    editor: bearer(await tokenFor(first.issuerUrl, 'editor1')),
    reviewer: bearer(await tokenFor(first.issuerUrl, 'reviewer1')),
  };
  await publishedPolicy(first, pair, { title, body: `第一条 ${title}的内容。`, agency: '江东市人民政府' });
  // Some traffic, then five submissions the platform acknowledged.
  const started = Date.now();
  const seen = await mixedTraffic(first, { workers: 4, until: () => Date.now() - started > 2_000, label: '备份演练' });
  for (let i = 1; i <= 5; i++) {
    const description = `备份演练 补充第${i}号申请`;
    const res = await api(first, 'POST', '/disclosure-requests', { applicant, description, deliveryForm: 'EMAIL' });
    expect(res.status).toBe(201);
    seen.acknowledged.push(description);
  }
  const before = await submittedEventsSettled(first.databaseUrl);
  await eventually(() => searchFinds(first!, title), { timeoutMs: 30_000, intervalMs: 200 });
  const applied = async (url: string) =>
    (await queryRows<{ n: number }>(url, `SELECT count(*)::int AS n FROM notify.processed_event`))[0]!.n;
  const appliedBefore = await applied(first.databaseUrl);

  const dump = join(dir, 'govdisc.dump');
  const backupStarted = Date.now();
  await run('bash', [`${repoRoot}infra/scripts/backup.sh`, first.databaseUrl, dump]);
  const backupMs = Date.now() - backupStarted;
  await first.stop(); // the platform and its database are gone
  first = undefined;

  const fresh = await createTestDatabase('restored');
  const restoreStarted = Date.now();
  await run('bash', [`${repoRoot}infra/scripts/restore.sh`, dump, fresh.url]);
  const restoreMs = Date.now() - restoreStarted;
  // Restoring over a database that already holds the platform is refused.
  const again = await run('bash', [`${repoRoot}infra/scripts/restore.sh`, dump, fresh.url]).catch(
    (e: { code: number; stderr: string }) => e,
  );
  expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('restore into a fresh database') });

  second = await startStack({ database: fresh, gatewayEnv });
  const stored = await storedSubmissions(second.databaseUrl, '备份演练', seen);
  await eventually(() => searchFinds(second!, title), { timeoutMs: 30_000, intervalMs: 200 });
  // One new submission goes through the restored platform end to end (its relay and consumers run). The streams are
  // new and empty: an outbox that had lost its sent_at would now publish every old event again.
  const submitted = await api(second, 'POST', '/disclosure-requests', { applicant, description: '恢复后第1号申请', deliveryForm: 'EMAIL' });
  expect(submitted.status).toBe(201);
  const settled = await submittedEventsSettled(second.databaseUrl);
  const jsm = await jetstreamManager(second.nc);
  const info = await jsm.streams.info('DISCLOSURE_EVENTS', { subjects_filter: 'disclosure.request.submitted' });
  const republished = (info.state.subjects?.['disclosure.request.submitted'] ?? 0) - 1;
  const appliedAfter = await applied(second.databaseUrl);

  console.log(
    `backup ${backupMs} ms, restore ${restoreMs} ms: submitted ${seen.acknowledged.length} / found ${stored.found} / ` +
      `duplicated ${stored.duplicates.length}; old events published again ${republished}; events applied ${appliedBefore} before, ` +
      `${appliedAfter} after the restart and one new submission (submission events ${before.sent} → ${settled.sent})`,
  );
  expect(seen.acknowledged.length).toBeGreaterThanOrEqual(5);
  expect(stored.found).toBe(seen.acknowledged.length);
  expect(stored.duplicates).toEqual([]);
  expect(republished).toBe(0);
  expect(settled.sent).toBe(before.sent + 1);
  expect(settled.applied).toBe(before.applied + 1);
  expect(appliedAfter).toBeGreaterThan(appliedBefore);
});
