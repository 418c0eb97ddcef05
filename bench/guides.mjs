#!/usr/bin/env node
// Service guides through the gateway (issue 13 part 1, item 7), in one command that starts what it measures:
// on a fresh database and a private nats-server, service-guide-svc and the gateway; generated content written
// as the demo is (an editor saves, a reviewer publishes): --sites 500 service sites, --matters 2,000 matters
// with full guides (via POST /guides/import, then one publish each) and --bundles 200 一件事 bundles.
// Then, closed loop on keep-alive connections (--connections 8), each after a warm-up:
//   guide detail   GET /api/v1/guides/{code}            random published matter (full guide + its sites)
//   nearest        GET /api/v1/sites/nearest?lat&lng&limit=5   random point inside the sites' box
//   bundle detail  GET /api/v1/bundles/{code}           random bundle (matters + merged materials)
// Prints req/s, p50/p95/p99 and CPU µs per request of each process, then the targets (detail p95 ≤ 10 ms,
// nearest p95 ≤ 5 ms) marked ok/MISSED. Exits 1 if a target could not be measured (no answers or >1% not 200).
//   node bench/guides.mjs [--seconds 15] [--warmup 3] [--connections 8] [--matters 2000] [--bundles 200] [--sites 500]
// Needs the apps built (npx turbo run build), PostgreSQL and nats-server on the PATH.
import { cpus, loadavg } from 'node:os';
import { benchRun, natsServerPid } from './bench-run.mjs';
import { BOX, generateGuideContent, publishGuideContent, rand } from './guide-content.mjs';
import { callAt, intArg, load } from './http-load.mjs';

const SECONDS = intArg('--seconds', 15);
const WARMUP = intArg('--warmup', 3);
const CONNECTIONS = intArg('--connections', 8);
const MATTERS = intArg('--matters', 2000);
const BUNDLES = intArg('--bundles', 200);
const SITES = intArg('--sites', 500);

const run = benchRun('guides');
const { cleanup } = run;
const startApp = (name, base, extra = {}) => run.startApp(name, { ...base, ...extra }, { timeoutMs: 90_000 });

const { sites, matters, bundles } = generateGuideContent({ matters: MATTERS, bundles: BUNDLES, sites: SITES });

let exitCode = 0;
try {
  const { nats, db } = await run.startBusAndDatabase();
  run.tempDir();
  const base = { DATABASE_URL: db.url, NATS_URL: nats.url, LOG_LEVEL: 'info', LOG_PRETTY: 'false', OPENSEARCH_URL: '', KEYCLOAK_URL: '' };
  const svc = await startApp('service-guide-svc', base);
  const gw = await startApp('gateway', base, { RATE_LIMIT_PER_MINUTE: '1000000', RPC_TIMEOUT_MS: '60000' });
  const gatewayUrl = gw.readyUrl.replace('/ready', '');
  process.env.GATEWAY_URL = gatewayUrl;
  delete process.env.KEYCLOAK_URL; // the gateway's embedded issuer
  const { loginEditor, loginReviewer } = await import('../scripts/lib/api-client.mjs');
  const [editor, reviewer] = await Promise.all([loginEditor(), loginReviewer()]);

  let t = Date.now();
  await publishGuideContent({ editor, reviewer, content: { sites, matters, bundles } });
  process.stderr.write(
    `content: ${SITES} sites, ${MATTERS} matters, ${BUNDLES} bundles written and published in ${((Date.now() - t) / 1000).toFixed(1)} s\n`,
  );

  const call = callAt(gatewayUrl);
  const processes = [
    { name: 'gateway', pid: gw.pid },
    { name: 'service-guide-svc', pid: svc.pid },
    { name: 'nats-server', pid: natsServerPid(nats.url) },
    { name: 'load-gen', pid: process.pid },
  ].filter((p) => p.pid);
  const point = () =>
    `lat=${(BOX.lat[0] + rand() * (BOX.lat[1] - BOX.lat[0])).toFixed(5)}&lng=${(BOX.lng[0] + rand() * (BOX.lng[1] - BOX.lng[0])).toFixed(5)}`;
  const targets = {
    'guide detail': (agent) => call(agent, 'GET', `/api/v1/guides/B-M-${Math.floor(rand() * MATTERS)}`),
    nearest: (agent) => call(agent, 'GET', `/api/v1/sites/nearest?${point()}&limit=5`),
    'bundle detail': (agent) => call(agent, 'GET', `/api/v1/bundles/B-B-${Math.floor(rand() * BUNDLES)}`),
  };
  const [load1] = loadavg();
  console.log(
    `\n${cpus().length} cores (${cpus()[0]?.model}), load ${load1.toFixed(2)} before the run; the load generator shares the cores.\n` +
      `${CONNECTIONS} keep-alive connections, ${WARMUP} s warm-up + ${SECONDS} s measured per target; ${MATTERS} matters, ${BUNDLES} bundles, ${SITES} sites.\n`,
  );
  const results = {};
  for (const [label, make] of Object.entries(targets)) {
    await load(label, make, { seconds: WARMUP, connections: CONNECTIONS, quiet: true, processes });
    results[label] = await load(label, make, { seconds: SECONDS, connections: CONNECTIONS, processes });
  }
  console.log('\ntargets (issue 13 item 7):');
  for (const [label, limit] of [
    ['guide detail', 10],
    ['nearest', 5],
  ]) {
    const r = results[label];
    const ok200 = (r.statuses[200] ?? 0) / Math.max(1, r.requests);
    if (r.requests === 0 || ok200 < 0.99) {
      console.log(`  ${label}: NOT MEASURED (${JSON.stringify(r.statuses)})`);
      exitCode = 1;
      continue;
    }
    console.log(`  ${label} p95 ${r.p95.toFixed(1)} ms ≤ ${limit} ms: ${r.p95 <= limit ? 'ok' : 'MISSED'}`);
  }
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
