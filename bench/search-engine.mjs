#!/usr/bin/env node
// Embedded search engine benchmark over the full shared corpus (issue 4 "Numbers").
// Usage (from /work/main, after building the packages):
//   npx tsc -p packages/text-analysis/tsconfig.build.json && npx tsc -p packages/search-index/tsconfig.build.json
//   node --expose-gc bench/search-engine.mjs [--corpus ../shared/data/policies.jsonl] [--queries 5000]
// Prints: analysis+indexing docs/s and MB/s, index RSS/heap, snapshot size, restart time in a fresh
// process (load snapshot + first query), and p50/p90/p99 latency over a query mix.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EmbeddedSearchIndex, loadSnapshot, saveSnapshot } from '@govdisc/search-index';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const CORPUS = arg('corpus', new URL('../../shared/data/policies.jsonl', import.meta.url).pathname);
const QUERIES = Number(arg('queries', '5000'));
const MB = 1024 * 1024;
const gc = () => globalThis.gc?.();
const mem = () => ({ rss: process.memoryUsage().rss / MB, heap: process.memoryUsage().heapUsed / MB });

function toDocument(r, i) {
  // The corpus has no validity; mark every 10th document repealed so the prior is exercised.
  const validity = i % 10 === 9 ? '废止' : '有效';
  return {
    id: r.id,
    externalId: r.id,
    title: r.title,
    docNumber: r.docNumber,
    agencies: r.agency ? r.agency.split('、') : [],
    docType: r.docType,
    level: r.level,
    region: r.region,
    topics: r.category ? [r.category] : [],
    validity,
    publishDate: r.publishDate,
    body: r.body,
    version: 1,
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function restartChild(path) {
  const t0 = performance.now();
  const index = await loadSnapshot(path);
  const loaded = performance.now();
  await index.search({ q: '社会保险' });
  const ready = performance.now();
  gc();
  const m = mem();
  console.log(JSON.stringify({ loadMs: loaded - t0, readyMs: ready - t0, rss: m.rss, heap: m.heap, docs: await index.count() }));
}

function build(lines, bytes) {
  const index = new EmbeddedSearchIndex();
  const t0 = performance.now();
  const batch = 250;
  for (let i = 0; i < lines.length; i += batch) {
    index.upsertSync(lines.slice(i, i + batch).map((l, j) => toDocument(JSON.parse(l), i + j)));
    const done = Math.min(i + batch, lines.length);
    if (done % 1000 === 0 || done === lines.length) {
      const s = (performance.now() - t0) / 1000;
      process.stderr.write(`  indexed ${done}/${lines.length} docs, ${(done / s).toFixed(0)} docs/s\n`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `build: ${lines.length} docs, ${(bytes / MB).toFixed(1)} MB in ${seconds.toFixed(1)} s = ${(lines.length / seconds).toFixed(0)} docs/s, ${(bytes / MB / seconds).toFixed(2)} MB/s (JSON parse + analysis + indexing)`,
  );
  return { index, seconds };
}

/** 60 % one/two-word topics, 20 % doc numbers typed loosely, 10 % colloquial questions, 10 % facet-only. */
function queryMix(docs) {
  const topics = [
    '社会保险',
    '住房公积金',
    '医保',
    '劳动合同',
    '食品安全',
    '环境保护',
    '个税',
    '疫情防控',
    '复工复产',
    '低保',
    '道路交通',
    '消防安全',
    '物业管理',
    '安全生产',
    '未成年人',
    '残疾人 补贴',
    '养老服务',
    '知识产权',
    '行政处罚',
    '信息公开',
    '税收征收',
    '中小企业 贷款',
    '电梯',
    '城乡规划',
    '野生动物',
    '义务教育',
    '医疗机构',
    '年假',
    '工伤',
    '房屋征收',
    '人民调解',
    '律师',
    '民事诉讼',
    '档案',
    '水污染',
    '旅游',
    '农村土地',
    '公租房',
    '外商投资',
    '网络安全',
  ];
  const questions = [
    '请问公积金怎么提取',
    '失业了社保怎么办',
    '企业复工有什么补贴政策',
    '带薪年休假有几天',
    '交通事故责任怎么认定',
    '小区物业费谁来定',
    '个人所得税专项附加扣除有哪些',
    '残疾人可以领什么补贴',
    '疫情期间房租能不能减免',
    '怎么申请政府信息公开',
  ];
  const numbered = docs.filter((d) => d.docNumber && /〔\d{4}〕|令第|公告/u.test(d.docNumber));
  const loose = (s, i) =>
    i % 3 === 0 ? s.replace(/〔(\d{4})〕/u, '$1年') : i % 3 === 1 ? s.replace(/[〔〕]/gu, '') : s.replace(/〔(\d{4})〕/u, '[$1]');
  const facets = [
    { level: '省' },
    { docType: '法律' },
    { region: '浙江省' },
    { year: '2020' },
    { validity: '有效', level: '国务院' },
    { docType: ['地方性法规', '行政法规'] },
  ];
  const mix = [];
  for (let i = 0; i < 100; i++) {
    if (i < 60) mix.push({ kind: 'topic', req: { q: topics[i % topics.length] } });
    else if (i < 80) mix.push({ kind: 'docno', req: { q: loose(numbered[(i * 37) % numbered.length].docNumber, i) } });
    else if (i < 90) mix.push({ kind: 'question', req: { q: questions[i % questions.length] } });
    else mix.push({ kind: 'facets', req: { filters: facets[i % facets.length] } });
  }
  return mix;
}

/** `run` is one call of the engine; latency per call, overall and per query kind. */
async function measure(label, run, mix) {
  for (let i = 0; i < 300; i++) await run(mix[i % mix.length].req); // warm-up, discarded
  const byKind = new Map();
  const all = [];
  console.log(label);
  for (let i = 0; i < QUERIES; i++) {
    const { kind, req } = mix[(i * 7) % mix.length];
    const t = process.hrtime.bigint();
    await run(req);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    all.push(ms);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  }
  const line = (name, xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${name.padEnd(9)} n=${String(s.length).padEnd(5)} p50 ${percentile(s, 50).toFixed(3)} ms  p90 ${percentile(s, 90).toFixed(3)} ms  p99 ${percentile(s, 99).toFixed(3)} ms`;
  };
  console.log(line('all', all));
  for (const [k, xs] of byKind) console.log(line(k, xs));
  const s = [...all].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99) };
}

async function main() {
  if (process.argv[2] === '--child-load') return restartChild(process.argv[3]);
  console.log(`node ${process.version}, corpus ${CORPUS}`);
  const text = readFileSync(CORPUS, 'utf8');
  const lines = text.split('\n').filter(Boolean);
  const bytes = Buffer.byteLength(text);
  const { index, seconds } = build(lines, bytes);
  const docs = lines.map((l, i) => toDocument(JSON.parse(l), i));
  gc();
  const m = mem();
  console.log(
    `memory after build + GC: RSS ${m.rss.toFixed(0)} MB, heap used ${m.heap.toFixed(0)} MB (includes the corpus text held by the bench)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'govdisc-bench-'));
  const path = join(dir, 'policies.snap');
  let t = performance.now();
  await saveSnapshot(index, path);
  console.log(`snapshot: ${(statSync(path).size / MB).toFixed(1)} MB written in ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  await loadSnapshot(path);
  console.log(`snapshot load (in this process): ${(performance.now() - t).toFixed(0)} ms`);
  const child = spawnSync(process.execPath, ['--expose-gc', new URL(import.meta.url).pathname, '--child-load', path], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  const restart = JSON.parse(child.stdout.trim().split('\n').at(-1));
  console.log(
    `restart in a fresh process: snapshot loaded in ${restart.loadMs.toFixed(0)} ms, first answer at ${restart.readyMs.toFixed(0)} ms; index RSS ${restart.rss.toFixed(0)} MB (heap ${restart.heap.toFixed(0)} MB) for ${restart.docs} docs`,
  );
  rmSync(dir, { recursive: true, force: true });

  const mix = queryMix(docs);
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} CPUs (other work on the machine inflates latencies)`,
  );
  process.stderr.write(`  running ${QUERIES} queries twice…\n`);
  const lat = await measure(
    'engine alone (match, BM25, prior, filters, facets, top 10: EmbeddedSearchIndex.rankSync):',
    (req) => index.rankSync(req),
    mix,
  );
  const full = await measure('full search() incl. result rows and highlighted snippets:', (req) => index.search(req), mix);
  const ok = (b) => (b ? 'ok' : 'MISSED');
  console.log(
    `targets (engine alone): p50 ≤ 1 ms ${ok(lat.p50 <= 1)}, p99 ≤ 5 ms ${ok(lat.p99 <= 5)}; full search p50 ${full.p50.toFixed(3)} ms, p99 ${full.p99.toFixed(3)} ms; ` +
      `RSS ≤ 1 GB ${ok(restart.rss <= 1024)}, restart ≤ 5 s ${ok(restart.readyMs <= 5000)}, import ≥ 100 docs/s ${ok(lines.length / seconds >= 100)}`,
  );
}

await main();
