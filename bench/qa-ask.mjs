#!/usr/bin/env node
// Ask latency through the whole path (HTTP → gateway → NATS → qa-svc → in-process index → PostgreSQL).
// Needs the platform running (npm start) with a Q&A set imported (node scripts/qa-import.mjs ../shared/data/qa.jsonl).
//   node bench/qa-ask.mjs [--connections 50] [--seconds 20]
// Questions rotate through bench/dev-sets/qa-reworded.jsonl; the no-op route (GET /health/qa-svc/ping) and a
// light one (GET /qa/topics) are measured in the same run to show what the gateway and NATS cost on their own.
import { readFileSync } from 'node:fs';
import { call, gateway, intArg, load } from './http-load.mjs';

const CONNECTIONS = intArg('--connections', 50);
const SECONDS = intArg('--seconds', 20);
const questions = readFileSync(new URL('./dev-sets/qa-reworded.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l).question);

const ask = (agent, i) => call(agent, 'POST', '/api/v1/qa/ask', { question: questions[i % questions.length] });
const topics = (agent) => call(agent, 'GET', '/api/v1/qa/topics');
console.log(`${CONNECTIONS} connections, ${SECONDS} s each, against ${gateway.origin} (load generator shares the machine's cores)`);
process.stderr.write('warming up (3 s)…\n');
const opts = { seconds: SECONDS, connections: CONNECTIONS };
await load('warm-up (discarded)', ask, { ...opts, seconds: 3, quiet: true });
await load('GET /health/qa-svc/ping', (agent) => call(agent, 'GET', '/api/v1/health/qa-svc/ping'), opts);
await load('GET /qa/topics', topics, opts);
await load('POST /qa/ask', ask, opts);
