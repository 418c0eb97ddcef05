#!/usr/bin/env node
// Imports policy documents through the gateway, one resumable import job per file: JSONL (one record per
// line, e.g. ../shared/data/policies.jsonl), CSV with a header row (the same fields, or Chinese headers such
// as 标题, 发文字号, 发文机关, 成文日期, 正文; quoted fields may span lines) or saved government web pages
// (HTML: metadata table and text are extracted by the service). A directory imports every such file in it
// (recursively). Progress bar, then a summary table. Each record keeps its id (or one derived from it) as
// `externalId`, so importing the same files again changes nothing. Malformed lines/rows are reported with
// their line number and reason; the rest still imports. Four eyes: an editor imports (DEMO_EDITOR, default
// editor1; imports are drafts), then a different reviewer (DEMO_REVIEWER, default reviewer1) publishes each
// job's drafts and pending edits; --draft leaves them for review instead.
//   node scripts/policy-import.mjs <file.jsonl|file.csv|file.html|dir/> [--format jsonl|csv|html] [--draft]
//        [--resume <jobId>] [--report <file.json>] [--quiet]
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import { loginEditor, loginReviewer } from './lib/api-client.mjs';
// The service's own record splitter (built by `npm run build`), so the CLI cuts files exactly where the service reads records.
import { csvRecordSpans as csvRecords } from '../apps/policy-svc/dist/import/formats/csv-records.js';

const OPTIONS_WITH_VALUE = ['--resume', '--report', '--format'];
const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const target = args.find((a, i) => !a.startsWith('--') && !OPTIONS_WITH_VALUE.includes(args[i - 1]));
const FORMATS = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.html': 'html', '.htm': 'html', '.shtml': 'html' };
const forcedFormat = opt('--format');
if (!target || (forcedFormat && !Object.values(FORMATS).includes(forcedFormat))) {
  console.error(
    'usage: node scripts/policy-import.mjs <file.jsonl|file.csv|file.html|dir/> [--format jsonl|csv|html] [--draft] [--resume <jobId>] [--report <file.json>] [--quiet]',
  );
  process.exit(2);
}
// The gateway refuses bodies over BODY_LIMIT (1 MB by default): batches and chunks stay well under it.
const MAX_BATCH_BYTES = 700_000;
const MAX_BATCH_ITEMS = 200;
/** after importing, a reviewer publishes each job (imports themselves only ever make drafts) */
const publish = !args.includes('--draft');
const quiet = args.includes('--quiet');

const files = statSync(target).isDirectory()
  ? listFiles(target)
  : [{ path: target, format: forcedFormat ?? FORMATS[extname(target).toLowerCase()] }];
if (files.length === 0 || files.some((f) => !f.format)) {
  console.error(
    files.length === 0
      ? `no .jsonl, .csv or .html files under ${target}`
      : `unknown format of ${files.find((f) => !f.format).path}: use --format jsonl|csv|html`,
  );
  process.exit(2);
}
if (opt('--resume') && files.length > 1) {
  console.error('--resume takes a single file');
  process.exit(2);
}

const api = await loginEditor();
const totalBytes = files.reduce((a, f) => a + statSync(f.path).size, 0);
const bar = new cliProgress.SingleBar(
  {
    format: '  {bar} {percentage}% | {value}/{total} MB | {file} | {records} records | {rate} docs/s',
    hideCursor: true,
    noTTYOutput: false,
  },
  cliProgress.Presets.shades_classic,
);
if (!quiet) bar.start(mb(totalBytes), 0, { file: '', records: 0, rate: 0 });
const started = Date.now();
// waitMs: time this process spent blocked on answers (the rest is reading, parsing and chunking here).
const stats = { records: 0, bytes: 0, waitMs: 0 };
async function blocked(promise) {
  const t = Date.now();
  try {
    return await promise;
  } finally {
    stats.waitMs += Date.now() - t;
  }
}

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (forcedFormat || FORMATS[extname(entry.name).toLowerCase()])
      out.push({ path, format: forcedFormat ?? FORMATS[extname(entry.name).toLowerCase()] });
  }
  return out;
}

