#!/usr/bin/env node
// Unified search (一键查, issue 13 part 5) through the gateway, in one command that starts what it measures: on
// a fresh database and a private nats-server, policy-svc, qa-svc, service-guide-svc and the gateway (embedded
// engines); the full policy and Q&A corpus imported through the gateway by the import CLIs (--policies,
// --qa; default ../shared/data, else the test fixtures), plus generated guide content (bench/guide-content.mjs,
// the guide bench's generator): --matters 2,000 matters, --bundles 200 bundles, --sites 500 sites.
// Then, closed loop on keep-alive connections (--connections 8), each after a warm-up:
//   blended     GET /api/v1/search?q=…                  the four parts in parallel, blended first page
//   per type    GET /api/v1/search?q=…&type=guide&page=2  one type's later page (+ the others' counts)
// Queries rotate through the policy dev-set queries, Q&A questions of the corpus and matter names.
// Prints req/s, p50/p95/p99 and CPU µs per request of each process, then the target (blended p95 ≤ 20 ms).
// Exits 1 if the target could not be measured (no answers, >1% not 200, or a part missing from answers).
//   node bench/unified-search.mjs [--seconds 15] [--warmup 3] [--connections 8] [--matters 2000] [--bundles 200]
//        [--sites 500] [--policies <file.jsonl>] [--qa <file.jsonl>]
// Needs the apps built (npx turbo run build), PostgreSQL and nats-server on the PATH.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchRun, corpusFile, importWith, repoRoot as root, settledTotal } from './bench-run.mjs';
import { generateGuideContent, publishGuideContent } from './guide-content.mjs';
import { callAt, intArg, load } from './http-load.mjs';

const SECONDS = intArg('--seconds', 15);
const WARMUP = intArg('--warmup', 3);
const CONNECTIONS = intArg('--connections', 8);
const MATTERS = intArg('--matters', 2000);
const BUNDLES = intArg('--bundles', 200);
const SITES = intArg('--sites', 500);
const POLICIES = corpusFile('--policies', 'policies.jsonl');
const QA = corpusFile('--qa', 'qa.jsonl');

const run = benchRun('unified');
const { cleanup } = run;
const startApp = (name, base, extra = {}) => run.startApp(name, { ...base, ...extra }, { timeoutMs: 180_000 });

