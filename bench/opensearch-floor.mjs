#!/usr/bin/env node
// Where OpenSearch's CPU per policy search goes, and the least any search of this index costs it (issue 12: "for a
// number that can't hold, the profile that proves where the floor is"). On one full-corpus index, one connection,
// the dev-set queries are sent as policy-svc sends them and as cheaper or costlier variants, in alternating rounds:
//   match_all          size 10, no _source: the cheapest search this index answers (the floor of any search)
//   ranking only       policy-svc's query without facets (what `rank` asks)
//   search (policy-svc) and the facet aggregations and each hit's version: exactly what policy-svc's search sends
//   rows of a page     the page's rows by _mget (display fields and body), sent only for rows not held (ADR 0044)
//   page with bodies   the search with the rows in its _source, as policy-svc sent it before ADR 0044
// A tiny one-document index answers match_all too: OpenSearch's own cost per HTTP search, whatever the index.
// Prints per variant the median over rounds of OpenSearch's CPU per search (from /proc: the node must run on this
// machine), its `took` (a search's; _mget has none), the wall time and the response size; then the most searches per second OpenSearch alone
// could answer on this machine's cores at that cost, and the least mean latency at 8 connections that implies.
//   eval "$(bash infra/scripts/up-external.sh)"; node bench/opensearch-floor.mjs [--rounds 5] [--keep-alias NAME]
// --keep-alias reuses (or fills once and keeps) an index under that alias, so repeated runs skip the ~2 min fill.
import { cpus, loadavg } from 'node:os';
import {
  OpenSearchSearchIndex,
  PAGE_SOURCE_FIELDS,
  QUESTION_SEARCH,
  buildQuery,
  renderRankBody,
  renderSearchBody,
} from '@govdisc/search-index';
import { cpuTicks } from './http-load.mjs';
import { arg, NOW, policyToDocument, readJsonl } from './relevance-common.mjs';

const node = process.env.OPENSEARCH_URL;
if (!node) {
  console.error('needs OPENSEARCH_URL: eval "$(bash infra/scripts/up-external.sh)" first');
  process.exit(2);
}
const ROUNDS = Number(arg('rounds', '5'));
const KEEP = arg('keep-alias', null);
const CORPUS = arg('corpus', new URL('../../shared/data/policies.jsonl', import.meta.url).pathname);
// As apps/policy-svc/src/search/search.service.ts asks (bench/search-rankings.mjs: AS_POLICY_SVC).
const AS_POLICY_SVC = { facetSize: 10, regionPrior: true, homeRegion: null, ...QUESTION_SEARCH, now: NOW };

const pidRes = await fetch(`${node}/_nodes/_local/process?filter_path=nodes.*.process.id`);
const osPid = Object.values((await pidRes.json()).nodes ?? {})[0]?.process?.id;
if (!osPid || cpuTicks(osPid) === null) {
  console.error(`OpenSearch at ${node} does not run on this machine: its CPU cannot be read`);
  process.exit(2);
}

const docs = readJsonl(CORPUS).map(policyToDocument);
const queries = readJsonl(new URL('./dev-sets/policy-queries.jsonl', import.meta.url)).map((q) => q.query);
const alias = KEEP ?? `govdisc-bench-floor-${process.pid}`;
const tiny = `govdisc-bench-floor-tiny-${process.pid}`;
const index = await OpenSearchSearchIndex.open({ node, alias, refresh: false, bulkSize: 500 });

