#!/usr/bin/env node
// Parity of the two search engines behind the SearchIndex port (issue 4, "Parity"): the embedded engine
// and OpenSearch, fed the same full corpus, answer the dev queries and a set of filter-only queries.
//   eval "$(bash infra/scripts/up-external.sh)"        # starts OpenSearch, exports OPENSEARCH_URL
//   node bench/search-parity.mjs [--corpus ../shared/data/policies.jsonl] [--set bench/dev-sets/policy-queries.jsonl,…]
// Prints the mean top-10 overlap (|A∩B| / max(|A|,|B|), both empty = 1) per query kind and overall, the
// top-1 agreement, and whether filter-only queries (every facet value with ≥ 5 documents, and pairs of
// them) return equal counts. Targets: overlap ≥ 0.9, equal counts on every filter-only query.
import { resolve } from 'node:path';
import { EmbeddedSearchIndex, FACET_FIELDS, OpenSearchSearchIndex, QUESTION_SEARCH } from '@govdisc/search-index';
import { arg, f3, mean, NOW, policyToDocument, readJsonl } from './relevance-common.mjs';

const CORPUS = arg('corpus', new URL('../../shared/data/policies.jsonl', import.meta.url).pathname);
const SETS = arg(
  'set',
  ['./dev-sets/policy-queries.jsonl', './dev-sets/policy-questions-heldout.jsonl']
    .map((p) => new URL(p, import.meta.url).pathname)
    .join(','),
)
  .split(',')
  .map((p) => resolve(p));
const node = process.env.OPENSEARCH_URL;
if (!node) {
  console.error('OPENSEARCH_URL is not set: start OpenSearch with eval "$(bash infra/scripts/up-external.sh)" first');
  process.exit(2);
}
const K = 10;

const t0 = Date.now();
const docs = readJsonl(CORPUS).map(policyToDocument);
const queries = SETS.flatMap((p) => readJsonl(p));
const embedded = new EmbeddedSearchIndex();
const alias = `govdisc-bench-parity-${process.pid}`;
const opensearch = await OpenSearchSearchIndex.open({ node, alias, refresh: false, bulkSize: 500 });
process.stderr.write(`indexing ${docs.length} documents in both engines…\n`);
for (let i = 0; i < docs.length; i += 500) {
  const batch = docs.slice(i, i + 500);
  await Promise.all([embedded.upsert(batch), opensearch.upsert(batch)]);
  process.stderr.write(`  ${Math.min(i + 500, docs.length)}/${docs.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
}
await fetch(`${node}/${alias}/_refresh`, { method: 'POST' });
console.log(
  `corpus ${docs.length} docs, ${queries.length} queries; both engines filled in ${((Date.now() - t0) / 1000).toFixed(1)} s (embedded ${await embedded.count()}, OpenSearch ${await opensearch.count()})`,
);

const overlap = (a, b) => (a.length === 0 && b.length === 0 ? 1 : a.filter((id) => b.includes(id)).length / Math.max(a.length, b.length));
const rows = [];
for (const q of queries) {
  // as policy-svc asks: level and place on, best clause, question lexicon and coordinated matching on (issue 18)
  const req = { q: q.query, pageSize: K, now: NOW, regionPrior: true, ...QUESTION_SEARCH };
  const [e, o] = await Promise.all([embedded.rank(req), opensearch.rank(req)]);
  const a = e.hits.map((h) => h.id);
  const b = o.hits.map((h) => h.id);
  rows.push({ kind: q.kind, query: q.query, overlap: overlap(a, b), top1: a[0] === b[0], totals: [e.total, o.total] });
}
const kinds = [...new Set(rows.map((r) => r.kind))];
console.log('\nmean top-10 overlap (embedded vs OpenSearch):');
for (const k of [...kinds, 'overall']) {
  const sub = k === 'overall' ? rows : rows.filter((r) => r.kind === k);
  console.log(
    `  ${k.padEnd(11)} n=${String(sub.length).padStart(3)}  overlap ${f3(mean(sub.map((r) => r.overlap)))}  top-1 agree ${f3(mean(sub.map((r) => (r.top1 ? 1 : 0))))}`,
  );
}
const worst = rows
  .filter((r) => r.overlap < 0.7)
  .sort((x, y) => x.overlap - y.overlap)
  .slice(0, 10);
if (worst.length) console.log('  lowest:', worst.map((r) => `${r.query} (${f3(r.overlap)})`).join(' · '));

// Filter-only queries: every facet value holding ≥ 5 documents, and each value combined with the biggest year.
const { facets } = await embedded.search({ pageSize: 1, now: NOW });
const filterSets = [];
for (const field of FACET_FIELDS) for (const { value, count } of facets[field] ?? []) if (count >= 5) filterSets.push({ [field]: value });
const topYear = facets.year?.[0]?.value;
if (topYear) for (const f of filterSets.slice(0, 40)) if (!('year' in f)) filterSets.push({ ...f, year: topYear });
let equal = 0;
const unequal = [];
for (const filters of filterSets) {
  const [e, o] = await Promise.all([
    embedded.search({ filters, pageSize: 1, now: NOW }),
    opensearch.search({ filters, pageSize: 1, now: NOW }),
  ]);
  if (e.total === o.total) equal++;
  else unequal.push(`${JSON.stringify(filters)}: ${e.total} vs ${o.total}`);
}
console.log(`\nfilter-only queries: ${equal}/${filterSets.length} equal counts`);
for (const u of unequal.slice(0, 10)) console.log(`  ${u}`);

const overall = mean(rows.map((r) => r.overlap));
const ok = (b) => (b ? 'ok' : 'MISSED');
console.log(
  `\ntargets: mean top-10 overlap ${f3(overall)} ≥ 0.9 ${ok(overall >= 0.9)}; equal filter-only counts ${equal}/${filterSets.length} ${ok(equal === filterSets.length)}`,
);
await opensearch.drop();
await opensearch.close();
console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
