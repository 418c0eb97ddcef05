#!/usr/bin/env node
// Imports policy documents (JSONL, one record per line, e.g. ../shared/data/policies.jsonl) through the
// gateway as one resumable import job: progress bar, then a summary table. Each record's `id` is kept as
// `externalId`, so importing the same file again changes nothing. Malformed lines are reported with their
// line number and reason; the rest still imports. Signs in as a staff user (DEMO_USER, default admin1).
//   node scripts/policy-import.mjs <file.jsonl> [--draft] [--resume <jobId>] [--report <file.json>]
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import { login } from './lib/api-client.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith('--') && !['--resume', '--report'].includes(args[i - 1]));
if (!file) {
  console.error('usage: node scripts/policy-import.mjs <file.jsonl> [--draft] [--resume <jobId>] [--report <file.json>]');
  process.exit(2);
}
// The gateway refuses bodies over BODY_LIMIT (1 MB by default): batches stay well under it.
const MAX_BATCH_BYTES = 700_000;
const MAX_BATCH_ITEMS = 200;
const publish = !args.includes('--draft');
const api = await login();
let jobId = opt('--resume');
const resumeAfter = jobId ? (await api.get(`/policies/import/jobs/${jobId}`)).lastLine : 0;
const totalBytes = statSync(file).size;

const bar = new cliProgress.SingleBar(
  { format: '  {bar} {percentage}% | {value}/{total} MB | {lines} lines | {rate} docs/s', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
bar.start(Math.round(totalBytes / 1e5) / 10, 0, { lines: 0, rate: 0 });

let batch = [];
let batchBytes = 0;
let lines = 0;
let bytes = 0;
let sent = 0;
let job;
const started = Date.now();

async function flush() {
  if (batch.length === 0) return;
  job = await api.post('/policies/import/batches', { ...(jobId ? { jobId } : {}), source: file, items: batch, publish });
  jobId = job.id;
  sent += batch.length;
  batch = [];
  batchBytes = 0;
  const rate = Math.round(sent / ((Date.now() - started) / 1000));
  bar.update(Math.round(bytes / 1e5) / 10, { lines, rate });
}

for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
  lines++;
  const size = Buffer.byteLength(text) + 1;
  bytes += size;
  if (lines <= resumeAfter || !text.trim()) continue;
  let item;
  try {
    item = { line: lines, record: JSON.parse(text) };
  } catch (error) {
    item = { line: lines, record: null, error: `不是有效的 JSON：${error.message}`.slice(0, 500) };
  }
  if (batch.length > 0 && (batchBytes + size > MAX_BATCH_BYTES || batch.length >= MAX_BATCH_ITEMS)) await flush();
  batch.push(item);
  batchBytes += size;
}
await flush();
bar.stop();
if (!job) {
  console.log('nothing to import');
  process.exit(0);
}
job = await api.post(`/policies/import/jobs/${jobId}/finish`);
const seconds = (Date.now() - started) / 1000;
const r = job.report;
console.table({
  imported: { count: r.imported },
  updated: { count: r.updated },
  unchanged: { count: r.unchanged },
  'exact duplicates': { count: r.exactDuplicates.length },
  'near duplicates (linked)': { count: r.nearDuplicates.length },
  rejected: { count: r.rejected.length },
});
const mb = (bytes - 0) / 1e6;
console.log(`job ${job.id}: ${lines} lines, ${mb.toFixed(1)} MB in ${seconds.toFixed(1)} s → ${(sent / seconds).toFixed(0)} docs/s, ${(mb / seconds).toFixed(2)} MB/s`);
for (const x of r.rejected.slice(0, 10)) console.log(`  rejected line ${x.line}${x.externalId ? ` (${x.externalId})` : ''}: ${x.reason}`);
const out = opt('--report') ?? join(tmpdir(), `policy-import-${job.id}.json`);
writeFileSync(out, JSON.stringify(job, null, 2));
console.log(`full report (every duplicate and rejected line): ${out}`);
