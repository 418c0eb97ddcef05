#!/usr/bin/env node
// Loads the team-written demo content (demo/*.json) through the gateway's public API.
// Idempotent: policies and Q&A are keyed by externalId, guides by code; re-running updates in place.
//   GATEWAY_URL=http://127.0.0.1:3000 node scripts/demo-load.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { login } from './lib/api-client.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (name) => JSON.parse(readFileSync(join(root, 'demo', name), 'utf8'));
const api = await login();
const call = async (method, path, body) => {
  try {
    return { status: 200, json: await api.call(method, path, body) };
  } catch (error) {
    return { status: error.status ?? 0, json: error.body ?? { message: error.message } };
  }
};
const must = (result, what) => {
  if (result.status >= 300) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.json)}`);
  return result.json;
};

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
  `demo content loaded via ${api.gateway}: ${counts.policies} policies (${counts.published} newly published), ` +
    `${counts.qa} Q&A pairs, ${counts.guides} service guides`,
);
