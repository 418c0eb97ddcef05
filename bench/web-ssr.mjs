#!/usr/bin/env node
// The citizens' portal (issue 15, "Numbers"), in one command that starts what it measures: on a fresh database
// and a private nats-server, policy-svc, qa-svc, service-guide-svc, the gateway (embedded engines) and the
// portal's production build (apps/web); the full policy and Q&A corpus imported through the gateway by the
// import CLIs (--policies, --qa; default ../shared/data, else the test fixtures). Then:
//   SSR policy page   GET /policies/{id}     random published policy, server-rendered HTML (closed loop, 8 connections)
//   SSR search page   GET /search?q=…        the policy dev-set queries and Q&A questions, rotating
//   home page JS      the module scripts the home page loads: bytes on the wire (Chromium's encodedDataLength)
//                     and gzip -9 of each (what a compressing proxy sends)
//   LCP               Largest Contentful Paint of home, search and a policy page in Chromium at 360 px with
//                     4× CPU slowdown and slow 4G (Lighthouse's: 562.5 ms RTT, 1.47 Mbit/s down), cold cache,
//                     median of --lcp-runs
// Prints the figures and the targets (SSR p95 ≤ 100 ms, home JS ≤ 150 KB compressed, LCP ≤ 2.5 s) marked
// ok/MISSED. Exits 1 if a figure could not be measured.
//   node bench/web-ssr.mjs [--seconds 15] [--warmup 3] [--connections 8] [--lcp-runs 3] [--policies f] [--qa f]
//                          [--cpu-prof web,policy-svc [--cpu-prof-dir dir]] [--skip-lcp] [--apps-root ../main]
// --apps-root runs the built apps (and apps/web) of another checkout, e.g. main, to compare a branch with it.
// Before the measured runs it prints each process's CPU seconds so far (start, imports, background work).
// --alternate policy-svc|qa-svc|service-guide-svc|web (or several, comma-separated) --variant a=/work/main --variant b=.
// [--variant 'c=.|--max-semi-space-size=64'] [--pairs 3] [--page policy|search|policy,search] measures the policy page
// (or the named pages, each in every round) on one imported stack, restarting the named processes from each variant's
// checkout (with those NODE_OPTIONS) in turn, --pairs rounds (a b a b …); each start waits until the process is idle
// (at least 25 s: background work after start is not measured) and prints the CPU seconds it took to get there.
// --dump-html dir writes, before the measured runs, the pages of the 50 first policies by external id (each asked
// twice: the second has the citing parts cached) and the search pages of the bench's first queries in every tab
// (search/*.html), document ids replaced by external ids, the portal's own address and nonces left out, so two runs'
// pages can be compared with diff -r. With --alternate, each variant's pages go to dir/<label>.
// --keep-database leaves the imported database in place (its URL printed at the start; drop it yourself).
// --visit N: the policy page visits N published policies (default 1,000) in a fixed order, started again for the
// measured window after the warm-up: with 1,000 a faster round visits more of them a second time (held views and
// lists), so rounds at different rates see different mixes; with more ids than a round's pages (e.g. --visit 4000 on
// the full corpus) every round's mix is the same, the warm-up's share (~20 % second visits) and first visits.
// The CPU table also counts nats-server and the PostgreSQL backends of the bench's database (`postgres`).
// --cpu-prof profiles the named processes over each measured window (bench/cpu-profile-preload.mjs), written as
// <dir>/<name>-<policy|search>.cpuprofile (default dir ./cpu-profiles); `node bench/cpu-profile-top.mjs <file>`.
// Needs the apps and apps/web built (npx turbo run build), PostgreSQL, nats-server and Chromium (CHROMIUM_BIN).
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { benchRun, corpusFile, cpuProfileEnv, importWith, natsServerPid, postgresTicks, settledCpu, settledTotal } from './bench-run.mjs';
import { chromium } from 'playwright-core';
import { callAt, cpuTicks, intArg, load } from './http-load.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = intArg('--seconds', 15);
const WARMUP = intArg('--warmup', 3);
const CONNECTIONS = intArg('--connections', 8);
const LCP_RUNS = intArg('--lcp-runs', 3);
const SKIP_LCP = process.argv.includes('--skip-lcp');
const optArg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const CPU_PROF = new Set((optArg('--cpu-prof') ?? '').split(',').filter(Boolean));
const CPU_PROF_DIR = resolve(optArg('--cpu-prof-dir') ?? 'cpu-profiles');
if (CPU_PROF.size) mkdirSync(CPU_PROF_DIR, { recursive: true });
const profiling = (name) => (CPU_PROF.has(name) ? cpuProfileEnv(name, CPU_PROF_DIR) : {});
const POLICIES = corpusFile('--policies', 'policies.jsonl');
const QA = corpusFile('--qa', 'qa.jsonl');
const APPS_ROOT = optArg('--apps-root') ? resolve(optArg('--apps-root')) : root;
const DUMP_HTML = optArg('--dump-html') ? resolve(optArg('--dump-html')) : null;
const ALTERNATE = optArg('--alternate')?.split(',');
const VARIANTS = process.argv
  .flatMap((a, i) => (a === '--variant' ? [process.argv[i + 1]] : []))
  .map((spec) => {
    const [label, rest] = spec.split(/=(.*)/s);
    const [dir, nodeOptions = ''] = rest.split('|');
    return { label, root: resolve(dir), nodeOptions };
  });
