// CPU of one e2e stack start, per app: starts the five services and the gateway as e2e/stack.ts does (private
// nats-server, fresh database, embedded search), reads each process's user+system CPU from /proc when it answers
// /ready, stops everything and prints the table. `--cpu-prof DIR` also writes a whole-run V8 profile of every app
// (read them with bench/cpu-profile-top.mjs).
//   node bench/stack-start-cpu.mjs [--runs 3] [--cpu-prof /tmp/prof] [--apps-from /other/checkout]
// --apps-from: start the apps built in another checkout (e.g. main's, to compare back to back).
// --entry FILE: each app's entry under its dist/ (default main.js; main.bundle.mjs: the one-file bundle, scripts/bundle-apps.mjs).
// --alternate A,B: entries to alternate between, run after run (back to back on the same machine load).
// --template: the database is a clone of a migrated template (as e2e/stack.ts makes it), not an empty one.
// --idle S: after the start, leave the stack alone for S seconds and print what each app, its nats-server and
// PostgreSQL (the CPU of the backends serving the stack's database) spent meanwhile: the background cost a test file pays
// for every second its stack is up.
import { applyBusLayout, BusNaming } from '@govdisc/messaging';
import { AppProcess, createMigratedDatabase, createTestDatabase, freePort, startPrivateNats } from '@govdisc/testing';
import { connect } from '@nats-io/transport-node';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', '1'));
const profDir = arg('cpu-prof', '');
const appsRoot = arg('apps-from', root).replace(/\/?$/, '/');
const entries = arg('alternate', arg('entry', 'main.js')).split(',');
const services = ['policy-svc', 'qa-svc', 'service-guide-svc', 'disclosure-request-svc', 'notify-svc'];
const schemas = {
  'policy-svc': 'policy',
  'qa-svc': 'qa',
  'service-guide-svc': 'guide',
  'disclosure-request-svc': 'disclosure',
  'notify-svc': 'notify',
  gateway: 'gateway',
};
const migrations = Object.entries(schemas).map(([app, schema]) => ({ schema, dir: `${root}apps/${app}/prisma/migrations` }));
const ticks = 100; // USER_HZ
const cpuOf = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / ticks;
};
const idleSeconds = Number(arg('idle', '0'));
/** PIDs of a process tree (PostgreSQL's postmaster and its backends). */
const treeOf = (rootPid) => {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const kids = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim();
      if (kids) pids.push(...kids.split(' ').map(Number));
    } catch {
      /* gone */
    }
  }
  return pids;
};
/** CPU-s per live process of a tree: a delta is only meaningful for a pid alive at both reads. */
const cpuByPid = (rootPid, database) =>
  Object.fromEntries(
    treeOf(rootPid).flatMap((pid) => {
      try {
        // Only the backends of this stack's database (its title names it): the server may serve others meanwhile.
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) return [];
        return [[pid, cpuOf(pid)]];
      } catch {
        return [];
      }
    }),
  );
