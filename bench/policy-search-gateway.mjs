#!/usr/bin/env node
// Policy search through the whole path (issue 4, "Through the gateway"): HTTP → gateway → NATS →
// policy-svc → engine, at 8 connections for 30 s, with the no-op route over the same path
// (GET /health/policy-svc/ping: gateway → NATS → policy-svc → back, no engine) in the same run.
// Needs the platform running with the full corpus imported, and a rate limit that lets a benchmark through:
//   RATE_LIMIT_PER_MINUTE=1000000 npm start          (or OPENSEARCH_URL=… for the OpenSearch engine)
//   node scripts/policy-import.mjs ../shared/data/policies.jsonl
//   node bench/policy-search-gateway.mjs [--connections 8] [--seconds 30]
// Queries rotate through bench/dev-sets/policy-queries.jsonl (colloquial, titles, doc numbers, questions).
import { readFileSync } from 'node:fs';
import { call, gateway, intArg, load } from './http-load.mjs';

const CONNECTIONS = intArg('--connections', 8);
const SECONDS = intArg('--seconds', 30);
const queries = readFileSync(new URL('./dev-sets/policy-queries.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l).query);

const health = await (await fetch(new URL('/api/v1/health', gateway))).json().catch(() => null);
const probe = await call(undefined, 'GET', `/api/v1/policies/search?q=${encodeURIComponent(queries[0])}`);
if (probe.status !== 200) {
  console.error(`search answered ${probe.status}: is the platform running at ${gateway.origin}?`);
  process.exit(2);
}
console.log(
  `${CONNECTIONS} connections, ${SECONDS} s per route, against ${gateway.origin}; services ${health?.status ?? 'unknown'}; the load generator shares the machine's cores`,
);

const ping = (agent) => call(agent, 'GET', '/api/v1/health/policy-svc/ping');
const search = (agent, i) => call(agent, 'GET', `/api/v1/policies/search?q=${encodeURIComponent(queries[i % queries.length])}`);
process.stderr.write('warming up (5 s)…\n');
await load('warm-up', search, { seconds: 5, connections: CONNECTIONS, quiet: true });
const noop = await load('GET /health/policy-svc/ping', ping, { seconds: SECONDS, connections: CONNECTIONS });
const real = await load('GET /policies/search', search, { seconds: SECONDS, connections: CONNECTIONS });
console.log(
  `\npath overhead (no-op route): p50 ${noop.p50.toFixed(2)} ms, p95 ${noop.p95.toFixed(2)} ms at ${noop.rps.toFixed(0)} req/s; ` +
    `search adds p50 ${(real.p50 - noop.p50).toFixed(2)} ms over it`,
);
console.log(
  `targets (embedded engine): ≥ 2000 req/s ${real.rps >= 2000 ? 'ok' : 'MISSED'}; p95 ≤ 10 ms ${real.p95 <= 10 ? 'ok' : 'MISSED'} (OpenSearch: p95 ≤ 50 ms)`,
);