const PAIRS = intArg('--pairs', 3);
const PAGES = (optArg('--page') ?? 'policy').split(',');
if (PAGES.some((p) => !['policy', 'search'].includes(p))) throw new Error('--page policy|search|policy,search');
const KEEP_DATABASE = process.argv.includes('--keep-database');
const VISITED = intArg('--visit', 1000);
const SERVICES = ['policy-svc', 'qa-svc', 'service-guide-svc'];
if (ALTERNATE && (ALTERNATE.some((n) => ![...SERVICES, 'web'].includes(n)) || VARIANTS.length < 2))
  throw new Error('--alternate policy-svc|qa-svc|service-guide-svc|web needs two --variant');

const run = benchRun('web-ssr');
const { started, cleanup } = run;
run.onCleanup(() => started.browser?.close());
const startProcess = (name, script, env) => run.startProcess(name, script, env, { timeoutMs: 180_000 });
const startApp = (name, base, extra = {}) =>
  run.startApp(name, { ...base, ...extra, ...profiling(name) }, { timeoutMs: 180_000, appsRoot: APPS_ROOT });

/** Starts or stops the profilers of the profiled processes; after a stop, names each profile after the target. */
async function toggleProfilers(processes, key) {
  const profiled = processes.filter((p) => CPU_PROF.has(p.name));
  profiled.forEach((p) => process.kill(p.pid, 'SIGUSR2'));
  if (!key) return;
  for (const { name } of profiled) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const written = readdirSync(CPU_PROF_DIR).find((f) => f.startsWith(`${name}-`) && /-\d+\.cpuprofile$/.test(f));
      if (written) {
        renameSync(join(CPU_PROF_DIR, written), join(CPU_PROF_DIR, `${name}-${key}.cpuprofile`));
        break;
      }
      if (Date.now() > deadline) throw new Error(`${name} wrote no CPU profile`);
      await new Promise((res) => setTimeout(res, 100));
    }
  }
}

const lines = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** Published policy ids through the gateway's search (up to `max`). */
async function policyIds(gatewayUrl, max) {
  const ids = [];
  for (let page = 1; ids.length < max; page++) {
    const body = await (await fetch(`${gatewayUrl}/api/v1/policies/search?pageSize=50&page=${page}`)).json();
    if (!body.items?.length) break;
    ids.push(...body.items.map((i) => i.id));
  }
  return ids.slice(0, max);
}