const lines = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

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
  };
  const services = {};
  for (const name of ['policy-svc', 'qa-svc', 'service-guide-svc']) services[name] = await startApp(name, base);
  const gw = await startApp('gateway', base, { RATE_LIMIT_PER_MINUTE: '1000000', RPC_TIMEOUT_MS: '60000' });
  const gatewayUrl = gw.readyUrl.replace('/ready', '');
  process.env.GATEWAY_URL = gatewayUrl;
  delete process.env.KEYCLOAK_URL; // the gateway's embedded issuer

  await importWith('policy-import.mjs', POLICIES, gatewayUrl, { tail: 8 }).catch((error) => {
    // On a busy machine publishing thousands of documents can outlast the gateway's wait; policy-svc goes on
    process.stderr.write(`policy import: ${error.message.split('\n').find((l) => l.includes('HTTP')) ?? error.message}\n`);
  });
  process.stderr.write(`published policies: ${await settledTotal(gatewayUrl, '/api/v1/policies/search?pageSize=1')}\n`);
  await importWith('qa-import.mjs', QA, gatewayUrl, { tail: 8 });
  const { loginEditor, loginReviewer } = await import('../scripts/lib/api-client.mjs');
  const [editor, reviewer] = await Promise.all([loginEditor(), loginReviewer()]);
  const content = generateGuideContent({ matters: MATTERS, bundles: BUNDLES, sites: SITES });
  const t = Date.now();
  await publishGuideContent({ editor, reviewer, content });
  process.stderr.write(
    `guide content: ${SITES} sites, ${MATTERS} matters, ${BUNDLES} bundles in ${((Date.now() - t) / 1000).toFixed(1)} s\n`,
  );

  const queries = [
    ...lines(join(root, 'bench', 'dev-sets', 'policy-queries.jsonl')).map((r) => r.query),
    ...lines(QA)
      .filter((_, i) => i % 50 === 0)
      .map((r) => r.question.slice(0, 100)),
    ...content.matters.filter((_, i) => i % 100 === 0).map((m) => m.name.replace(/（\d+）$/u, '')),
    '公积金',
    '社保卡',
    '驾驶证换证',
    '一件事',
  ].filter((q) => q.trim().length > 0);
  const call = callAt(gatewayUrl);
  // every part's read model has caught up (the Q&A and guide indices poll their tables)
  const deadline = Date.now() + 120_000;
  for (;;) {
    const r = await (await fetch(`${gatewayUrl}/api/v1/search?q=${encodeURIComponent('住房公积金提取')}`)).json();
    if (r.counts?.guide > 0 && r.counts?.bundle > 0 && r.counts?.policy > 0 && r.counts?.qa >= 0 && r.partial?.length === 0) {
      process.stderr.write(`probe 住房公积金提取: ${JSON.stringify(r.counts)}\n`);
      break;
    }
    if (Date.now() > deadline) throw new Error(`read models not ready: ${JSON.stringify(r).slice(0, 300)}`);
    await new Promise((res) => setTimeout(res, 500));
  }

  const processes = [
    { name: 'gateway', pid: gw.pid },
    ...Object.entries(services).map(([name, app]) => ({ name, pid: app.pid })),
    { name: 'load-gen', pid: process.pid },
  ].filter((p) => p.pid);
  const q = (i) => encodeURIComponent(queries[i % queries.length]);
  const targets = {
    blended: (agent, i) => call(agent, 'GET', `/api/v1/search?q=${q(i)}`),
    'per type (guide, page 2)': (agent, i) => call(agent, 'GET', `/api/v1/search?q=${q(i)}&type=guide&page=2`),
  };
  const [load1] = loadavg();
  console.log(
    `\n${cpus().length} cores (${cpus()[0]?.model}), load ${load1.toFixed(2)} before the run; the load generator shares the cores.\n` +
      `${CONNECTIONS} keep-alive connections, ${WARMUP} s warm-up + ${SECONDS} s measured per target; ${queries.length} queries; ` +
      `corpus ${POLICIES} + ${QA}, ${MATTERS} matters, ${BUNDLES} bundles (embedded engines).\n`,
  );
  const results = {};
  for (const [label, make] of Object.entries(targets)) {
    await load(label, make, { seconds: WARMUP, connections: CONNECTIONS, quiet: true, processes });
    results[label] = await load(label, make, { seconds: SECONDS, connections: CONNECTIONS, processes });
  }
  // every query once more, one at a time: no part may be missing, and what the queries find
  const found = { policy: 0, qa: 0, guide: 0, bundle: 0 };
  let partial = 0;
  let blendedTypes = 0;
  for (const text of queries) {
    const body = await (await fetch(`${gatewayUrl}/api/v1/search?q=${encodeURIComponent(text)}`)).json();
    if (body.partial.length > 0) partial++;
    for (const [type, n] of Object.entries(body.counts)) found[type] += n > 0 ? 1 : 0;
    blendedTypes += new Set(body.items.map((i) => i.type)).size;
  }
  console.log(
    `\nqueries finding each type: ${JSON.stringify(found)} of ${queries.length}; ${(blendedTypes / queries.length).toFixed(2)} types on an average blended page; ${partial} answers with a part missing`,
  );
  console.log('\ntarget (issue 13, unified search at 8 connections, embedded engine):');
  const r = results.blended;
  const ok200 = (r.statuses[200] ?? 0) / Math.max(1, r.requests);
  if (r.requests === 0 || ok200 < 0.99 || partial > 0) {
    console.log(`  blended: NOT MEASURED (${JSON.stringify(r.statuses)}, ${partial} answers with a part missing)`);
    exitCode = 1;
  } else console.log(`  blended p95 ${r.p95.toFixed(1)} ms ≤ 20 ms: ${r.p95 <= 20 ? 'ok' : 'MISSED'} (${r.rps.toFixed(0)} req/s)`);
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
