#!/usr/bin/env node
// Mixed traffic at rising rates until p95 passes a limit (issue 17 part 3), in one command that starts what it
// measures: a fresh database, a private nats-server, the five services and the gateway (embedded engines and
// issuer), the test corpus (108 policies, 323 Q&A pairs) imported through the gateway plus the demo content
// (guides, bundles, sites). Then, OPEN loop (requests leave on a fixed schedule whatever the answers, and each
// latency counts from its scheduled start, so a slow server cannot slow the load down and hide its queue):
//   70 % search      GET  /api/v1/search?q=…            unified search: policy, Q&A and guide parts in parallel
//   20 % ask         POST /api/v1/qa/ask                一号答
//    5 % guides      GET  /api/v1/guides?q=…
//    5 % disclosure  POST /api/v1/disclosure-requests   a new request each (transaction + outbox → notify-svc)
// Each step runs --seconds at one rate (--start, then ×--factor) until p95 > --limit ms or > 1 % errors.
// Prints each step (rate achieved, p50/p95/p99, errors, CPU per process in % of one core), the knee (the highest
// rate within the limit), CPU per process there, then starts a second replica of the busiest service (the one
// with the most CPU at the knee) and climbs again from the knee: the gain is the new knee over the old.
//   node bench/mixed-load.mjs [--seconds 10] [--start 20] [--factor 1.4] [--limit 100] [--max 2000]
// Needs the apps built (npx turbo run build), PostgreSQL and nats-server on the PATH.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRun, importWith, runCli } from './bench-run.mjs';
import { callAt, intArg } from './http-load.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = intArg('--seconds', 10);
const START = intArg('--start', 20);
const LIMIT_MS = intArg('--limit', 100);
const MAX_RATE = intArg('--max', 2000);
const FACTOR = (() => {
  const i = process.argv.indexOf('--factor');
  return i > 0 ? Number(process.argv[i + 1]) || 1.4 : 1.4;
})();
const SERVICES = ['policy-svc', 'qa-svc', 'service-guide-svc', 'disclosure-request-svc', 'notify-svc'];

const run = benchRun('mixed');
const { cleanup } = run;
const startApp = (name, env) => run.startApp(name, env, { timeoutMs: 180_000 });

const lines = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** CPU time of a process so far, in seconds (utime + stime from /proc). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The request mix: which kind the i-th request is (70/20/5/5, interleaved so every second has all four). */
const MIX = [...Array(14).fill('search'), ...Array(4).fill('ask'), 'guides', 'disclosure'];

/**
 * One step: `rate` requests per second for `seconds`, open loop. Latency counts from the scheduled start, so
 * waiting behind a slow server is measured. Requests still out at the end are awaited (at most 10 s more).
 */
async function step(rate, seconds, make, processes) {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(rate * seconds);
  const before = processes.map((p) => cpuSeconds(p.pid));
  const t0 = performance.now();
  const results = [];
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const kind = MIX[i % MIX.length];
    pending.push(
      make[kind](agent, i).then((r) => {
        results.push({ kind, status: r.status, ms: performance.now() - due });
      }),
    );
  }
  await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 10_000))]);
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  const cpu = {};
  processes.forEach((p, i) => {
    const after = cpuSeconds(p.pid);
    if (after !== null && before[i] !== null) cpu[p.name] = (cpu[p.name] ?? 0) + ((after - before[i]) / elapsed) * 100;
  });
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] : Infinity);
  const lost = total - results.length;
  const errors = results.filter((r) => r.status < 200 || r.status >= 300).length + lost;
  const statuses = {};
  for (const r of results) statuses[`${r.kind} ${r.status}`] = (statuses[`${r.kind} ${r.status}`] ?? 0) + 1;
  return { rate, achieved: results.length / elapsed, p50: pct(50), p95: pct(95), p99: pct(99), errors, total, statuses, cpu };
}

