#!/usr/bin/env node
// Rankings of the dev queries, saved and compared: proves a change to the search path left the
// rankings alone (issue 12, "Relevance unchanged"). Runs search() with the options policy-svc's search
// passes (rows with snippets, 10 facet values, the region prior, passage scoring and the question
// lexicon, coordinated word matching: QUESTION_SEARCH; --home-region as SEARCH_HOME_REGION) on the full corpus for every query of bench/dev-sets/policy-queries.jsonl, pages 1
// and 2 by relevance and page 1 by date, on the embedded engine or (--opensearch, needs
// OPENSEARCH_URL) on OpenSearch under a throwaway alias.
//   node bench/search-rankings.mjs --save /tmp/rankings-before.json [--opensearch]
//   node bench/search-rankings.mjs --compare /tmp/rankings-before.json [--opensearch]
// --compare fails (exit 1) when any page differs in ids, order, scores, totals or facets; snippets may
// change shape, but each must still be non-empty and highlight a term whenever the saved one did.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EmbeddedSearchIndex, OpenSearchSearchIndex, QUESTION_SEARCH } from '@govdisc/search-index';
import { arg, NOW, policyToDocument, readJsonl } from './relevance-common.mjs';

const CORPUS = arg('corpus', new URL('../../shared/data/policies.jsonl', import.meta.url).pathname);
const SET = resolve(arg('set', new URL('./dev-sets/policy-queries.jsonl', import.meta.url).pathname));
const SAVE = arg('save', null);
const COMPARE = arg('compare', null);
const OPENSEARCH = process.argv.includes('--opensearch');
/** --home-region 浙江省杭州市: what a deployment with SEARCH_HOME_REGION set would rank */
const HOME_REGION = arg('home-region', null);
// As apps/policy-svc/src/search/search.service.ts asks (PAGE_FACET_VALUES, regionPrior, QUESTION_SEARCH).
const AS_POLICY_SVC = { facetSize: 10, regionPrior: true, homeRegion: HOME_REGION, ...QUESTION_SEARCH };
if (!SAVE === !COMPARE) {
  console.error('usage: node bench/search-rankings.mjs (--save FILE | --compare FILE) [--opensearch]');
  process.exit(2);
}

const docs = readJsonl(CORPUS).map(policyToDocument);
const queries = readJsonl(SET).map((q) => q.query);
let index;
if (OPENSEARCH) {
  const node = process.env.OPENSEARCH_URL;
  if (!node) throw new Error('OPENSEARCH_URL is not set: eval "$(bash infra/scripts/up-external.sh)" first');
  index = await OpenSearchSearchIndex.open({ node, alias: `govdisc-bench-rankings-${process.pid}`, refresh: false, bulkSize: 500 });
  await index.rebuild(docs);
} else {
  index = new EmbeddedSearchIndex();
  index.upsertSync(docs);
}

// Scores are compared as float32 (OpenSearch answers float32; the embedded engine doubles of float32 sums).
const f32 = Math.fround;
const requests = queries.flatMap((q) => [
  { q, page: 1, pageSize: 10 },
  { q, page: 2, pageSize: 10 },
  { q, page: 1, pageSize: 10, sort: 'date' },
]);
const pages = [];
try {
  for (const req of requests) {
    const r = await index.search({ ...req, ...AS_POLICY_SVC, now: NOW });
    pages.push({
      request: req,
      total: r.total,
      ids: r.items.map((h) => h.id),
      scores: r.items.map((h) => f32(h.score)),
      snippets: r.items.map((h) => h.snippet),
      rows: r.items.map(({ snippet: _s, score: _sc, ...row }) => row),
      facets: r.facets,
    });
  }
} finally {
  if (OPENSEARCH) {
    await index.drop();
    await index.close();
  }
}
const engine = OPENSEARCH ? 'opensearch' : 'embedded';

if (SAVE) {
  writeFileSync(SAVE, JSON.stringify({ engine, corpus: docs.length, options: AS_POLICY_SVC, pages }));
  console.log(`${engine}: ${pages.length} pages of ${queries.length} dev queries saved to ${SAVE}`);
  process.exit(0);
}

const before = JSON.parse(readFileSync(COMPARE, 'utf8'));
if (before.engine !== engine || before.pages.length !== pages.length || JSON.stringify(before.options) !== JSON.stringify(AS_POLICY_SVC))
  throw new Error(
    `${COMPARE} holds ${before.engine}, ${before.pages.length} pages asked with ${JSON.stringify(before.options ?? 'no options (an older save)')}; ` +
      `this run: ${engine}, ${pages.length} with ${JSON.stringify(AS_POLICY_SVC)}: save again with this script`,
  );
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const highlights = (s) => s.includes('<em>');
let differing = 0;
let snippetChanged = 0;
let snippetBad = 0;
pages.forEach((now, i) => {
  const was = before.pages[i];
  const what = ['ids', 'scores', 'total', 'rows', 'facets'].filter((k) => !same(now[k], was[k]));
  if (what.length) {
    differing++;
    if (differing <= 10)
      console.log(
        `DIFFERENT ${JSON.stringify(now.request)}: ${what.join(', ')}\n  before ${was.ids.join(' ')}\n  after  ${now.ids.join(' ')}`,
      );
  }
  now.snippets.forEach((s, j) => {
    if (s === was.snippets[j]) return;
    snippetChanged++;
    if (!s || (highlights(was.snippets[j] ?? '') && !highlights(s))) {
      snippetBad++;
      if (snippetBad <= 10)
        console.log(`SNIPPET LOST ITS HIGHLIGHT ${JSON.stringify(now.request)} #${j}:\n  before ${was.snippets[j]}\n  after  ${s}`);
    }
  });
});
const snippets = pages.reduce((n, p) => n + p.snippets.length, 0);
console.log(
  `${engine}: ${pages.length} pages (${queries.length} dev queries × relevance p1, p2, date p1): ${pages.length - differing} identical in ids, order, scores, totals, rows and facets, ${differing} different; ` +
    `snippets ${snippets - snippetChanged}/${snippets} identical, ${snippetChanged} changed, ${snippetBad} changed for the worse`,
);
process.exit(differing || snippetBad ? 1 : 0);