/** Published policies' document ids → external ids (what stays the same between two imports). */
async function externalIds(gatewayUrl) {
  const external = new Map();
  for (let page = 1; ; page++) {
    const body = await (await fetch(`${gatewayUrl}/api/v1/policies/search?pageSize=50&page=${page}`)).json();
    if (!body.items?.length) break;
    for (const i of body.items) external.set(i.id, i.externalId ?? i.id);
  }
  return external;
}

/** A page's HTML comparable between two runs: external ids, no nonces, no portal address, one tag per line. */
const comparable = (html, external, webUrl) =>
  html
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (u) => external.get(u) ?? 'UNKNOWN-ID')
    .replace(/ nonce="[^"]*"/g, '')
    .replaceAll(webUrl, 'WEB')
    .replace(/></g, '>\n<');

/** Writes the pages of the first `count` policies by external id, comparable between two runs (see --dump-html). */
async function dumpPolicyPages(gatewayUrl, webUrl, dir, count = 50) {
  mkdirSync(dir, { recursive: true });
  const external = await externalIds(gatewayUrl);
  const chosen = [...external]
    .filter(([, e]) => e)
    .sort((a, b) => (a[1] < b[1] ? -1 : 1))
    .slice(0, count);
  for (const [id, externalId] of chosen) {
    await fetch(`${webUrl}/policies/${id}`).then((r) => r.text());
    const html = await (await fetch(`${webUrl}/policies/${id}`)).text();
    writeFileSync(join(dir, `${externalId.replace(/[^\w.-]/g, '_')}.html`), comparable(html, external, webUrl));
  }
  process.stderr.write(`${chosen.length} policy pages written to ${dir}\n`);
}

/**
 * Writes search pages comparable between two runs (see --dump-html) to dir/search: the empty page, a query that
 * finds nothing, and the first `count` queries in every tab, the 政策文件 tab also by date, filtered by its first
 * facet value and on page 2. Statuses go into the file's first line.
 */
async function dumpSearchPages(gatewayUrl, webUrl, dir, queries, count = 12) {
  const out = join(dir, 'search');
  mkdirSync(out, { recursive: true });
  const external = await externalIds(gatewayUrl);
  const paths = ['/search', `/search?q=${encodeURIComponent('量子引力飞船补贴')}`];
  for (const q of queries.slice(0, count)) {
    const e = encodeURIComponent(q);
    paths.push(`/search?q=${e}`, `/search?q=${e}&type=qa`, `/search?q=${e}&type=guide&page=2`, `/search?q=${e}&type=bundle`);
    paths.push(`/search?q=${e}&type=policy`, `/search?q=${e}&type=policy&sort=date&page=2`);
    const facets = (await (await fetch(`${gatewayUrl}/api/v1/policies/search?q=${e}&pageSize=1`)).json()).facets ?? {};
    const [facet, values] = Object.entries(facets).find(([, v]) => v?.length) ?? [];
    if (facet) paths.push(`/search?q=${e}&${facet}=${encodeURIComponent(values[0].value)}`);
  }
  for (const [i, path] of paths.entries()) {
    const res = await fetch(`${webUrl}${path}`);
    const html = await res.text();
    writeFileSync(join(out, `${String(i).padStart(3, '0')}.html`), `<!-- ${res.status} ${path} -->\n${comparable(html, external, webUrl)}`);
  }
  process.stderr.write(`${paths.length} search pages written to ${out}\n`);
}

/**
 * The pages (`--page`, each a label → request maker) measured with the named processes restarted from each variant
 * in turn (see --alternate).
 */
