#!/usr/bin/env node
// The staff console's disclosure queue (issue 16, "Numbers"), in one command that starts what it measures: on a
// fresh database and a private nats-server, disclosure-request-svc and the gateway; --requests 10,000 generated
// requests submitted through the API (distinct applicants and texts), of which --received (share) had their
// receipt confirmed by the office (the reply clock runs, a due date sorts them) and half of those were accepted
// by a department. Then, closed loop on keep-alive connections (--connections 4), after a warm-up, the first page
// the console's queue asks for: GET /api/v1/disclosure-requests?page=1&pageSize=100 as the disclosure officer
// (every department, earliest due first). Prints req/s, p50/p95/p99 and CPU µs per request of each process, the
// target (p95 ≤ 300 ms) marked ok/MISSED, and the console's initial JavaScript per screen, gzip, from its build
// (apps/console/.next; target ≤ 500 KB). Exits 1 if a figure could not be measured.
//   node bench/console-queue.mjs [--requests 10000] [--received 0.3] [--seconds 15] [--warmup 3] [--connections 4]
// Needs the apps built (npx turbo run build), PostgreSQL and nats-server on the PATH.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { Agent, request } from 'node:http';
import { benchRun } from './bench-run.mjs';
import { intArg, load } from './http-load.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const REQUESTS = intArg('--requests', 10_000);
const RECEIVED = Number(process.argv[process.argv.indexOf('--received') + 1]) || 0.3;
const SECONDS = intArg('--seconds', 15);
const WARMUP = intArg('--warmup', 3);
const CONNECTIONS = intArg('--connections', 4);
const WRITERS = 8;
const QUEUE = '/api/v1/disclosure-requests?page=1&pageSize=100';

const run = benchRun('console-queue');
const { cleanup } = run;
const startApp = (name, base, extra = {}) => run.startApp(name, { ...base, ...extra });

async function tokenOf(gatewayUrl, username) {
  const res = await fetch(`${gatewayUrl}/realms/govdisc/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'govdisc-web', username, password: `demo-${username}` }),
  });
  if (!res.ok) throw new Error(`login as ${username}: HTTP ${res.status}`);
  return (await res.json()).access_token;
}

/** Runs `work(i)` for i in [0, n) on WRITERS concurrent lanes; throws on the first failure. */
async function inLanes(n, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

const DEPARTMENTS = ['edu', 'hrss', 'finance'];
const TOPICS = ['学位供给情况', '财政预算执行情况', '就业补贴发放名单', '老旧小区改造计划', '公办幼儿园收费标准', '道路维修工程招标文件'];

/** Writes answered 5xx and tried again while generating (reported: they should not happen). */
const retried = [];

/** Submits the generated requests and moves a share of them on, as the office would. */
async function generate(gatewayUrl) {
  // the officer signs in again whenever the token runs out (it lives minutes; generating takes longer)
  let gio = await tokenOf(gatewayUrl, 'gio1');
  // A refused write is retried (up to 5 tries, backing off) and counted: a 5xx under concurrent submission is a finding.
  const post = async (path, body, token, tries = 5) => {
    const res = await fetch(`${gatewayUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status === 401 && token && tries > 1) {
      gio = await tokenOf(gatewayUrl, 'gio1');
      return post(path, body, gio, tries - 1);
    }
    if (res.status >= 500 && tries > 1) {
      retried.push(`${res.status} ${json.code}`);
      await new Promise((resolve) => setTimeout(resolve, 250 * (6 - tries)));
      return post(path, body, token, tries - 1);
    }
    if (res.status >= 300) throw new Error(`POST ${path}: HTTP ${res.status} ${json.code} ${json.message}`);
    return json;
  };
  const numbers = new Array(REQUESTS);
  let t = Date.now();
  await inLanes(REQUESTS, async (i) => {
    const receipt = await post('/disclosure-requests', {
      applicant: {
        type: 'NATURAL_PERSON',
        name: `申请人${i}`,
        idType: 'OTHER',
        idNumber: `G${String(i).padStart(8, '0')}`,
        phone: `139${String(i).padStart(8, '0')}`,
      },
      channel: 'ONLINE',
      description: `江东市${2015 + (i % 10)}年${TOPICS[i % TOPICS.length]}（第${i}号生成申请）`,
      deliveryForm: 'EMAIL',
    });
    numbers[i] = receipt.requestNumber;
  });
  process.stderr.write(`${REQUESTS} requests submitted in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  t = Date.now();
  const moved = Math.floor(REQUESTS * RECEIVED);
  await inLanes(moved, async (i) => {
    const no = numbers[i];
    await post(`/disclosure-requests/${no}/actions`, { action: { type: 'CONFIRM_RECEIPT' } }, gio);
    if (i % 2 === 0) {
      await post(`/disclosure-requests/${no}/actions`, { action: { type: 'ACCEPT', department: DEPARTMENTS[i % 3] } }, gio);
    }
  });
  process.stderr.write(`${moved} received, ${Math.ceil(moved / 2)} of them accepted, in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  if (retried.length) process.stderr.write(`writes answered 5xx and retried: ${retried.length} (${[...new Set(retried)].join(', ')})\n`);
}

/** The console's initial JavaScript per screen (gzip), from its production build: what a browser fetches first. */
function initialJs() {
  const next = join(root, 'apps/console/.next');
  if (!existsSync(join(next, 'build-manifest.json'))) return null;
  const { rootMainFiles } = JSON.parse(readFileSync(join(next, 'build-manifest.json'), 'utf8'));
  const sizes = {};
  for (const screen of ['disclosure', 'disclosure/[number]', 'analytics', 'qa/new', 'admin/webhooks', 'hotline']) {
    const manifest = join(next, 'server/app', screen, 'page_client-reference-manifest.js');
    if (!existsSync(manifest)) continue;
    const ctx = {};
    ctx.globalThis = ctx;
    runInNewContext(readFileSync(manifest, 'utf8'), ctx);
    const { entryJSFiles } = Object.values(ctx.__RSC_MANIFEST)[0];
    const files = new Set([
      ...rootMainFiles,
      ...(entryJSFiles['[project]/apps/console/src/app/layout'] ?? []),
      ...(entryJSFiles[`[project]/apps/console/src/app/${screen}/page`] ?? []),
    ]);
    sizes[`/${screen}`] = [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(next, f))).length, 0);
  }
  return sizes;
}