const fmtCpu = (cpu) =>
  Object.entries(cpu)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(0)}%`)
    .join(', ');
/** CPU per answered request in µs: robust on a shared machine, where a process's share of a core is not. */
const fmtCpuPerRequest = (r) =>
  Object.entries(r.cpu)
    .filter(([k]) => k !== 'load-gen')
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${(((v / 100) * 1e6) / Math.max(1, r.achieved)).toFixed(0)}`)
    .join(', ');

function print(r) {
  const errPct = (100 * r.errors) / Math.max(1, r.total);
  console.log(
    `${String(r.rate).padStart(5)} req/s offered  ${r.achieved.toFixed(0).padStart(5)} answered/s  ` +
      `p50 ${r.p50.toFixed(1).padStart(6)}  p95 ${r.p95.toFixed(1).padStart(7)}  p99 ${r.p99.toFixed(1).padStart(7)} ms  ` +
      `errors ${errPct.toFixed(1)} %\n${''.padEnd(22)}CPU (% of one core): ${fmtCpu(r.cpu)}\n${''.padEnd(22)}CPU µs per request: ${fmtCpuPerRequest(r)}`,
  );
  if (r.errors) {
    const bad = Object.entries(r.statuses).filter(([k]) => !/ 2\d\d$/.test(k));
    console.log(
      `${''.padEnd(22)}not 2xx: ${JSON.stringify(Object.fromEntries(bad))}${r.total - Object.values(r.statuses).reduce((a, b) => a + b, 0) ? `, ${r.total - Object.values(r.statuses).reduce((a, b) => a + b, 0)} unanswered` : ''}`,
    );
  }
}

const within = (r) => r.p95 <= LIMIT_MS && r.errors <= r.total * 0.01;

/** Climbs from `from` by FACTOR until a step misses the limit; returns every step and the knee (last step within it). */
async function climb(from, make, processes) {
  const steps = [];
  for (let rate = from; rate <= MAX_RATE; rate = Math.round(rate * FACTOR)) {
    const r = await step(rate, SECONDS, make, processes);
    print(r);
    steps.push(r);
    if (!within(r)) break;
  }
  const inside = steps.filter(within);
  return { steps, knee: inside.at(-1) ?? null, first: steps.find((r) => !within(r)) ?? null };
}