async function alternate(names, pages, processes, restart, dump) {
  const rows = [];
  for (let round = 1; round <= PAIRS; round++) {
    for (const variant of VARIANTS) {
      const apps = await restart(variant);
      for (const name of names) processes.find((p) => p.name === name).pid = apps[name].pid;
      const startCpus = await Promise.all(names.map((name) => settledCpu(apps[name].pid)));
      const name = names.map((n, i) => `${n} ${startCpus[i].toFixed(1)}`).join(', ');
      if (DUMP_HTML && round === 1) await dump(join(DUMP_HTML, variant.label));
      for (const [page, make] of Object.entries(pages)) {
        const [load1] = loadavg();
        console.log(
          `\nround ${round}, ${variant.label} (${variant.root} ${variant.nodeOptions}), ${page}: CPU s to idle ${name}, load ${load1.toFixed(1)}`,
        );
        await load(page, make, { seconds: WARMUP, connections: CONNECTIONS, quiet: true, processes });
        const r = await load(`${page} ${variant.label}`, make, { seconds: SECONDS, connections: CONNECTIONS, processes });
        const rss = Object.fromEntries(names.map((n) => [n, rssMb(apps[n].pid)]));
        rows.push({ variant: variant.label, page, round, load1, startCpus, ...r, rss });
      }
    }
  }
  for (const page of Object.keys(pages))
    medians(
      rows.filter((r) => r.page === page),
      page,
      names,
    );
}

/** One page's medians per variant over the rounds of --alternate. */
function medians(rows, page, names) {
  console.log(`\n${page}: medians per variant (CPU µs per page):`);
  for (const { label } of VARIANTS) {
    const mine = rows.filter((r) => r.variant === label);
    const cpu = Object.keys(mine[0].cpu)
      .filter((k) => k !== 'load-gen')
      .map((k) => `${k} ${median(mine.map((r) => r.cpu[k])).toFixed(0)}`);
    const total = median(mine.map((r) => Object.entries(r.cpu).reduce((a, [k, v]) => a + (k === 'load-gen' ? 0 : v), 0)));
    console.log(
      `  ${label.padEnd(8)} ${cpu.join(', ')}; total ${total.toFixed(0)}; p95 ${median(mine.map((r) => r.p95)).toFixed(1)} ms ` +
        `(${mine.map((r) => r.p95.toFixed(0)).join(', ')}); ${median(mine.map((r) => r.rps)).toFixed(1)} req/s; ` +
        `loads ${mine.map((r) => r.load1.toFixed(1)).join(', ')}; ` +
        names
          .map(
            (n, i) =>
              `${n} start ${median(mine.map((r) => r.startCpus[i])).toFixed(1)} CPU s, RSS ${median(mine.map((r) => r.rss[n])).toFixed(0)} MB`,
          )
          .join('; '),
    );
  }
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** The home page's scripts as Chromium loads them: bytes on the wire and gzip -9 of the bodies. */
async function homeScripts(browser, webUrl) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map();
  cdp.on('Network.responseReceived', (e) => e.type === 'Script' && scripts.set(e.requestId, { url: e.response.url, wire: 0 }));
  cdp.on('Network.loadingFinished', (e) => scripts.has(e.requestId) && (scripts.get(e.requestId).wire = e.encodedDataLength));
  await page.goto(`${webUrl}/`, { waitUntil: 'networkidle' });
  let wire = 0;
  let gzip = 0;
  let raw = 0;
  for (const s of scripts.values()) {
    const body = Buffer.from(await (await fetch(s.url)).arrayBuffer());
    wire += s.wire;
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  await context.close();
  return { count: scripts.size, wire, raw, gzip };
}

/** LCP of one cold load at 360 px with 4× CPU slowdown and slow 4G, in ms. */
async function lcpOnce(browser, url) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 562.5,
      downloadThroughput: (1474.56 * 1024) / 8,
      uploadThroughput: (675 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    return await page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1].startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(-1), 10_000);
        }),
    );
  } finally {
    await context.close();
  }
}