function mb(bytes) {
  return Math.round(bytes / 1e5) / 10;
}

function progress(file, bytes, records) {
  stats.bytes += bytes;
  stats.records += records;
  const rate = Math.round(stats.records / Math.max(0.001, (Date.now() - started) / 1000));
  if (!quiet) bar.update(mb(stats.bytes), { file: basename(file), records: stats.records, rate });
}

/** POST with retries on 429/503 (rate limit, service restarting), honouring Retry-After. */
async function post(path, body) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.post(path, body);
    } catch (error) {
      if (![429, 503].includes(error.status) || attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, Math.max(1, Number(error.body?.details?.retryAfter ?? 2)) * 1000));
    }
  }
}

/**
 * Sends a job's batches keeping two in flight: the service analyses the next batch while it saves the
 * previous one (each names the last line of the one before as `after`, so they are saved in order).
 * The first batch goes alone: its answer opens the job.
 */
function jobSender(path, path0, jobId, resumeAfter) {
  const inFlight = [];
  let previousLast = resumeAfter;
  let last;
  return {
    async send(body, lastLine, bytes, records) {
      const after = previousLast;
      previousLast = lastLine;
      const request = () =>
        post(path0, { ...body, ...(jobId ? { jobId, after } : {}) }).then((job) => {
          progress(path, bytes, records);
          return job;
        });
      if (!jobId) {
        last = await blocked(request());
        jobId = last.id;
        return;
      }
      if (inFlight.length >= 2) await blocked(inFlight.shift());
      const pending = request();
      pending.catch(() => undefined);
      inFlight.push(pending);
    },
    async done() {
      while (inFlight.length > 0) last = await blocked(inFlight.shift());
      return last;
    },
  };
}

/** JSONL: lines parsed here (a line that is not JSON is sent as rejected), posted in batches of records. */
async function importJsonl(path, jobId, resumeAfter) {
  let batch = [];
  let batchBytes = 0;
  let lines = 0;
  const sender = jobSender(path, '/policies/import/batches', jobId, resumeAfter);
  const flush = async () => {
    if (batch.length === 0) return;
    await sender.send({ source: basename(path), items: batch }, batch.at(-1).line, batchBytes, batch.length);
    batch = [];
    batchBytes = 0;
  };
  for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    lines++;
    const size = Buffer.byteLength(text) + 1;
    if (lines <= resumeAfter || !text.trim()) {
      progress(path, size, 0);
      continue;
    }
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
  return sender.done();
}

/**
 * A file's text: the charset an HTML page declares, else UTF-8, else GB18030 (which covers GBK/GB2312,
 * common in CSV exports from Excel and on older government sites).
 */
function readText(path, html = false) {
  const bytes = readFileSync(path);
  const declared = html ? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1] : undefined;
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // unknown label: sniff as below
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** CSV: the service parses it; this only cuts the file into chunks of whole records, each under the body limit. */
async function importCsv(path, jobId, resumeAfter) {
  const text = readText(path);
  const [header, ...records] = csvRecords(text);
  if (!header) return undefined;
  const headerText = text.slice(header.start, header.end).replace(/\r$/, '');
  const todo = records.filter((r) => r.line > resumeAfter);
  progress(path, Buffer.byteLength(text) - Buffer.byteLength(text.slice(todo[0]?.start ?? text.length)), 0);
  const sizes = todo.map((r) => Buffer.byteLength(text.slice(r.start, r.end)) + 1);
  const sender = jobSender(path, '/policies/import/files', jobId, resumeAfter);
  for (let i = 0; i < todo.length;) {
    let j = i + 1;
    for (let bytes = sizes[i]; j < todo.length && j - i < MAX_BATCH_ITEMS && bytes + sizes[j] < MAX_BATCH_BYTES; j++) bytes += sizes[j];
    const first = todo[i];
    const atStart = i === 0 && resumeAfter === 0;
    const content = text.slice(atStart ? header.start : first.start, todo[j - 1].end);
    const body = {
      fileName: basename(path),
      format: 'csv',
      content,
      firstLine: atStart ? header.line : first.line,
      ...(atStart ? {} : { header: headerText }),
    };
    // The job's last line is the line its last record starts on (what the service records as done).
    await sender.send(body, todo[j - 1].line, Buffer.byteLength(content), j - i);
    i = j;
  }
  return sender.done();
}

