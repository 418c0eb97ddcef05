#!/usr/bin/env node
// A service's RPC path on its own (issue 12 item 4): policy-svc's no-op `rpc.ping.policy-svc` called straight
// over NATS with the gateway's RpcClient (so the wire format is the one in use), no HTTP and no gateway in the
// way. Starts a private nats-server, a fresh database and policy-svc; closed loop of --concurrency requests in
// flight for --seconds after a warm-up; prints req/s and the CPU µs per request of policy-svc, nats-server and
// this process (the caller's side of the encoding).
//   node bench/rpc-ping.mjs [--seconds 10] [--warmup 3] [--concurrency 8] [--cpu-prof DIR]
// --cpu-prof DIR writes a V8 CPU profile of policy-svc (whole run, the load dominates it) into DIR.
// Needs the apps built (npx turbo run build), PostgreSQL and nats-server on the PATH.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { servicePing } from '@govdisc/contracts';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';
import { RpcClient } from '@govdisc/service-kit';
import { AppProcess, createTestDatabase, freePort, startPrivateNats } from '@govdisc/testing';
import { connect } from '@nats-io/transport-node';
import { intArg } from './http-load.mjs';
import { natsServerPid } from './bench-run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const SECONDS = intArg('--seconds', 10);
const WARMUP = intArg('--warmup', 3);
const CONCURRENCY = intArg('--concurrency', 8);
const PROFILE_DIR = args.includes('--cpu-prof') ? resolve(args[args.indexOf('--cpu-prof') + 1]) : null;
if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, 1/100 s
}

async function run(rpc, seconds) {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        try {
          await rpc.call(servicePing['policy-svc'], {});
          done++;
        } catch {
          failed++;
        }
      }
    }),
  );
  return { done, failed };
}

const dataDir = mkdtempSync(join(tmpdir(), 'govdisc-bench-rpc-ping-'));
const [nats, db] = await Promise.all([startPrivateNats(), createTestDatabase('bench_rpc_ping')]);
const port = await freePort();
const app = new AppProcess(
  'policy-svc',
  join(root, 'apps/policy-svc/dist/main.js'),
  {
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    HTTP_PORT: String(port),
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    SEARCH_DATA_DIR: dataDir,
    OPENSEARCH_URL: '',
    ...(PROFILE_DIR
      ? {
          NODE_OPTIONS: `--import ${join(root, 'bench/cpu-profile-preload.mjs')}`,
          CPU_PROF_WHOLE: '1',
          CPU_PROF_DIR: PROFILE_DIR,
          CPU_PROF_NAME: 'policy-svc',
        }
      : {}),
  },
  `http://127.0.0.1:${port}/ready`,
);
const nc = await connect({ servers: nats.url, name: 'bench-rpc-ping' });
let exitCode = 0;
try {
  await applyBusLayout(nc, new BusNaming(''));
  await app.start(90_000);
  const rpc = new RpcClient(nc, { timeoutMs: 5_000 });
  await run(rpc, WARMUP);
  const pids = { 'policy-svc': app.pid, 'nats-server': natsServerPid(nats.url), caller: process.pid };
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuTicks(pid)]));
  const { done, failed } = await run(rpc, SECONDS);
  const cpu = Object.entries(pids).map(([k, pid]) => `${k} ${(((cpuTicks(pid) - before[k]) * 10_000) / done).toFixed(0)}`);
  console.log(
    `rpc.ping.policy-svc, ${CONCURRENCY} in flight, ${SECONDS} s: ${(done / SECONDS).toFixed(0)} req/s, ${failed} failed; CPU µs per request: ${cpu.join(', ')}`,
  );
  if (done === 0 || failed > 0) exitCode = 1;
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error.message}\n${app.tail?.() ?? ''}`);
  exitCode = 1;
} finally {
  await app.stop().catch(() => undefined);
  await nc.close();
  await nats.stop();
  await db.drop();
  rmSync(dataDir, { recursive: true, force: true });
  if (PROFILE_DIR) console.log(`policy-svc CPU profile written to ${PROFILE_DIR}`);
}
process.exit(exitCode);
