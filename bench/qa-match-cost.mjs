#!/usr/bin/env node
// CPU cost of matching one distinct question in-process (what qa-svc's ask does per new text, without
// transport): the embedded engine's 20 loose hits + QuestionMatcher.match over the Q&A pairs, on the
// distinct texts bench/gateway-overhead.mjs asks (each stored question with a greeting and an ending).
//   node bench/qa-match-cost.mjs [--qa ../shared/data/qa.jsonl] [--asks 5000] [--limit 8] [--no-bigram] [--cpu-prof file.cpuprofile]
// Prints µs per ask for the engine, the matcher and the matcher's bigram second opinion (calibration evidence, ADR 0024)
// separately; --cpu-prof writes a V8 profile of the measured
// asks only (read it with bench/cpu-profile-top.mjs).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { EmbeddedSearchIndex } from '@govdisc/search-index';
import { QuestionMatcher } from '@govdisc/text-analysis';
import { arg, matcherSetup, readJsonl } from './relevance-common.mjs';

const QA = arg('qa', new URL('../../shared/data/qa.jsonl', import.meta.url).pathname);
const ASKS = Number(arg('asks', '5000'));
const LIMIT = Number(arg('limit', '8')); // qa-svc asks the matcher for limit + 5 (default limit 3)
const PROFILE = arg('cpu-prof', null);
/** --no-bigram: leave out the bigram second opinion (the cost before ADR 0024) */
const NO_BIGRAM = process.argv.includes('--no-bigram');
const session = PROFILE ? new Session() : null;
const post = (method, params) => new Promise((done, fail) => session.post(method, params, (e, r) => (e ? fail(e) : done(r))));

const pairs = readJsonl(QA);
let t = performance.now();
const index = new EmbeddedSearchIndex();
index.upsertSync(
  pairs.map((p) => ({
    id: p.id,
    externalId: p.id,
    title: p.question,
    agencies: [],
    topics: [],
    validity: '有效',
    publishDate: null,
    body: p.answer,
    version: 1,
  })),
);
const indexMs = performance.now() - t;
t = performance.now();
const { tuning, answerOf } = matcherSetup(); // --paraphrases off / --tuning: the cost of each paraphrase idea
const matcher = new QuestionMatcher(undefined, tuning);
for (const p of pairs) matcher.upsert(p.id, [p.question], answerOf(p));
const matcherMs = performance.now() - t;
console.log(`${pairs.length} pairs: engine built in ${indexMs.toFixed(0)} ms, matcher in ${matcherMs.toFixed(0)} ms`);

const stored = pairs.map((r) => r.question.replace(/[？?]$/u, ''));
const texts = ['', '请问', '你好，', '想问一下', '咨询一下']
  .flatMap((o) => ['', '？', '呢', '，谢谢'].map((e) => [o, e]))
  .flatMap(([o, e]) => stored.map((q) => `${o}${q}${e}`));
const step = Math.max(1, Math.floor(texts.length / ASKS));
const asks = Array.from({ length: Math.min(ASKS, texts.length) }, (_, i) => texts[(i * step) % texts.length]);

// warm-up on other texts, then measure
for (let i = 0; i < 500; i++) {
  const q = texts[(i * 7919 + 13) % texts.length];
  matcher.match(q, { engineHits: (await index.rank({ q, pageSize: 20, match: 'loose' })).hits, limit: LIMIT });
}
let engine = 0;
let match = 0;
let bigram = 0;
let checksum = 0;
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
}
const cpu = process.cpuUsage();
const wall = performance.now();
for (const q of asks) {
  const a = performance.now();
  const hits = (await index.rank({ q, pageSize: 20, match: 'loose' })).hits;
  const b = performance.now();
  const out = matcher.match(q, { engineHits: hits, limit: LIMIT });
  const c = performance.now();
  const second = NO_BIGRAM ? undefined : matcher.bigramFirst(q);
  bigram += performance.now() - c;
  match += c - b;
  engine += b - a;
  checksum += out.length + (out[0]?.confidence ?? 0) + (second === out[0]?.id ? 1 : 0);
}
const { user, system } = process.cpuUsage(cpu);
const wallMs = performance.now() - wall;
if (session) writeFileSync(PROFILE, JSON.stringify((await post('Profiler.stop')).profile));
const us = (ms) => ((1000 * ms) / asks.length).toFixed(0);
// Wall time per part; CPU time of the whole loop (the machine may be shared: the share says how much of the wall time was ours).
console.log(
  `${asks.length} distinct asks: engine ${us(engine)} µs, matcher ${us(match)} µs, bigram opinion ${us(bigram)} µs wall per ask; CPU ${((user + system) / asks.length).toFixed(0)} µs per ask (${((100 * (user + system)) / 1000 / wallMs).toFixed(0)}% of the wall time) (checksum ${checksum.toFixed(3)})`,
);
