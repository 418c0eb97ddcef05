#!/usr/bin/env node
// Policy import speed, end to end: the import CLI → gateway → NATS → policy-svc → PostgreSQL, on a fresh
// database and a private nats-server (nothing shared with a running stack). Imports the file twice: the
// first run writes everything, the second must change nothing (idempotency) and stay fast.
// Prints docs/s and MB/s per run and where the time went: the client's own work vs waiting, and the
// service's stages (parse; analysis = hashes, segmentation, keywords, topics, MinHash; dedup = lookups and
// near-duplicate search; wait = a batch waiting for the one before to be saved; write = the transaction).
//   node bench/policy-import.mjs [file] [--runs 2] [--cpu-prof <dir>]
// Default file: ../shared/data/policies.jsonl beside the repository. Needs the apps built
// (npx turbo run build --filter=@govdisc/policy-svc... --filter=@govdisc/gateway).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import { AppProcess, createTestDatabase, freePort, queryRows, startPrivateNats } from '@govdisc/testing';
import { connect } from '@nats-io/transport-node';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const file = resolve(
  args.find((a, i) => !a.startsWith('--') && !['--runs', '--cpu-prof'].includes(args[i - 1])) ??
    join(root, '../shared/data/policies.jsonl'),
);
const runs = Number(opt('--runs', 2));
const cpuProfDir = opt('--cpu-prof');

const [nats, db] = await Promise.all([startPrivateNats(), createTestDatabase('bench_import')]);
const nc = await connect({ servers: nats.url, name: 'bench-policy-import' });
await applyBusLayout(nc, new BusNaming(''));
const searchDir = mkdtempSync(join(tmpdir(), 'govdisc-bench-search-'));
const reportDir = mkdtempSync(join(tmpdir(), 'govdisc-bench-import-'));
const base = {
  DATABASE_URL: db.url,
  NATS_URL: nats.url,
  LOG_LEVEL: 'warn',
  SEARCH_DATA_DIR: searchDir,
  OPENSEARCH_URL: '',
  KEYCLOAK_URL: '',
};
const apps = [];
async function startApp(name, extra = {}) {
  const port = await freePort();
  const main = join(root, 'apps', name, 'dist', 'main.js');
  // --cpu-prof is refused in NODE_OPTIONS: a wrapper starts the inspector's profiler, then the app.
  const profiled = cpuProfDir && name === 'policy-svc';
  const entry = profiled ? writeProfilerWrapper(main, resolve(cpuProfDir)) : main;
  const app = new AppProcess(name, entry, { ...base, ...extra, HTTP_PORT: String(port) }, `http://127.0.0.1:${port}/ready`);
  apps.push(app);
  await app.start(60_000);
  return app;
}

function writeProfilerWrapper(main, dir) {
  const wrapper = join(reportDir, 'profiled-main.mjs');
  writeFileSync(
    wrapper,
    `import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
process.on('exit', () => session.post('Profiler.stop', (err, r) => {
  mkdirSync(${JSON.stringify(dir)}, { recursive: true });
  writeFileSync(${JSON.stringify(dir)} + '/policy-svc-' + Date.now() + '.cpuprofile', JSON.stringify(r.profile));
}));
await import(${JSON.stringify(main)});
`,
  );
  return wrapper;
}

function runCli(run) {
  const report = join(reportDir, `run-${run}.json`);
  return new Promise((done, fail) => {
    const { KEYCLOAK_URL: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, [join(root, 'scripts/policy-import.mjs'), file, '--report', report, '--quiet'], {
      env: { ...env, GATEWAY_URL: gatewayUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) =>
      code === 0 ? done({ out, job: JSON.parse(readFileSync(report, 'utf8')) }) : fail(new Error(`CLI exited ${code}:\n${out}`)),
    );
  });
}

let gatewayUrl;
try {
  await startApp('policy-svc');
  const gateway = await startApp('gateway');
  gatewayUrl = gateway.readyUrl.replace('/ready', '');
  console.log(`${file} · ${cpus().length} cores (${cpus()[0]?.model}) · load ${loadavg()[0].toFixed(2)}`);
  for (let run = 1; run <= runs; run++) {
    const { job } = await runCli(run);
    const stats = job.client;
    // One file: the job; a directory: one job per file.
    const reports = job.files ? job.files.flatMap((f) => (f.job ? [f.job.report] : [])) : [job.report];
    const total = (f) => reports.reduce((a, x) => a + f(x), 0);
    const r = {
      imported: total((x) => x.imported),
      updated: total((x) => x.updated),
      unchanged: total((x) => x.unchanged),
      exactDuplicates: { length: total((x) => x.exactDuplicates.length) },
      nearDuplicates: { length: total((x) => x.nearDuplicates.length) },
      rejected: { length: total((x) => x.rejected.length) },
    };
    const t = {};
    for (const x of reports) for (const [k, v] of Object.entries(x.timings ?? {})) t[k] = (t[k] ?? 0) + v;
    const seconds = stats.wallMs / 1000;
    console.log(
      `\nrun ${run}: ${stats.records} records in ${seconds.toFixed(1)} s → ${(stats.records / seconds).toFixed(0)} docs/s, ${(stats.bytes / 1e6 / seconds).toFixed(2)} MB/s` +
        `  (imported ${r.imported}, updated ${r.updated}, unchanged ${r.unchanged}, exact dup ${r.exactDuplicates.length}, near dup ${r.nearDuplicates.length}, rejected ${r.rejected.length})`,
    );
    const service = Object.values(t).reduce((a, b) => a + b, 0);
    const row = (label, ms, of) =>
      console.log(`  ${label.padEnd(58)} ${String(Math.round(ms)).padStart(7)} ms  ${((100 * ms) / of).toFixed(1).padStart(5)} %`);
    row('client: read, JSON parse, chunking (% of wall)', stats.clientMs, stats.wallMs);
    row('client: waiting for gateway + service (% of wall)', stats.waitMs, stats.wallMs);
    console.log('  service stages, summed over batches (two overlap; % of their sum):');
    const order = ['parse', 'analysis', 'dedup', 'wait', 'write'];
    for (const k of [...order.filter((k) => k in t), ...Object.keys(t).filter((k) => !order.includes(k))]) row(`    ${k}`, t[k], service);
  }
  const [{ n }] = await queryRows(db.url, 'SELECT count(*)::int AS n FROM policy.policy_document');
  const [{ v }] = await queryRows(db.url, 'SELECT count(*)::int AS v FROM policy.policy_document_version');
  const [{ o }] = await queryRows(db.url, 'SELECT count(*)::int AS o FROM policy.outbox_event');
  console.log(`\ndatabase: ${n} documents, ${v} versions, ${o} outbox events`);
} finally {
  for (const app of apps.reverse()) await app.stop();
  await nc.close();
  await nats.stop();
  await db.drop();
  rmSync(searchDir, { recursive: true, force: true });
  rmSync(reportDir, { recursive: true, force: true });
}
