#!/usr/bin/env node
// Imports a Q&A set (JSONL: one record per line, e.g. ../shared/data/qa.jsonl) through the gateway,
// in batches, with progress and a final report. Each record's `id` is kept as `externalId`, so
// importing the same file again changes nothing. Malformed lines are listed with line number and reason.
// Four eyes: an editor imports (DEMO_EDITOR, default editor1; drafts, or pending edits of published
// pairs), then a different reviewer (DEMO_REVIEWER, default reviewer1) signs off each batch by sending it
// again with publish:true; --draft leaves them for review instead.
//   node scripts/qa-import.mjs <file.jsonl> [--draft] [--batch 200]
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loginEditor, loginReviewer } from './lib/api-client.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: node scripts/qa-import.mjs <file.jsonl> [--draft] [--batch 200]');
  process.exit(2);
}
const publish = !args.includes('--draft');
const batchSize = Number(args[args.indexOf('--batch') + 1]) || 200;
const api = await loginEditor();
const reviewer = publish ? await loginReviewer() : null;

const totals = { imported: 0, updated: 0, unchanged: 0, published: 0, rejected: [] };
let batch = [];
let lines = 0;
const started = Date.now();

async function flush() {
  if (batch.length === 0) return;
  const report = await api.post('/qa/import', { items: batch, publish: false });
  for (const k of ['imported', 'updated', 'unchanged']) totals[k] += report[k];
  totals.rejected.push(...report.rejected);
  if (reviewer) {
    const rejectedLines = new Set(report.rejected.map((r) => r.line));
    const valid = batch.filter((item) => !rejectedLines.has(item.line));
    if (valid.length > 0) totals.published += (await reviewer.post('/qa/import', { items: valid, publish: true })).updated;
  }
  batch = [];
  const rate = lines / ((Date.now() - started) / 1000);
  process.stderr.write(
    `\r  ${lines} lines · ${totals.imported} new · ${totals.updated} updated · ${totals.unchanged} unchanged · ${totals.published} published · ${totals.rejected.length} rejected · ${rate.toFixed(0)} lines/s`,
  );
}

for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
  lines++;
  if (!text.trim()) continue;
  let record;
  try {
    record = JSON.parse(text);
  } catch (error) {
    totals.rejected.push({ line: lines, externalId: null, reason: `not JSON: ${error.message}` });
    continue;
  }
  batch.push({ line: lines, record });
  if (batch.length >= batchSize) await flush();
}
await flush();
process.stderr.write('\n');
const seconds = (Date.now() - started) / 1000;
console.table({
  lines: { count: lines },
  imported: { count: totals.imported },
  updated: { count: totals.updated },
  unchanged: { count: totals.unchanged },
  'published (by a reviewer)': { count: totals.published },
  rejected: { count: totals.rejected.length },
});
console.log(`${lines} lines in ${seconds.toFixed(1)} s (${(lines / seconds).toFixed(0)} lines/s)`);
if (totals.rejected.length) {
  const out = `${file.replace(/\.jsonl?$/, '')}.rejected.json`;
  writeFileSync(out, JSON.stringify(totals.rejected, null, 2));
  for (const r of totals.rejected.slice(0, 10)) console.log(`  line ${r.line}${r.externalId ? ` (${r.externalId})` : ''}: ${r.reason}`);
  console.log(`all ${totals.rejected.length} rejected lines with reasons: ${out}`);
}
