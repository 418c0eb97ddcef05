#!/usr/bin/env node
// Ask latency through the whole path (HTTP → gateway → NATS → qa-svc → in-process index and matcher).
// Needs the platform running (npm start) with a Q&A set imported (node scripts/qa-import.mjs ../shared/data/qa.jsonl).
//   node bench/qa-ask.mjs [--connections 50] [--seconds 20]
// Three ask runs, all over the same path:
//   repeated   questions rotate through bench/dev-sets/qa-reworded.jsonl (151 reworded questions): after the warm-up
//              every ask is a repeat, answered from qa-svc's per-replica cache (ASK_CACHE_SIZE) as a hotline's
//              repeated questions are
//   distinct   every ask is a text not asked before in the run (the 5,000 stored questions and the dev sets, each
//              with one of 20 greetings / endings such as 请问…？ or 想问一下…呢), so each one is matched afresh: the
//              cost of a new question
//   mixed      one ask in five distinct, the rest repeated
// The no-op route (GET /health/qa-svc/ping) and a light one (GET /qa/topics) are measured in the same run to show
// what the gateway and NATS cost on their own.
import { readFileSync } from 'node:fs';
import { call, gateway, intArg, load } from './http-load.mjs';

const CONNECTIONS = intArg('--connections', 50);
const SECONDS = intArg('--seconds', 20);
const lines = (file) =>
  readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const repeated = lines('./dev-sets/qa-reworded.jsonl').map((r) => r.question);
const qaFile = process.env.QA_FILE ?? new URL('../../shared/data/qa.jsonl', import.meta.url).pathname;
const sources = [
  ...lines('./dev-sets/qa-citizen-dev.jsonl'),
  ...lines('./dev-sets/qa-citizen-dev2.jsonl'),
  ...readFileSync(qaFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l)),
].map((r) => r.question.replace(/[？?]$/u, ''));
const openings = ['', '请问', '你好，', '想问一下', '咨询一下'];
const endings = ['', '？', '呢', '，谢谢'];
/** Distinct texts, the same question's variants far apart (a cache never sees the same text twice). */
const distinct = openings.flatMap((o) => endings.map((e) => [o, e])).flatMap(([o, e]) => sources.map((q) => `${o}${q}${e}`));
let nextDistinct = 0;
const takeDistinct = () => distinct[nextDistinct++ % distinct.length];

const ask = (agent, question) => call(agent, 'POST', '/api/v1/qa/ask', { question });
console.log(`${CONNECTIONS} connections, ${SECONDS} s each, against ${gateway.origin} (load generator shares the machine's cores)`);
console.log(`${distinct.length} distinct question texts available for the distinct run`);
process.stderr.write('warming up (3 s)…\n');
const opts = { seconds: SECONDS, connections: CONNECTIONS };
await load('warm-up (discarded)', (agent, i) => ask(agent, repeated[i % repeated.length]), { ...opts, seconds: 3, quiet: true });
await load('GET /health/qa-svc/ping', (agent) => call(agent, 'GET', '/api/v1/health/qa-svc/ping'), opts);
await load('GET /qa/topics', (agent) => call(agent, 'GET', '/api/v1/qa/topics'), opts);
await load('POST /qa/ask repeated', (agent, i) => ask(agent, repeated[i % repeated.length]), opts);
await load('POST /qa/ask distinct', (agent) => ask(agent, takeDistinct()), opts);
await load('POST /qa/ask mixed 1:4', (agent, i) => ask(agent, i % 5 === 0 ? takeDistinct() : repeated[i % repeated.length]), opts);
if (nextDistinct > distinct.length) console.log(`note: ${nextDistinct} distinct asks wanted, ${distinct.length} texts: some repeated`);