async function call(method, path, body) {
  const res = await fetch(`${node}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

try {
  if ((await index.count()) !== docs.length) {
    const t0 = Date.now();
    await index.rebuild(docs);
    console.log(`filled ${alias} with ${docs.length} documents in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  await call('PUT', `/${tiny}`, { settings: { number_of_shards: 1, number_of_replicas: 0 } });
  await call('POST', `/${tiny}/_doc?refresh=true`, { id: 'one' });

  const asks = queries.map((q) => buildQuery({ q, page: 1, pageSize: 10, ...AS_POLICY_SVC }));
  const searchBodies = asks.map(renderSearchBody);
  const pageIds = [];
  for (const body of searchBodies) pageIds.push((await call('POST', `/${alias}/_search`, body)).json.hits.hits.map((h) => h._id));
  const matchAll = { size: 10, _source: false, query: { match_all: {} } };
  const rowsQuery = `realtime=false&_source_includes=${PAGE_SOURCE_FIELDS.join(',')}&filter_path=docs._source`;
  const variants = [
    { label: 'match_all, tiny index', path: `/${tiny}/_search`, bodies: [matchAll] },
    { label: 'match_all', path: `/${alias}/_search`, bodies: [matchAll] },
    { label: 'ranking only', path: `/${alias}/_search`, bodies: asks.map(renderRankBody) },
    { label: 'search (policy-svc)', path: `/${alias}/_search`, bodies: searchBodies },
    {
      label: 'rows of a page (_mget)',
      path: `/${alias}/_mget?${rowsQuery}`,
      bodies: pageIds.filter((ids) => ids.length > 0).map((ids) => ({ ids })),
    },
    {
      label: 'page with bodies (before)',
      path: `/${alias}/_search`,
      bodies: searchBodies.map(({ docvalue_fields: _v, ...b }) => ({ ...b, _source: PAGE_SOURCE_FIELDS })),
    },
  ];
  const perSearch = queries.length; // every variant sends as many searches per round
  const samples = variants.map(() => ({ cpu: [], took: [], wall: [], bytes: 0 }));
  // round 0 warms the JIT and the caches; it is not counted
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [v, variant] of variants.entries()) {
      const c0 = cpuTicks(osPid);
      const t0 = performance.now();
      let took = 0;
      let bytes = 0;
      for (let i = 0; i < perSearch; i++) {
        const r = await call('POST', variant.path, variant.bodies[i % variant.bodies.length]);
        took += r.json.took ?? 0;
        bytes += r.bytes;
      }
      if (round === 0) continue;
      const s = samples[v];
      s.cpu.push(((cpuTicks(osPid) - c0) * 10) / perSearch);
      s.took.push(took / perSearch);
      s.wall.push((performance.now() - t0) / perSearch);
      s.bytes = bytes / perSearch;
    }
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const cores = cpus().length;
  console.log(
    `\nOpenSearch ${node} (pid ${osPid}), ${docs.length} documents, ${queries.length} dev-set queries × ${ROUNDS} rounds, one connection; ` +
      `${cores} cores (${cpus()[0].model.trim()}), load ${loadavg()[0].toFixed(2)} after the run.`,
  );
  console.log('medians over rounds; the ceiling is the searches per second OpenSearch alone could answer on all cores at that CPU cost.');
  console.log(
    `${'request'.padEnd(26)} ${'OS CPU ms'.padStart(10)} ${'took ms'.padStart(8)} ${'wall ms'.padStart(8)} ${'KiB'.padStart(6)} ${'ceiling/s'.padStart(10)} ${'mean ms at 8 c'.padStart(15)}`,
  );
  for (const [v, variant] of variants.entries()) {
    const s = samples[v];
    const cpu = median(s.cpu);
    const ceiling = (cores * 1000) / cpu;
    console.log(
      `${variant.label.padEnd(26)} ${cpu.toFixed(2).padStart(10)} ${(median(s.took) ? median(s.took).toFixed(2) : '—').padStart(8)} ${median(s.wall).toFixed(2).padStart(8)} ` +
        `${(s.bytes / 1024).toFixed(1).padStart(6)} ${ceiling.toFixed(0).padStart(10)} ${((8 / ceiling) * 1000).toFixed(1).padStart(15)}`,
    );
  }
} finally {
  await call('DELETE', `/${tiny}`).catch(() => {});
  if (!KEEP) await index.drop();
  await index.close();
}