/** Home page JS and LCP in Chromium (skipped by --skip-lcp). */
async function measureInBrowser(webUrl, policyId) {
  started.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const js = await homeScripts(started.browser, webUrl);
  console.log(
    `\nhome page JS: ${js.count} scripts, ${(js.wire / 1024).toFixed(1)} KiB on the wire, ${(js.raw / 1024).toFixed(1)} KiB raw, ` +
      `${(js.gzip / 1024).toFixed(1)} KiB gzip -9`,
  );
  const lcp = {};
  const pages = {
    home: `${webUrl}/`,
    search: `${webUrl}/search?q=${encodeURIComponent('住房公积金提取')}`,
    policy: `${webUrl}/policies/${policyId}`,
  };
  for (const [name, url] of Object.entries(pages)) {
    const runs = [];
    for (let i = 0; i < LCP_RUNS; i++) runs.push(await lcpOnce(started.browser, url));
    lcp[name] = median(runs);
    console.log(`LCP ${name.padEnd(7)} median ${lcp[name].toFixed(0)} ms  (runs: ${runs.map((r) => r.toFixed(0)).join(', ')})`);
  }

  return { js, lcp };
}

/** Prints the browser figures against their targets; 1 if one could not be measured. */
function reportBrowserFigures({ js, lcp }) {
  let code = 0;
  const jsKb = Math.min(js.wire, js.gzip) / 1000;
  console.log(`  home page JS ${jsKb.toFixed(1)} KB compressed ≤ 150 KB: ${jsKb <= 150 ? 'ok' : 'MISSED'}`);
  for (const [name, ms] of Object.entries(lcp)) {
    if (ms < 0) {
      console.log(`  LCP ${name}: NOT MEASURED`);
      code = 1;
    } else console.log(`  LCP ${name} ${(ms / 1000).toFixed(2)} s ≤ 2.5 s: ${ms <= 2500 ? 'ok' : 'MISSED'}`);
  }
  return code;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let exitCode = 0;
try {
  const { nats, db } = await run.startBusAndDatabase();
  if (KEEP_DATABASE) {
    started.db = null; // cleanup leaves it: e.g. for bench/policy-related.mjs --database-url
    process.stderr.write(`database kept: ${db.url}\n`);
  }
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
  delete process.env.KEYCLOAK_URL;

  await importWith('policy-import.mjs', POLICIES, gatewayUrl).catch((error) => {
    process.stderr.write(`policy import: ${error.message.split('\n').find((l) => l.startsWith('Error:')) ?? error.message}\n`);
  });
  process.stderr.write(`published policies: ${await settledTotal(gatewayUrl, '/api/v1/policies/search?pageSize=1')}\n`);
  // like the policies: on a busy machine a batch can outlast the gateway's wait; the pages are measured on what landed
  await importWith('qa-import.mjs', QA, gatewayUrl).catch((error) => {
    process.stderr.write(`qa import: ${error.message.split('\n').find((l) => l.startsWith('Error:')) ?? error.message}\n`);
  });

  const webEnv = { GATEWAY_URL: gatewayUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...profiling('web') };
  const webEntry = (appsRoot) => join(appsRoot, 'apps', 'web', 'scripts', 'serve.mjs');
  let web = await startProcess('web', webEntry(APPS_ROOT), webEnv);
  let webUrl = web.readyUrl.replace('/ready', '');
  const ids = await policyIds(gatewayUrl, VISITED);
  if (ids.length === 0) throw new Error('no published policies to render');
  const queries = [
    ...lines(join(root, 'bench', 'dev-sets', 'policy-queries.jsonl')).map((r) => r.query),
    ...lines(QA)
      .filter((_, i) => i % 50 === 0)
      .map((r) => r.question.slice(0, 60)),
  ].filter((q) => q.trim().length > 0);

  const processes = [
    { name: 'web', pid: web.pid },
    { name: 'gateway', pid: gw.pid },
    ...Object.entries(services).map(([name, app]) => ({ name, pid: app.pid })),
    // not the apps' but the page's: the bus and the database's backends (this database's sessions only)
    { name: 'nats-server', pid: natsServerPid(nats.url) },
    { name: 'postgres', ticks: () => postgresTicks(db.name) },
    { name: 'load-gen', pid: process.pid },
  ].filter((p) => p.pid || p.ticks);
  const call = callAt(webUrl);
  const policyPage = (to) => (agent, i) => to(agent, 'GET', `/policies/${ids[(i * 7919) % ids.length]}`);
  const searchPage = (to) => (agent, i) => to(agent, 'GET', `/search?q=${encodeURIComponent(queries[i % queries.length])}`);
  const targets = { 'SSR policy page': policyPage(call), 'SSR search page': searchPage(call) };
  const dumpPages = async (dir) => {
    await dumpPolicyPages(gatewayUrl, webUrl, dir);
    await dumpSearchPages(gatewayUrl, webUrl, dir, queries);
  };
  if (DUMP_HTML && !ALTERNATE) await dumpPages(DUMP_HTML);
  const profileKey = { 'SSR policy page': 'policy', 'SSR search page': 'search' };
  if (ALTERNATE) {
    const withOptions = (env, { nodeOptions }) =>
      nodeOptions ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${nodeOptions}`.trim() } : env;
    const current = { web, ...services };
    // the portal's address changes with each restart: ask the current one
    const atCurrentWeb = (agent, ...args) => callAt(webUrl)(agent, ...args);
    const makers = { policy: ['SSR policy page', policyPage(atCurrentWeb)], search: ['SSR search page', searchPage(atCurrentWeb)] };
    await alternate(
      ALTERNATE,
      Object.fromEntries(PAGES.map((p) => makers[p])),
      processes,
      async (variant) => {
        for (const name of ALTERNATE) await current[name].stop();
        for (const name of SERVICES.filter((n) => ALTERNATE.includes(n))) {
          const env = withOptions({ ...base, ...profiling(name) }, variant);
          current[name] = await run.startApp(name, env, { timeoutMs: 180_000, appsRoot: variant.root });
        }
        if (ALTERNATE.includes('web')) {
          current.web = web = await startProcess('web', webEntry(variant.root), withOptions(webEnv, variant));
          webUrl = web.readyUrl.replace('/ready', '');
        }
        return current;
      },
      dumpPages,
    );
    await cleanup();
    process.exit(0);
  }
  const [load1] = loadavg();
  console.log(
    `\n${cpus().length} cores (${cpus()[0]?.model}), load ${load1.toFixed(2)} before the run; the load generator shares the cores.\n` +
      `${CONNECTIONS} keep-alive connections, ${WARMUP} s warm-up + ${SECONDS} s measured per page; ${ids.length} policies, ` +
      `${queries.length} queries; corpus ${POLICIES} + ${QA} (embedded engines).\n`,
  );
  console.log(
    `apps ${APPS_ROOT}; CPU s before the run: ` +
      processes
        .filter((p) => p.name !== 'load-gen')
        .map((p) => `${p.name} ${(((p.ticks ? p.ticks() : cpuTicks(p.pid)) ?? 0) / 100).toFixed(1)}`)
        .join(', ') +
      '\n',
  );
  const results = {};
  for (const [label, make] of Object.entries(targets)) {
    await load(label, make, { seconds: WARMUP, connections: CONNECTIONS, quiet: true, processes });
    await toggleProfilers(processes);
    results[label] = await load(label, make, { seconds: SECONDS, connections: CONNECTIONS, processes });
    await toggleProfilers(processes, profileKey[label]);
  }

  const browserFigures = SKIP_LCP ? null : await measureInBrowser(webUrl, ids[0]);

  console.log('\ntargets (issue 15):');
  for (const label of Object.keys(targets)) {
    const r = results[label];
    const ok200 = (r.statuses[200] ?? 0) / Math.max(1, r.requests);
    if (r.requests === 0 || ok200 < 0.99) {
      console.log(`  ${label}: NOT MEASURED (${JSON.stringify(r.statuses)})`);
      exitCode = 1;
    } else console.log(`  ${label} p95 ${r.p95.toFixed(1)} ms ≤ 100 ms: ${r.p95 <= 100 ? 'ok' : 'MISSED'} (${r.rps.toFixed(0)} req/s)`);
  }
  if (browserFigures) exitCode = Math.max(exitCode, reportBrowserFigures(browserFigures));
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
