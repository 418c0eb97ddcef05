#!/usr/bin/env node
// Ask latency through the whole path (HTTP → gateway → NATS → qa-svc → in-process index → PostgreSQL).
// Needs the platform running (npm start) with a Q&A set imported (node scripts/qa-import.mjs ../shared/data/qa.jsonl).
//   node bench/qa-ask.mjs [--connections 50] [--seconds 20]
// Questions rotate through bench/dev-sets/qa-reworded.jsonl; a light route (GET /qa/topics) is measured in
// the same run to show what the gateway and NATS cost on their own.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const arg = (name, dflt) => Number(process.argv[process.argv.indexOf(name) + 1]) || dflt;
const CONNECTIONS = arg('--connections', 50);
const SECONDS = arg('--seconds', 20);
const gateway = new URL(process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000');
const questions = readFileSync(new URL('./dev-sets/qa-reworded.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l).question);

function call(agent, method, path, body) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const data = body ? Buffer.from(JSON.stringify(body)) : undefined;
    const req = request(
      { host: gateway.hostname, port: gateway.port, method, path, agent, headers: data ? { 'content-type': 'application/json', 'content-length': data.length } : {} },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      },
    );
    req.on('error', () => resolve({ status: -1, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(data);
  });
}

async function load(label, makeRequest, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies = [];
  const statuses = new Map();
  const deadline = Date.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const r = await makeRequest(agent, n++);
        latencies.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(
    `${label.padEnd(22)} ${String(latencies.length).padStart(6)} requests  ${(latencies.length / seconds).toFixed(0).padStart(5)} req/s  ` +
      `p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms  statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
}

const ask = (agent, i) => call(agent, 'POST', '/api/v1/qa/ask', { question: questions[i % questions.length] });
const topics = (agent) => call(agent, 'GET', '/api/v1/qa/topics');
console.log(`${CONNECTIONS} connections, ${SECONDS} s each, against ${gateway.origin} (load generator shares the machine's cores)`);
process.stderr.write('warming up (3 s)…\n');
await load('warm-up (discarded)', ask, 3);
await load('GET /qa/topics', topics, SECONDS);
await load('POST /qa/ask', ask, SECONDS);
