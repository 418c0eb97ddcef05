#!/usr/bin/env node
// policy-svc's share of a first-visit policy page on its own (issue 15, ADR 0029): rpc.policy.document.detail with
// the portal's related list (related=5, citing=false: qa-svc and service-guide-svc are not started) called straight
// over NATS for every public document of an existing database, each once (first visits), then once more (held).
// No import: it reads a database that already holds a corpus (e.g. one a web-ssr run imported, copied with
// pg_dump -n policy), so variants of policy-svc can be compared in minutes. Starts a private nats-server and
// policy-svc (embedded index rebuilt from the database into a temporary directory), waits until policy-svc is idle,
// then prints CPU µs per first visit and per held visit (policy-svc's, and the database's PostgreSQL backends'),
// RSS, and writes every list to --out (JSON, for diff).
//   node bench/policy-related.mjs --database-url URL [--apps-root .] [--concurrency 8] [--out lists.json] [--max 5000]
//                                 [--cpu-prof DIR]
// --cpu-prof writes a V8 CPU profile of policy-svc over the first visits: DIR/policy-svc-1.cpuprofile.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { getPolicyDocumentDetail } from '@govdisc/contracts';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import { RpcClient } from '@govdisc/service-kit';
import { AppProcess, freePort, queryRows, startPrivateNats } from '@govdisc/testing';
import { connect } from '@nats-io/transport-node';
import { cpuProfileEnv, postgresTicks, settledCpu } from './bench-run.mjs';
import { cpuTicks, intArg } from './http-load.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const root = resolve(opt('--apps-root', fileURLToPath(new URL('..', import.meta.url))));
const DATABASE_URL = opt('--database-url');
const CONCURRENCY = intArg('--concurrency', 8);
const MAX = intArg('--max', 5000);
const OUT = opt('--out');
const PROFILE_DIR = opt('--cpu-prof') ? resolve(opt('--cpu-prof')) : null;
if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
if (!DATABASE_URL) throw new Error('--database-url is required');

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

async function visitAll(rpc, ids, lists) {
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        try {
          const page = await rpc.call(getPolicyDocumentDetail, { documentId: id, citing: false, related: 5 });
          lists[id] = page.related.map((r) => `${r.externalId ?? r.id} ${r.relation} ${r.score} ${r.validity} ${r.shared.join(',')}`);
        } catch {
          failed++;
        }
      }
    }),
  );
  return failed;
}

const database = new URL(DATABASE_URL).pathname.slice(1);
/** CPU ticks of policy-svc and of this database's PostgreSQL backends. */
const ticks = () => ({ svc: cpuTicks(app.pid), pg: postgresTicks(database) });
const perVisit = (from, to) => ({ svc: ((to.svc - from.svc) * 10_000) / ids.length, pg: ((to.pg - from.pg) * 10_000) / ids.length });

const ids = (
  await queryRows(DATABASE_URL, `SELECT id FROM policy.policy_document WHERE status <> 'DRAFT' ORDER BY md5(id::text) LIMIT ${MAX}`)
).map((r) => r.id);
const dataDir = mkdtempSync(join(tmpdir(), 'govdisc-bench-policy-related-'));
const nats = await startPrivateNats();
const port = await freePort();
const app = new AppProcess(
  'policy-svc',
  join(root, 'apps/policy-svc/dist/main.js'),
  {
    DATABASE_URL,
    NATS_URL: nats.url,
    HTTP_PORT: String(port),
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    SEARCH_DATA_DIR: dataDir,
    OPENSEARCH_URL: '',
    KEYCLOAK_URL: '',
    ...(PROFILE_DIR ? cpuProfileEnv('policy-svc', PROFILE_DIR) : {}),
  },
  `http://127.0.0.1:${port}/ready`,
);
const nc = await connect({ servers: nats.url, name: 'bench-policy-related' });
let exitCode = 0;
try {
  await applyBusLayout(nc, new BusNaming(''));
  await app.start(600_000); // the index is rebuilt from the database first: minutes on a busy machine
  const startCpu = await settledCpu(app.pid, { minMs: 20_000, maxMs: 600_000 });
  const rss0 = rssMb(app.pid);
  const rpc = new RpcClient(nc, { timeoutMs: 60_000 });
  const lists = {};
  const load1 = loadavg()[0];
  let t = ticks();
  let wall = Date.now();
  if (PROFILE_DIR) process.kill(app.pid, 'SIGUSR2');
  const failed = await visitAll(rpc, ids, lists);
  if (PROFILE_DIR) process.kill(app.pid, 'SIGUSR2');
  const first = perVisit(t, ticks());
  const firstWall = (Date.now() - wall) / 1000;
  if (PROFILE_DIR) while (!existsSync(join(PROFILE_DIR, 'policy-svc-1.cpuprofile'))) await sleep(200);
  t = ticks();
  wall = Date.now();
  const failedAgain = await visitAll(rpc, ids, {});
  const held = perVisit(t, ticks());
  console.log(
    `${root}: ${ids.length} documents, load ${load1.toFixed(1)}; start to idle ${startCpu.toFixed(1)} CPU s, RSS ${rss0.toFixed(0)} MB; ` +
      `first visits ${first.svc.toFixed(0)} µs CPU each, postgres ${first.pg.toFixed(0)} µs (${(ids.length / firstWall).toFixed(0)}/s), ` +
      `held ${held.svc.toFixed(0)} µs, postgres ${held.pg.toFixed(0)} µs ` +
      `(${(ids.length / ((Date.now() - wall) / 1000)).toFixed(0)}/s); RSS after ${rssMb(app.pid).toFixed(0)} MB; failed ${failed + failedAgain}`,
  );
  if (OUT) writeFileSync(OUT, JSON.stringify(Object.fromEntries(Object.entries(lists).sort()), null, 1));
  if (failed + failedAgain > 0) exitCode = 1;
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error.message}\n${app.tail?.() ?? ''}`);
  exitCode = 1;
} finally {
  await app.stop().catch(() => undefined);
  await nc.close();
  await nats.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
