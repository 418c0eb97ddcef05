#!/usr/bin/env node
// Imports service matters (事项 with their full guides) through the gateway: a JSON array, JSONL (one matter
// per line) or CSV with a header row (field names, or the Chinese headers 事项编码, 事项名称, 实施主体, 申请材料…;
// list cells hold JSON arrays or items separated by `；`; quoted cells may span lines). The file goes in chunks
// that end at a record boundary; progress bar, then a summary and every rejected line with its reason. Imports
// only make drafts (or pending versions of published matters): a reviewer other than the importing editor
// publishes them. Matters are keyed by code, so importing the same file again reports every record unchanged.
//   node scripts/guide-import.mjs <file.json|file.jsonl|file.csv> [--format json|jsonl|csv] [--report <file.json>] [--chunk <records per request, default 200>] [--quiet]
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import cliProgress from 'cli-progress';
import { parse } from 'csv-parse/sync';
import { loginEditor } from './lib/api-client.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const target = args.find((a, i) => !a.startsWith('--') && !['--format', '--report', '--chunk'].includes(args[i - 1]));
const FORMATS = { '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' };
const format = opt('--format') ?? FORMATS[extname(target ?? '').toLowerCase()];
if (!target || !['json', 'jsonl', 'csv'].includes(format)) {
  console.error(
    'usage: node scripts/guide-import.mjs <file.json|file.jsonl|file.csv> [--format json|jsonl|csv] [--report <file.json>] [--quiet]',
  );
  process.exit(2);
}
const quiet = args.includes('--quiet');
// The gateway refuses bodies over BODY_LIMIT (1 MB by default): chunks stay well under it.
const MAX_CHUNK_BYTES = 500_000;
const MAX_CHUNK_RECORDS = Number(opt('--chunk') ?? 200);

/** The file as chunks the service reads as they are: { format, content, firstLine, header?, records }. */
function chunksOf(text) {
  const chunks = [];
  const pack = (records, make) => {
    let batch = [];
    let bytes = 0;
    for (const r of records) {
      if (batch.length > 0 && (batch.length >= MAX_CHUNK_RECORDS || bytes + r.text.length > MAX_CHUNK_BYTES)) {
        chunks.push(make(batch));
        batch = [];
        bytes = 0;
      }
      batch.push(r);
      bytes += Buffer.byteLength(r.text);
    }
    if (batch.length > 0) chunks.push(make(batch));
  };
  if (format === 'jsonl' || format === 'json') {
    // A JSON array goes as JSON lines numbered by position in the array (the service reports that number).
    const records =
      format === 'jsonl'
        ? text.split('\n').map((t, i) => ({ line: i + 1, text: t }))
        : JSON.parse(text).map((item, i) => ({ line: i + 1, text: JSON.stringify(item) }));
    const lines = records.filter((r) => r.text.trim() !== '');
    // JSONL chunks are contiguous line ranges, so blank lines inside a chunk keep the numbering.
    pack(lines, (batch) => ({
      format: 'jsonl',
      firstLine: batch[0].line,
      content: records
        .slice(batch[0].line - 1, batch.at(-1).line)
        .map((r) => r.text)
        .join('\n'),
      records: batch.length,
    }));
    return chunks;
  }
  const rows = parse(text, { bom: true, raw: true, info: true, skip_empty_lines: true, relax_column_count: true });
  const [header, ...records] = rows;
  let previousEnd = header.info.lines;
  const spans = records.map((r) => {
    const span = { line: previousEnd + 1, text: r.raw.replace(/\r?\n$/, '') };
    previousEnd = r.info.lines;
    return span;
  });
  const headerText = header.raw.replace(/\r?\n$/, '');
  // The first chunk starts with the header row (line 1); later ones start at their first record and repeat the header aside.
  pack(spans, (batch) =>
    batch[0] === spans[0]
      ? { format: 'csv', firstLine: 1, content: [headerText, ...batch.map((r) => r.text)].join('\n'), records: batch.length }
      : {
          format: 'csv',
          firstLine: batch[0].line,
          header: headerText,
          content: batch.map((r) => r.text).join('\n'),
          records: batch.length,
        },
  );
  return chunks;
}

const chunks = chunksOf(readFileSync(target, 'utf8'));
const total = chunks.reduce((a, c) => a + c.records, 0);
const api = await loginEditor();
const bar = new cliProgress.SingleBar(
  { format: '  {bar} {percentage}% | {value}/{total} matters | {rate} /s', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
if (!quiet) bar.start(total, 0, { rate: 0 });
const started = Date.now();
const report = { imported: 0, updated: 0, unchanged: 0, rejected: [] };
let done = 0;
for (const { records, ...chunk } of chunks) {
  const r = await api.post('/guides/import', chunk);
  report.imported += r.imported;
  report.updated += r.updated;
  report.unchanged += r.unchanged;
  report.rejected.push(...r.rejected);
  done += records;
  if (!quiet) bar.update(done, { rate: Math.round(done / ((Date.now() - started) / 1000 || 1)) });
}
if (!quiet) bar.stop();
console.log(
  `${target}: ${total} records in ${((Date.now() - started) / 1000).toFixed(1)} s — ${report.imported} new drafts, ${report.updated} updated ` +
    `(drafts or pending versions), ${report.unchanged} unchanged, ${report.rejected.length} rejected (imported by ${api.username}; a reviewer publishes them)`,
);
for (const r of report.rejected.slice(0, 50)) console.log(`  line ${r.line}${r.code ? ` (${r.code})` : ''}: ${r.reason}`);
if (report.rejected.length > 50) console.log(`  … and ${report.rejected.length - 50} more (--report <file> writes them all)`);
if (opt('--report')) writeFileSync(opt('--report'), JSON.stringify(report, null, 2));