let exitCode = 0;
try {
  const { nats, db } = await run.startBusAndDatabase();
  const base = { DATABASE_URL: db.url, NATS_URL: nats.url, LOG_LEVEL: 'warn', LOG_PRETTY: 'false', OPENSEARCH_URL: '', KEYCLOAK_URL: '' };
  const svc = await startApp('disclosure-request-svc', base);
  const gw = await startApp('gateway', base, {
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000',
    RPC_TIMEOUT_MS: '60000',
  });
  const gatewayUrl = gw.readyUrl.replace('/ready', '');
  await generate(gatewayUrl);
  const gio = await tokenOf(gatewayUrl, 'gio1'); // fresh: it outlives the measured minute

  const url = new URL(gatewayUrl);
  const queuePage = (agent) =>
    new Promise((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = request(
        { host: url.hostname, port: url.port, method: 'GET', path: QUEUE, agent, headers: { authorization: `Bearer ${gio}` } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
        },
      );
      req.on('error', () => resolve({ status: -1, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      req.end();
    });
  const first = await queuePage(new Agent());
  if (first.status !== 200) throw new Error(`queue page: HTTP ${first.status}`);
  const processes = [
    { name: 'gateway', pid: gw.pid },
    { name: 'disclosure-request-svc', pid: svc.pid },
    { name: 'load-gen', pid: process.pid },
  ];
  const [load1] = loadavg();
  console.log(
    `\n${cpus().length} cores (${cpus()[0]?.model}), load ${load1.toFixed(2)} before the run; the load generator shares the cores.\n` +
      `${REQUESTS} requests (${Math.floor(REQUESTS * RECEIVED)} with a running clock); ${CONNECTIONS} keep-alive connections, ` +
      `${WARMUP} s warm-up + ${SECONDS} s measured.\n`,
  );
  await load('queue first page', queuePage, { seconds: WARMUP, connections: CONNECTIONS, quiet: true, processes });
  const r = await load('queue first page (100)', queuePage, { seconds: SECONDS, connections: CONNECTIONS, processes });
  const ok = (r.statuses[200] ?? 0) / Math.max(1, r.requests);
  console.log('\ntargets (issue 16):');
  if (r.requests === 0 || ok < 0.99) {
    console.log(`  queue first page: NOT MEASURED (${JSON.stringify(r.statuses)})`);
    exitCode = 1;
  } else {
    console.log(`  queue first page p95 ${r.p95.toFixed(1)} ms ≤ 300 ms: ${r.p95 <= 300 ? 'ok' : 'MISSED'}`);
  }
  const js = initialJs();
  if (!js) {
    console.log('  console initial JavaScript: NOT MEASURED (build apps/console first)');
    exitCode = 1;
  } else {
    for (const [screen, bytes] of Object.entries(js)) {
      console.log(
        `  console initial JavaScript ${screen}: ${(bytes / 1024).toFixed(0)} KB gzip ≤ 500 KB: ${bytes <= 500 * 1024 ? 'ok' : 'MISSED'}`,
      );
    }
  }
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