let exitCode = 0;
try {
  const { nats, db } = await run.startBusAndDatabase();
  const searchDir = run.tempDir();
  const base = {
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    OPENSEARCH_URL: '',
    KEYCLOAK_URL: '',
    SEARCH_DATA_DIR: searchDir,
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
  };
  const apps = {};
  for (const name of SERVICES) apps[name] = [await startApp(name, base)];
  const gw = await startApp('gateway', {
    ...base,
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000',
  });
  const gatewayUrl = gw.readyUrl.replace('/ready', '');
  process.env.GATEWAY_URL = gatewayUrl;
  delete process.env.KEYCLOAK_URL;

  await importWith('policy-import.mjs', join(root, 'test-fixtures', 'corpus', 'policies.jsonl'), gatewayUrl, { tail: 0 }).catch((error) => {
    // On a busy machine publishing the import can fail part-way (a transaction outlasting its limit); the bench goes
    // on with what was published, and says why.
    const why = apps['policy-svc'][0].output
      .join('')
      .split('\n')
      .filter((l) => l.includes('"level":50'))
      .slice(-2)
      .join('\n');
    process.stderr.write(`policy import: ${error.message.split('\n').find((l) => l.includes('HTTP')) ?? error.message}\n${why}\n`);
  });
  await importWith('qa-import.mjs', join(root, 'test-fixtures', 'corpus', 'qa.jsonl'), gatewayUrl, { tail: 0 });
  await runCli('demo-load.mjs', [], gatewayUrl, { tail: 0 });

  const queries = [
    ...lines(join(root, 'bench', 'dev-sets', 'policy-queries.jsonl')).map((r) => r.query),
    '公积金',
    '社保卡',
    '驾驶证换证',
    '一件事',
    '住房公积金提取',
  ];
  const questions = lines(join(root, 'bench', 'dev-sets', 'qa-citizen-dev.jsonl')).map((r) => r.question.slice(0, 200));
  const guideWords = ['公积金', '社保', '户口', '营业执照', '驾驶证', '医保', '出生', '退休'];
  const call = callAt(gatewayUrl);
  const make = {
    search: (agent, i) => call(agent, 'GET', `/api/v1/search?q=${encodeURIComponent(queries[i % queries.length])}`),
    ask: (agent, i) => call(agent, 'POST', '/api/v1/qa/ask', { question: questions[i % questions.length] }),
    guides: (agent, i) => call(agent, 'GET', `/api/v1/guides?q=${encodeURIComponent(guideWords[i % guideWords.length])}`),
    disclosure: (agent, i) =>
      call(agent, 'POST', '/api/v1/disclosure-requests', {
        applicant: { type: 'NATURAL_PERSON', name: '压测', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13800000000' },
        channel: 'ONLINE',
        description: `江东市政府信息公开申请（压测 ${process.pid}-${i}）：2025年财政预算执行情况`,
        deliveryForm: 'EMAIL',
      }),
  };
  const natsPort = new URL(nats.url.replace('nats:', 'http:')).port;
  const natsPid = execFileSync('pgrep', ['-f', `nats-server -a 127.0.0.1 -p ${natsPort} `], { encoding: 'utf8' })
    .trim()
    .split('\n')[0];
  const processes = () =>
    [
      { name: 'gateway', pid: gw.pid },
      ...SERVICES.flatMap((name) => apps[name].map((a) => ({ name, pid: a.pid }))),
      { name: 'nats-server', pid: natsPid },
      { name: 'load-gen', pid: process.pid },
    ].filter((p) => p.pid);

  // every kind answers before measuring (read models caught up, caches warm)
  const agent = new Agent({ keepAlive: true });
  for (const [kind, fn] of Object.entries(make)) {
    const r = await fn(agent, 0);
    if (r.status >= 300) throw new Error(`${kind} answered ${r.status} before the run`);
  }
  await step(START, 3, make, processes()); // warm-up
  agent.destroy();

  const [load1] = loadavg();
  console.log(
    `\n${cpus().length} cores (${cpus()[0]?.model}), load ${load1.toFixed(2)} before the run (other work on the machine shares the cores, ` +
      `and so does the load generator). Open loop, ${SECONDS} s per step, ×${FACTOR} per step, until p95 > ${LIMIT_MS} ms or > 1 % errors.\n` +
      `Mix: 70 % unified search, 20 % 一号答, 5 % guide list, 5 % disclosure submission.\n\none replica of each service:`,
  );
  const one = await climb(START, make, processes());
  if (!one.knee) throw new Error(`even ${START} req/s misses p95 ≤ ${LIMIT_MS} ms: lower --start`);
  const busiest = Object.entries(one.knee.cpu)
    .filter(([name]) => SERVICES.includes(name))
    .sort((a, b) => b[1] - a[1])[0][0];
  console.log(
    `\nknee: ${one.knee.rate} req/s (p95 ${one.knee.p95.toFixed(1)} ms)` +
      (one.first ? `; ${one.first.rate} req/s misses it (p95 ${one.first.p95.toFixed(1)} ms, ${one.first.errors} errors)` : '') +
      `\nCPU at the knee (% of one core): ${fmtCpu(one.knee.cpu)}\nCPU µs per request at the knee: ${fmtCpuPerRequest(one.knee)}\nbusiest service: ${busiest}`,
  );

  apps[busiest].push(await startApp(busiest, base));
  console.log(`\nwith a second replica of ${busiest}:`);
  const two = await climb(one.knee.rate, make, processes());
  if (two.knee) {
    console.log(
      `\nknee with two ${busiest}: ${two.knee.rate} req/s (p95 ${two.knee.p95.toFixed(1)} ms), ` +
        `${(two.knee.rate / one.knee.rate).toFixed(2)}× the one-replica knee\nCPU at that knee: ${fmtCpu(two.knee.cpu)}`,
    );
  } else
    console.log(
      `\nwith two ${busiest}: even ${one.knee.rate} req/s now misses the limit (the machine, not the service, is the bottleneck)`,
    );
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
