import { queryRows } from '@govdisc/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Stack, repoRoot, startStack } from './stack.js';

// The import CLI end to end: file → CLI → gateway (staff token) → policy-svc, on real corpus lines.
// The full corpus is a benchmark, not a test: `node scripts/policy-import.mjs ../shared/data/policies.jsonl`, twice.
const CORPUS = `${repoRoot}../shared/data/policies.jsonl`;
let stack: Stack;
const dir = mkdtempSync(join(tmpdir(), 'policy-import-e2e-'));

beforeAll(async () => {
  stack = await startStack();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function runCli(file: string): Promise<{ code: number; out: string; report: any }> {
  const reportFile = join(dir, `report-${Date.now()}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, GATEWAY_URL: stack.gatewayUrl };
  delete env.KEYCLOAK_URL;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/policy-import.mjs', file, '--report', reportFile], { cwd: repoRoot, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      let report: unknown = null;
      try {
        report = JSON.parse(readFileSync(reportFile, 'utf8'));
      } catch {
        /* the CLI failed before writing it; `out` says why */
      }
      resolve({ code: code ?? -1, out, report });
    });
  });
}

const documentCount = async () => Number((await queryRows<{ n: string }>(stack.databaseUrl, 'SELECT count(*) AS n FROM policy.policy_document'))[0].n);

test('the CLI imports a file with a malformed line, reports it, and a second run changes nothing', async () => {
  const lines = readFileSync(CORPUS, 'utf8').split('\n').slice(0, 40);
  const file = join(dir, 'sample.jsonl');
  writeFileSync(file, [...lines.slice(0, 20), '{"id": "half', ...lines.slice(20)].join('\n'));
  const first = await runCli(file);
  expect(first.code).toBe(0);
  expect(first.out).toContain('docs/s');
  expect(first.report.report.rejected).toEqual([expect.objectContaining({ line: 21 })]);
  expect(first.report.report.imported + first.report.report.exactDuplicates.length).toBe(40);
  const count = await documentCount();
  const second = await runCli(file);
  expect(second.report.report).toMatchObject({ imported: 0, updated: 0, unchanged: first.report.report.imported });
  expect(await documentCount()).toBe(count);
}, 120_000);
