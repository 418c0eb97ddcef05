#!/usr/bin/env node
// Loads the team-written demo content (demo/*.json) through the gateway's public API, with four eyes:
// an editor (DEMO_EDITOR, default editor1) saves every item, a reviewer (DEMO_REVIEWER, default
// reviewer1) publishes what is marked `publish` (all guides). Idempotent: policies and Q&A are keyed by
// externalId, guides and bundles by code, sites by id; re-running the same content changes nothing.
//   GATEWAY_URL=http://127.0.0.1:3000 node scripts/demo-load.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loginEditor, loginReviewer } from './lib/api-client.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (name) => JSON.parse(readFileSync(join(root, 'demo', name), 'utf8'));
const [editor, reviewer] = await Promise.all([loginEditor(), loginReviewer()]);
const caller = (api) => async (method, path, body) => {
  try {
    return { status: 200, json: await api.call(method, path, body) };
  } catch (error) {
    return { status: error.status ?? 0, json: error.body ?? { message: error.message } };
  }
};
const asEditor = caller(editor);
const asReviewer = caller(reviewer);
const must = (result, what) => {
  if (result.status >= 300) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.json)}`);
  return result.json;
};
/** A draft, or a published item with an edit waiting: the reviewer has something to publish. */
const unpublished = (item) => item.status === 'DRAFT' || !!item.pendingEdit;

const counts = { policies: 0, qa: 0, sites: 0, guides: 0, bundles: 0, published: 0 };
for (const { publish, ...doc } of read('policies.json')) {
  const saved = must(await asEditor('POST', '/policies', doc), `policy ${doc.externalId}`);
  counts.policies++;
  if (publish && unpublished(saved)) {
    must(await asReviewer('POST', `/policies/${saved.id}/publish`), `publish policy ${doc.externalId}`);
    counts.published++;
  }
}
for (const { publish, ...pair } of read('qa.json')) {
  const saved = must(await asEditor('POST', '/qa/pairs', pair), `qa ${pair.externalId}`);
  counts.qa++;
  if (publish && unpublished(saved)) {
    // The reviewer signs off the editor's text: the same pair with publish:true.
    must(await asReviewer('POST', '/qa/pairs', { ...pair, publish: true }), `publish qa ${pair.externalId}`);
    counts.published++;
  }
}
/** Saves each item as the editor, then the reviewer publishes what is unpublished (sites before the matters naming them, bundles last). */
async function loadContent(file, { path, key, what }) {
  for (const item of read(file)) {
    const id = item[key];
    const saved = must(await asEditor('POST', path, item), `${what} ${id}`);
    counts[what]++;
    if (unpublished(saved)) {
      must(await asReviewer('POST', `${path}/${encodeURIComponent(id)}/publish`), `publish ${what} ${id}`);
      counts.published++;
    }
  }
}
await loadContent('sites.json', { path: '/sites', key: 'id', what: 'sites' });
await loadContent('guides.json', { path: '/guides', key: 'code', what: 'guides' });
await loadContent('bundles.json', { path: '/bundles', key: 'code', what: 'bundles' });
console.log(
  `demo content loaded via ${editor.gateway} (written by ${editor.username}, published by ${reviewer.username}): ` +
    `${counts.policies} policies, ${counts.qa} Q&A pairs, ${counts.sites} service sites, ${counts.guides} service guides, ${counts.bundles} bundles; ${counts.published} newly published`,
);