/** HTML: one page per file, cleaned and read by the service. */
async function importHtml(path, jobId) {
  const content = readText(path, true);
  const job = await blocked(
    post('/policies/import/files', { ...(jobId ? { jobId } : {}), fileName: basename(path), format: 'html', content }),
  );
  progress(path, Buffer.byteLength(content), 1);
  return job;
}

const IMPORTERS = { jsonl: importJsonl, csv: importCsv, html: importHtml };
const jobs = [];
for (const file of files) {
  let jobId = opt('--resume');
  const resumeAfter = jobId ? (await api.get(`/policies/import/jobs/${jobId}`)).lastLine : 0;
  try {
    const job = await IMPORTERS[file.format](file.path, jobId, resumeAfter);
    if (job) jobs.push({ file: file.path, job: await post(`/policies/import/jobs/${job.id}/finish`) });
  } catch (error) {
    // One unreadable file (e.g. a CSV without title/body columns) does not stop a directory import.
    const reason = `${error.message}${error.body?.details ? ` ${JSON.stringify(error.body.details)}` : ''}`;
    if (files.length === 1) {
      if (!quiet) bar.stop();
      console.error(`${file.path}: not imported: ${reason}`);
      process.exit(1);
    }
    jobs.push({ file: file.path, error: reason });
  }
}
if (!quiet) bar.stop();
if (jobs.length === 0) {
  console.log('nothing to import');
  process.exit(0);
}
// Import speed is measured without the reviewer's publishing, which follows.
const importedMs = Date.now() - started;
if (publish) {
  const reviewer = await loginReviewer();
  for (const j of jobs) if (j.job) j.published = await reviewer.post(`/policies/import/jobs/${j.job.id}/publish`);
}

const sum = (f) => jobs.reduce((a, j) => a + (j.job ? f(j.job.report) : 0), 0);
const rows = {
  imported: sum((r) => r.imported),
  updated: sum((r) => r.updated),
  unchanged: sum((r) => r.unchanged),
  'exact duplicates': sum((r) => r.exactDuplicates.length),
  'near duplicates (linked)': sum((r) => r.nearDuplicates.length),
  rejected: sum((r) => r.rejected.length),
  ...(publish
    ? { 'published (by a reviewer)': jobs.reduce((a, j) => a + (j.published?.published ?? 0), 0) }
    : { 'left as drafts (--draft)': sum((r) => r.imported + r.updated) }),
};
console.table(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { count: v }])));
const wallMs = importedMs;
const seconds = wallMs / 1000;
console.log(
  `${jobs.length === 1 ? `job ${jobs[0].job?.id}` : `${jobs.length} files`}: ${stats.records} records, ${(stats.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s → ` +
    `${(stats.records / seconds).toFixed(0)} docs/s, ${(stats.bytes / 1e6 / seconds).toFixed(2)} MB/s`,
);
for (const j of jobs) {
  if (j.error) console.log(`  ${j.file}: not imported: ${j.error}`);
  for (const x of j.published?.refused ?? [])
    console.log(`  not published (${x.code}: the reviewer wrote it): ${x.externalId ?? x.documentId}`);
  for (const x of j.job?.report.rejected.slice(0, 10) ?? []) {
    console.log(`  rejected ${jobs.length > 1 ? `${j.file} ` : ''}line ${x.line}${x.externalId ? ` (${x.externalId})` : ''}: ${x.reason}`);
  }
}
const client = { records: stats.records, bytes: stats.bytes, wallMs, waitMs: stats.waitMs, clientMs: wallMs - stats.waitMs };
const out = opt('--report') ?? join(tmpdir(), `policy-import-${jobs[0].job?.id ?? Date.now()}.json`);
writeFileSync(
  out,
  JSON.stringify(
    jobs.length === 1 && jobs[0].job ? { ...jobs[0].job, published: jobs[0].published, client } : { files: jobs, client },
    null,
    2,
  ),
);
console.log(`full report (every duplicate and rejected line): ${out}`);
