#!/usr/bin/env node
// Question search (issue 18): passage-level retrieval, the colloquial→legal lexicon and coordinated word matching
// (ADR 0046; `shipped` = QUESTION_SEARCH, `coord-*` other exponents), on and off, over the policy dev set, the
// held-out questions, the shorthand and the order-number sets, in one index build (the embedded engine, as
// policy-svc asks: level and place prior on). Usage (from the repository root, packages built):
//   node bench/relevance-questions.mjs [--corpus ../shared/data/policies.jsonl] [--sets a.jsonl,b.jsonl] [--configs off,passages,lexicon,both]
// Prints nDCG@10 (gain 2^grade−1) per set and query kind for each configuration, and the CPU per search
// (process CPU time over all queries of all sets, µs per search, after one warm-up pass).
import { resolve } from 'node:path';
import {
  clearQueryCache,
  COORD_EXPONENT,
  COORD_SETTINGS,
  EmbeddedSearchIndex,
  LEXICON_SOURCES,
  PASSAGE_SETTINGS,
  PASSAGE_WEIGHT,
  QUESTION_SEARCH,
} from '@govdisc/search-index';
import { arg, f3, mean, ndcg, NOW, policyToDocument, readJsonl } from './relevance-common.mjs';

const CORPUS = arg('corpus', new URL('../../shared/data/policies.jsonl', import.meta.url).pathname);
const here = (p) => new URL(p, import.meta.url).pathname;
const SETS = arg(
  'sets',
  [
    here('./dev-sets/policy-queries.jsonl'),
    here('./dev-sets/policy-questions-heldout.jsonl'),
    here('./dev-sets/policy-shorthand.jsonl'),
    here('./dev-sets/policy-orders.jsonl'),
  ].join(','),
)
  .split(',')
  .map((p) => resolve(p));
const CONFIGS = {
  off: {},
  passages: { passages: true },
  'passages-1': { passages: true, weight: 1 },
  lexicon: { lexicon: true },
  both: { passages: true, lexicon: true },
  // the lexicon's two sources on their own (with passages)
  'both+mined': { passages: true, lexicon: true, sources: { hand: true, minedMinWeight: 0.25 } },
  'both-mined-only': { passages: true, lexicon: true, sources: { hand: false, minedMinWeight: 0.25 } },
  // word matching (ADR 0046): a third of the words with and without coordination, and other exponents
  'both+loose': { passages: true, lexicon: true, match: 'loose' },
  shipped: { ...QUESTION_SEARCH },
  'coord-0.25': { ...QUESTION_SEARCH, exponent: 0.25 },
  'coord-0.75': { ...QUESTION_SEARCH, exponent: 0.75 },
  'coord-1': { ...QUESTION_SEARCH, exponent: 1 },
  'coord-2': { ...QUESTION_SEARCH, exponent: 2 },
};
const chosen = arg('configs', Object.keys(CONFIGS).join(',')).split(',');
const K = 10;

const t0 = Date.now();
const docs = readJsonl(CORPUS).map(policyToDocument);
const index = new EmbeddedSearchIndex();
index.upsertSync(docs);
console.log(`corpus ${docs.length} docs, ${index.state.clauseCount} clauses, built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const sets = SETS.map((path) => ({ path, queries: readJsonl(path).map((q) => ({ ...q, kind: q.kind ?? 'shorthand' })) }));
const run = (q, extra) => index.rankSync({ q, pageSize: K, now: NOW, regionPrior: true, ...extra }).hits.map((h) => h.id);
for (const name of chosen) {
  const { sources = { hand: true, minedMinWeight: 2 }, weight = PASSAGE_WEIGHT, exponent = COORD_EXPONENT, ...extra } = CONFIGS[name];
  Object.assign(LEXICON_SOURCES, sources);
  PASSAGE_SETTINGS.weight = weight;
  COORD_SETTINGS.exponent = exponent;
  clearQueryCache();
  const all = sets.flatMap((s) => s.queries);
  for (const q of all) run(q.query, extra); // warm-up: text analysis cache, scratch arrays
  const cpu0 = process.cpuUsage();
  const reps = 3;
  for (let r = 0; r < reps; r++) for (const q of all) run(q.query, extra);
  const cpu = process.cpuUsage(cpu0);
  const us = (cpu.user + cpu.system) / (reps * all.length);
  console.log(`\n== ${name} ${JSON.stringify(extra)}  CPU ${us.toFixed(0)} µs/search (${all.length} queries × ${reps})`);
  for (const s of sets) {
    const rows = s.queries.map((q) => {
      const grades = new Map(q.judgements.map((j) => [j.id, j.grade]));
      return { q, ndcg: ndcg(run(q.query, extra), grades, K) };
    });
    const kinds = [...new Set(rows.map((r) => r.q.kind))];
    const parts = kinds.map((k) => `${k} ${f3(mean(rows.filter((r) => r.q.kind === k).map((r) => r.ndcg)))}`);
    console.log(
      `  ${s.path.split('/').pop().padEnd(36)} overall ${f3(mean(rows.map((r) => r.ndcg)))} n=${rows.length} | ${parts.join(' | ')}`,
    );
    if (process.argv.includes('--misses'))
      for (const r of rows.filter((r) => r.ndcg < 0.6))
        console.log(`     ${r.q.id} ${f3(r.ndcg)} ${r.q.query} → ${run(r.q.query, extra).slice(0, 3).join(' ')}`);
  }
}