const postmasterPid = () => {
  const out = execFileSync('sh', ['-c', "ps -C postgres -o pid=,ppid= | awk '$2==1{print $1}' | head -1"], { encoding: 'utf8' }).trim();
  return Number(out);
};
async function measureIdle(apps, nats, database) {
  const pg = postmasterPid();
  const port = new URL(nats.url).port;
  const natsPid =
    Number(execFileSync('sh', ['-c', `pgrep -f -- "nats-server -a 127.0.0.1 -p ${port} " | head -1`], { encoding: 'utf8' }).trim()) || null;
  const read = () => ({
    ...Object.fromEntries(Object.entries(apps).map(([n, a]) => [n, cpuOf(a.pid)])),
    ...(natsPid ? { 'nats-server': cpuOf(natsPid) } : {}),
  });
  await new Promise((r) => setTimeout(r, 3000)); // let start-up work finish
  const before = read();
  const pgBefore = pg ? cpuByPid(pg, database) : {};
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  const after = read();
  const pgAfter = pg ? cpuByPid(pg, database) : {};
  const pgSpent = Object.entries(pgAfter).reduce((n, [pid, v]) => n + (pid in pgBefore ? v - pgBefore[pid] : v), 0);
  const per = [...Object.entries(after).map(([n, v]) => [n, (v - before[n]) / idleSeconds]), ['postgres', pgSpent / idleSeconds]];
  const sum = per.reduce((n, [, v]) => n + v, 0);
  console.log(
    `idle ${idleSeconds} s: CPU ms per second ${(sum * 1000).toFixed(1)} (` +
      per.map(([n, v]) => `${n} ${(v * 1000).toFixed(1)}`).join(', ') +
      ')',
  );
}
const totalsBy = Object.fromEntries(entries.map((e) => [e, {}]));
const runsBy = Object.fromEntries(entries.map((e) => [e, 0]));
for (let run = 0; run < runs; run++) {
  const entry = entries[run % entries.length];
  const totals = totalsBy[entry];
  runsBy[entry]++;
  const [nats, db] = await Promise.all([
    startPrivateNats(),
    process.argv.includes('--template') ? createMigratedDatabase('bench', migrations) : createTestDatabase('bench'),
  ]);
  const nc = await connect({ servers: nats.url });
  await applyBusLayout(nc, new BusNaming(''), { replicas: 1 });
  const searchDir = mkdtempSync(join(tmpdir(), 'govdisc-bench-search-'));
  const base = {
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    LOG_LEVEL: 'info',
    RPC_DRAIN_TIMEOUT_MS: '5000',
    SEARCH_DATA_DIR: searchDir,
    OPENSEARCH_URL: '',
  };
  const prof = profDir ? { NODE_OPTIONS: `--import=${root}bench/cpu-profile-preload.mjs`, CPU_PROF_WHOLE: '1', CPU_PROF_DIR: profDir } : {};
  const apps = {};
  const metricsPort = await freePort();
  for (const name of [...services, 'gateway']) {
    const port = await freePort();
    const env = {
      ...base,
      ...prof,
      CPU_PROF_NAME: name,
      HTTP_PORT: String(port),
      ...(name === 'gateway' ? { KEYCLOAK_URL: '', METRICS_PORT: String(metricsPort) } : {}),
    };
    apps[name] = new AppProcess(name, `${appsRoot}apps/${name}/dist/${entry}`, env, `http://127.0.0.1:${port}/ready`);
  }
  const t0 = Date.now();
  const at = {};
  await Promise.all(
    services.map(async (n) => {
      await apps[n].start(180_000);
      at[n] = cpuOf(apps[n].pid);
    }),
  );
  await apps.gateway.start(180_000);
  at.gateway = cpuOf(apps.gateway.pid);
  const wall = Date.now() - t0;
  for (const [n, s] of Object.entries(at)) totals[n] = (totals[n] ?? 0) + s;
  if (idleSeconds > 0) await measureIdle(apps, nats, new URL(db.url).pathname.slice(1));
  console.log(
    `run ${run + 1} (${entry}): ${wall} ms wall; CPU-s at ready: ` +
      Object.entries(at)
        .map(([n, s]) => `${n} ${s.toFixed(2)}`)
        .join(', '),
  );
  await Promise.all(Object.values(apps).map((a) => a.stop()));
  await nc.close();
  await nats.stop();
  await db.drop();
  rmSync(searchDir, { recursive: true, force: true });
}
for (const entry of entries) {
  const totals = totalsBy[entry];
  const n = runsBy[entry];
  const sum = Object.values(totals).reduce((a, b) => a + b, 0);
  console.log(
    `${entry}: mean CPU-s per start: ${(sum / n).toFixed(2)} over ${n} runs (` +
      Object.entries(totals)
        .map(([name, s]) => `${name} ${(s / n).toFixed(2)}`)
        .join(', ') +
      ')',
  );
}
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
