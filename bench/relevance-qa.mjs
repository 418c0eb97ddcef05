#!/usr/bin/env node
// Q&A matching quality (issue 5 "Numbers", matching-quality bullet) on bench/dev-sets/qa-reworded.jsonl.
// Usage (from /work/main, packages built):
//   node bench/relevance-qa.mjs [--qa ../shared/data/qa.jsonl] [--set bench/dev-sets/qa-reworded.jsonl] [--misses]
// Indexes the 5,000 Q&A pairs in the embedded engine (question = title field, weighted ×3 by the
// pipeline; answer = body) and, in the same run:
//   pipeline      package defaults as qa-svc's ask uses them (jieba + domain dictionaries, synonyms, title^3, title bigrams, loose 1/3 match)
//   baseline      same engine, default analysis: single Han characters, question = answer weight, OR match, no synonyms
//   jieba-plain   (extra, for reference) same engine over plain jieba words, baseline query rules
// Reports top-1 / top-3 accuracy and MRR@10 (a hit = any of the question's acceptable answer ids),
// overall and per variation (colloquial, no-place, abbreviation, typo). --what-if adds a row for the pipeline
// with the recommended Q&A-mode code changes simulated on its query AST (not the shipped pipeline).
import { resolve } from 'node:path';
import { rankAnswers } from '@govdisc/text-analysis';
import { baselineRank, buildIndices, charTokens, f3, mean, NOW, plainJiebaTokens, readJsonl, rr, whatIfRanker } from './relevance-common.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const QA = arg('qa', new URL('../../shared/data/qa.jsonl', import.meta.url).pathname);
const SET = resolve(arg('set', new URL('./dev-sets/qa-reworded.jsonl', import.meta.url).pathname));
const SHOW_MISSES = process.argv.includes('--misses');
const WHAT_IF = process.argv.includes('--what-if');
const K = 10;
/** Candidates the ask service re-ranks (qa-svc ask.service.ts CANDIDATES). */
const ASK_CANDIDATES = 30;

function toDocument(p) {
  return {
    id: p.id, externalId: p.id, title: p.question, docNumber: null, agencies: [], docType: 'qa', level: null, region: null,
    topics: [], validity: '有效', publishDate: null, body: p.answer, version: 1,
  };
}

async function main() {
  const t0 = Date.now();
  const set = readJsonl(SET);
  const pairs = readJsonl(QA);
  const byId = new Map(pairs.map((p) => [p.id, p]));
  const unknown = set.flatMap((s) => s.answerIds.filter((id) => !byId.has(id)));
  if (unknown.length) throw new Error(`answer ids not in ${QA}: ${unknown.join(', ')}`);
  process.stderr.write(`building pipeline + baselines over ${pairs.length} Q&A pairs…\n`);
  const { pipeline, base } = buildIndices(pairs.map(toDocument), { baseline: { tokenize: charTokens }, 'jieba-plain': { reuse: true } }, { label: 'pairs', every: 1000 });
  console.log(`${pairs.length} Q&A pairs, ${set.length} reworded questions (${SET}), indices built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const systems = {
    // Exactly as qa-svc's ask does it: loose word matching (askers add words the stored question
    // lacks), then rankAnswers re-weighs the candidates by the places asked about.
    pipeline: (q) => rankAnswers(q, pipeline.rank({ q, pageSize: ASK_CANDIDATES, now: NOW, match: 'loose' }).hits, (id) => byId.get(id).question).slice(0, K).map((r) => r.id),
    baseline: (q) => baselineRank(base.baseline, charTokens(q), K),
    'jieba-plain': (q) => baselineRank(base['jieba-plain'], plainJiebaTokens(q), K),
  };
  // --what-if: the pipeline with the recommended Q&A-mode code changes (see relevance-common.mjs)
  if (WHAT_IF) systems['what-if'] = await whatIfRanker(pipeline, { qaMode: true }, K);
  const results = {};
  for (const [name, run] of Object.entries(systems)) {
    results[name] = set.map((s) => {
      const ok = new Set(s.answerIds);
      const ranked = run(s.question);
      const r = rr(ranked, (id) => ok.has(id));
      return { s, ranked, rr: r, top1: r === 1, top3: r >= 1 / 3 };
    });
  }
  const line = (label, subset) => `${label.padEnd(13)} n=${String(subset.length).padStart(3)}  ` + Object.keys(systems).map((name) => {
    const rs = results[name].filter((r) => subset.includes(r.s));
    return `${name} top1 ${f3(mean(rs.map((r) => +r.top1)))} top3 ${f3(mean(rs.map((r) => +r.top3)))} MRR ${f3(mean(rs.map((r) => r.rr)))}`;
  }).join(' | ');
  console.log('\nper variation (MRR@10):');
  for (const v of [...new Set(set.map((s) => s.variation))]) console.log(line(v, set.filter((s) => s.variation === v)));
  console.log(line('overall', set));

  const P1 = mean(results.pipeline.map((r) => +r.top1));
  const P3 = mean(results.pipeline.map((r) => +r.top3));
  const B1 = mean(results.baseline.map((r) => +r.top1));
  const ok = (b) => (b ? 'ok' : 'MISSED');
  console.log(`\ntargets: top-1 ${f3(P1)} ≥ 0.9 ${ok(P1 >= 0.9)}; top-3 ${f3(P3)} ≥ 0.97 ${ok(P3 >= 0.97)}; top-1 lead over baseline ${f3(P1 - B1)} ≥ 0.1 ${ok(P1 - B1 >= 0.1)}`);

  if (SHOW_MISSES) {
    console.log('\npipeline misses (acceptable answer not first):');
    for (const r of results.pipeline) {
      if (r.top1) continue;
      const got = r.ranked[0] ? byId.get(r.ranked[0]).question.slice(0, 30) : '(no result)';
      console.log(`  ${r.s.id} ${r.s.variation.padEnd(12)} RR ${f3(r.rr)}  ${r.s.question}  →  ${got}   [want: ${byId.get(r.s.answerIds[0]).question.slice(0, 30)}]`);
    }
  }
  console.log(`\ndone in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
