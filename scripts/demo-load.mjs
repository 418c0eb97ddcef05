#!/usr/bin/env node
// Loads the team-written demo content (demo/*.json) through the gateway's public API.
// Idempotent: policies and Q&A are keyed by externalId, guides by code; re-running updates in place.
//   GATEWAY_URL=http://127.0.0.1:3000 node scripts/demo-load.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gateway = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const read = (name) => JSON.parse(readFileSync(join(root, 'demo', name), 'utf8'));

async function call(method, path, body) {
  const res = await fetch(`${gateway}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  return { status: res.status, json };
}

function must(result, what) {
  if (result.status >= 300) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.json)}`);
  return result.json;
}

const counts = { policies: 0, published: 0, qa: 0, guides: 0 };
for (const { publish, ...doc } of read('policies.json')) {
  const created = must(await call('POST', '/policies', doc), `policy ${doc.externalId}`);
  counts.policies++;
  if (publish && created.status === 'DRAFT') {
    must(await call('POST', `/policies/${created.id}/publish`), `publish ${doc.externalId}`);
    counts.published++;
  }
}
for (const pair of read('qa.json')) {
  must(await call('POST', '/qa/pairs', pair), `qa ${pair.externalId}`);
  counts.qa++;
}
for (const guide of read('guides.json')) {
  must(await call('POST', '/guides', guide), `guide ${guide.code}`);
  counts.guides++;
}
console.log(
  `demo content loaded via ${gateway}: ${counts.policies} policies (${counts.published} newly published), ` +
    `${counts.qa} Q&A pairs, ${counts.guides} service guides`,
);
