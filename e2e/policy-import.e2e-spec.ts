import { eventually, queryRows } from '@govdisc/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, tokenFor } from './auth.js';
import { fixtureLines } from './corpus.js';
import { type Stack, api, repoRoot, startStack } from './stack.js';

// The import CLI end to end: file → CLI → gateway (staff token) → policy-svc, on real corpus lines (the
// fixture corpus). The full corpus is a benchmark, not a test: `node bench/policy-import.mjs`.
const FIXTURES = `${repoRoot}apps/policy-svc/test/fixtures`;
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

const documentCount = async () =>
  Number((await queryRows<{ n: string }>(stack.databaseUrl, 'SELECT count(*) AS n FROM policy.policy_document'))[0]!.n);

test('the CLI imports a file with a malformed line, reports it, and a second run changes nothing', async () => {
  const lines = fixtureLines('policies.jsonl').slice(0, 40);
  expect(lines).toHaveLength(40);
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

test('a CSV file and a government web page import through the CLI; malformed rows are reported with their lines', async () => {
  const first = await runCli(`${FIXTURES}/policies.csv`);
  expect(first.code).toBe(0);
  expect(first.out).toContain('docs/s');
  expect(first.report.report).toMatchObject({ imported: 4, updated: 0 });
  expect(first.report.report.rejected.map((r: { line: number }) => r.line)).toEqual([10, 11, 12]);
  expect(first.out).toMatch(/rejected line 10: 列数不符/);
  const again = await runCli(`${FIXTURES}/policies.csv`);
  expect(again.report.report).toMatchObject({ imported: 0, updated: 0, unchanged: 4 });
  const page = await runCli(`${FIXTURES}/gov-notice.html`);
  expect(page.report.report).toMatchObject({ imported: 1, rejected: [] });
  const [doc] = await queryRows<{ doc_number: string; index_number: string }>(
    stack.databaseUrl,
    `SELECT doc_number, index_number FROM policy.policy_document WHERE source_url LIKE 'https://www.jiangdong.gov.cn/%'`,
  );
  expect(doc).toEqual({ doc_number: '江政办发〔2024〕5号', index_number: '11330100MB0001234X/2024-00087' });
}, 120_000);

test("editors set a document's keywords and topics; citizens may not; the override survives a re-import and reaches search", async () => {
  const editor = bearer(await tokenFor(stack.issuerUrl, 'editor1'));
  const citizen = bearer(await tokenFor(stack.issuerUrl, 'citizen1'));
  const [row] = await queryRows<{ id: string }>(
    stack.databaseUrl,
    `SELECT id FROM policy.policy_document WHERE external_id = 'jd-2024-002'`,
  );
  const path = `/policies/${row!.id}/classification`;
  const change = { keywords: ['公积金提取', '租房提取'], topics: ['住房'] };
  expect((await api(stack, 'PUT', path, change, citizen)).status).toBe(403);
  expect((await api(stack, 'PUT', path, change)).status).toBe(401);
  const bad = await api(stack, 'PUT', path, { topics: ['不存在的主题'] }, editor);
  expect(bad.status).toBe(400);
  expect(bad.json.code).toBe('VALIDATION_FAILED');
  expect((await api(stack, 'PUT', path, {}, editor)).json.code).toBe('VALIDATION_FAILED');
  const missing = await api(stack, 'PUT', '/policies/00000000-0000-4000-8000-000000000000/classification', change, editor);
  expect([missing.status, missing.json.code]).toEqual([404, 'POLICY_DOCUMENT_NOT_FOUND']);
  const set = await api(stack, 'PUT', path, change, editor);
  expect(set.status).toBe(200);
  expect(set.json).toMatchObject({ ...change, keywordsOverridden: true, topicsOverridden: true, classifiedBy: expect.any(String) });
  // Re-importing a changed version of the row keeps the editor's choice.
  const csv = readFileSync(`${FIXTURES}/policies.csv`, 'utf8').replace('可以按月提取。', '可以按月提取，每年不超过12次。');
  const changedFile = join(dir, 'policies-changed.csv');
  writeFileSync(changedFile, csv);
  const reimport = await runCli(changedFile);
  expect(reimport.report.report).toMatchObject({ updated: 1 });
  const detail = await api(stack, 'GET', `/policies/${row!.id}/detail`);
  expect(detail.json).toMatchObject({ ...change, keywordsOverridden: true });
  await eventually(async () => {
    const hits = await api(stack, 'GET', `/policies/search?topic=${encodeURIComponent('住房')}&q=`);
    expect(hits.json.items.map((i: { id: string }) => i.id)).toContain(row!.id);
  });
}, 120_000);
