#!/usr/bin/env node
// Q&A matching quality (issue 5 "Numbers", matching-quality bullet) on bench/dev-sets/qa-reworded.jsonl.
// Usage (from /work/main, packages built):
//   node bench/relevance-qa.mjs [--qa ../shared/data/qa.jsonl] [--set bench/dev-sets/qa-reworded.jsonl]
//        [--unanswerable bench/dev-sets/qa-unanswerable.jsonl] [--threshold 0.5] [--misses] [--dump file.jsonl]
// Held-out check (never used for tuning):
//   node bench/relevance-qa.mjs --set bench/dev-sets/qa-heldout.jsonl --unanswerable bench/dev-sets/qa-unanswerable-heldout.jsonl
// Indexes the 5,000 Q&A pairs in the embedded engine (question = title field, weighted ×3 by the
// pipeline; answer = body) and in a QuestionMatcher (questions, answers for ranking), and, in the same run:
//   pipeline      as qa-svc's ask does it: the engine's 20 best (loose 1/3 match) + the matcher's own candidates,
//                 ranked by QuestionMatcher (IDF-weighted word, sound-keyed character-pair and character coverage
//                 both ways, synonyms, intent and place factors, the engine's score as a prior)
//   baseline      same engine, default analysis: single Han characters, question = answer weight, OR match, no synonyms
//   jieba-plain   (extra, for reference) same engine over plain jieba words, baseline query rules
// Reports top-1 / top-3 accuracy and MRR@10 (a hit = any of the question's acceptable answer ids),
// overall and per variation (colloquial, no-place, abbreviation, typo, long), then how the pipeline's
// confidence separates: answerable questions answered right with confidence ≥ threshold, answered wrong
// with it, and the false-accept rate on questions the pairs cannot answer (top confidence ≥ threshold).
// --dump writes the pipeline's answer to every question (answerable, then unanswerable) as JSON lines: its
// top-10 ids in order, the top 3 with confidence and score (rounded to 1e-9) and whether the top one is accepted,
// the engine's hits handed to the matcher, the bigram second opinion, the calibrated confidences of the top 3 and
// whether qa-svc would answer (QA_CONFIDENCE_MODEL's threshold), so two builds can be compared with `cmp` (a matcher change that keeps the ranking must keep these identical).
// --what-if adds a row for the engine with the recommended Q&A-mode code changes simulated on its query AST.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { calibrateMatches, QA_CONFIDENCE_MODEL, QuestionMatcher } from '@govdisc/text-analysis';
import {
  arg,
  baselineRank,
  buildIndices,
  charTokens,
  f3,
  mean,
  NOW,
  plainJiebaTokens,
  qaPairToDocument,
  readJsonl,
  rr,
  whatIfRanker,
  matcherSetup,
} from './relevance-common.mjs';

const QA = arg('qa', new URL('../../shared/data/qa.jsonl', import.meta.url).pathname);
const SET = resolve(arg('set', new URL('./dev-sets/qa-reworded.jsonl', import.meta.url).pathname));
const UNANSWERABLE = resolve(arg('unanswerable', new URL('./dev-sets/qa-unanswerable.jsonl', import.meta.url).pathname));
const THRESHOLD = Number(arg('threshold', '0.5'));
/** qa-svc ASK_SUGGESTION_MIN_CONFIDENCE: below the threshold, candidates this close are offered as "您是不是想问" */
const SUGGESTION_FLOOR = Number(arg('suggestion-floor', '0.15'));
const SHOW_MISSES = process.argv.includes('--misses');
const WHAT_IF = process.argv.includes('--what-if');
const DUMP = arg('dump', null);
const K = 10;
/** Engine hits the ask service hands the matcher (qa-svc ask.service.ts ENGINE_CANDIDATES). */
const ASK_CANDIDATES = 20;

async function main() {
  const t0 = Date.now();
  const set = readJsonl(SET);
  const pairs = readJsonl(QA);
  const byId = new Map(pairs.map((p) => [p.id, p]));
  const unknown = set.flatMap((s) => s.answerIds.filter((id) => !byId.has(id)));
  if (unknown.length) throw new Error(`answer ids not in ${QA}: ${unknown.join(', ')}`);
  process.stderr.write(`building pipeline + baselines over ${pairs.length} Q&A pairs…\n`);
  const { pipeline, base } = buildIndices(
    pairs.map(qaPairToDocument),
    { baseline: { tokenize: charTokens }, 'jieba-plain': { reuse: true } },
    { label: 'pairs', every: 1000 },
  );
  const { tuning, answerOf } = matcherSetup();
  const matcher = new QuestionMatcher(undefined, tuning);
  for (const p of pairs) matcher.upsert(p.id, [p.question], answerOf(p));
  console.log(
    `${pairs.length} Q&A pairs, ${set.length} reworded questions (${SET}), indices and matcher built in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const engineHitsOf = (q) => pipeline.rankSync({ q, pageSize: ASK_CANDIDATES, now: NOW, match: 'loose' }).hits;
  const ask = (q) => matcher.match(q, { engineHits: engineHitsOf(q), limit: K });

  const systems = {
    // Exactly as qa-svc's ask does it: the engine's hits with loose word matching (askers add words the
    // stored question lacks) and the matcher's own candidates, ranked by the matcher.
    pipeline: (q) => ask(q).map((r) => r.id),
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
  const line = (label, subset) =>
    `${label.padEnd(13)} n=${String(subset.length).padStart(3)}  ` +
    Object.keys(systems)
      .map((name) => {
        const rs = results[name].filter((r) => subset.includes(r.s));
        return `${name} top1 ${f3(mean(rs.map((r) => +r.top1)))} top3 ${f3(mean(rs.map((r) => +r.top3)))} MRR ${f3(mean(rs.map((r) => r.rr)))}`;
      })
      .join(' | ');
  console.log('\nper variation (MRR@10):');
  for (const v of [...new Set(set.map((s) => s.variation))])
    console.log(
      line(
        v,
        set.filter((s) => s.variation === v),
      ),
    );
  console.log(line('overall', set));

  const P1 = mean(results.pipeline.map((r) => +r.top1));
  const P3 = mean(results.pipeline.map((r) => +r.top3));
  const B1 = mean(results.baseline.map((r) => +r.top1));
  const ok = (b) => (b ? 'ok' : 'MISSED');
  console.log(
    `\ntargets: top-1 ${f3(P1)} ≥ 0.9 ${ok(P1 >= 0.9)}; top-3 ${f3(P3)} ≥ 0.97 ${ok(P3 >= 0.97)}; top-1 lead over baseline ${f3(P1 - B1)} ≥ 0.1 ${ok(P1 - B1 >= 0.1)}`,
  );

  // Confidence: does it separate what we can answer from what we cannot?
  const answerable = set.map((s) => ({ s, top: ask(s.question)[0] }));
  const unanswerable = readJsonl(UNANSWERABLE).map((s) => ({ s, top: ask(s.question)[0] }));
  const sure = (r) => (r.top?.confidence ?? 0) >= THRESHOLD;
  const right = answerable.filter((r) => sure(r) && r.s.answerIds.includes(r.top.id)).length;
  const wrong = answerable.filter((r) => sure(r) && !r.s.answerIds.includes(r.top.id)).length;
  const falseAccepts = unanswerable.filter(sure);
  console.log(
    `\nconfidence ≥ ${THRESHOLD}: answerable n=${answerable.length} answered right ${f3(right / answerable.length)}, answered wrong ${f3(wrong / answerable.length)}, withheld ${f3(1 - (right + wrong) / answerable.length)}`,
  );
  // What the asker is shown first: the answer, or else the first "您是不是想问" suggestion.
  const shownFirst = answerable.filter((r) => (r.top?.confidence ?? 0) >= SUGGESTION_FLOOR && r.s.answerIds.includes(r.top.id)).length;
  const answered = right + wrong;
  console.log(
    `answered precision ${f3(right / Math.max(1, answered))}, coverage ${f3(answered / answerable.length)}, top-1 of answers-or-suggestions ${f3(shownFirst / answerable.length)} (raw confidence, suggestions ≥ ${SUGGESTION_FLOOR}; what the service does: bench/qa-calibration.mjs)`,
  );
  console.log(
    `unanswerable n=${unanswerable.length} (${UNANSWERABLE}): false-accept rate ${f3(falseAccepts.length / Math.max(1, unanswerable.length))} (${falseAccepts.length}/${unanswerable.length})`,
  );

  if (DUMP) {
    const rounded = (x) => Math.round(x * 1e9) / 1e9;
    const rows = [...answerable.map((r) => ['answerable', r.s]), ...unanswerable.map((r) => ['unanswerable', r.s])].map(([kind, s]) => {
      const engineHits = engineHitsOf(s.question);
      const ranked = matcher.match(s.question, { engineHits, limit: K });
      // what qa-svc decides on top of the ranking: the calibrated confidence with the engine's and the bigram
      // ranker's agreement, and whether it answers (the model's threshold)
      const bigramTop = matcher.bigramFirst(s.question);
      const calibrated = calibrateMatches(QA_CONFIDENCE_MODEL, ranked, { engineTop: engineHits[0]?.id, bigramTop });
      return JSON.stringify({
        kind,
        id: s.id,
        question: s.question,
        top10: ranked.map((r) => r.id),
        top3: ranked.slice(0, 3).map((r) => ({ id: r.id, confidence: r.confidence, score: rounded(r.score) })),
        accepted: (ranked[0]?.confidence ?? 0) >= THRESHOLD,
        engine: engineHits.map((h) => [h.id, rounded(h.score)]),
        bigramTop: bigramTop ?? null,
        calibrated: calibrated.slice(0, 3).map((m) => m.confidence),
        answered: (calibrated[0]?.confidence ?? 0) >= QA_CONFIDENCE_MODEL.threshold,
      });
    });
    writeFileSync(DUMP, `${rows.join('\n')}\n`);
    console.log(`\npipeline answers to ${rows.length} questions written to ${DUMP}`);
  }

  if (SHOW_MISSES) {
    console.log('\nfalse accepts (unanswerable question, confident answer):');
    for (const r of falseAccepts)
      console.log(`  ${r.s.id} conf ${f3(r.top.confidence)}  ${r.s.question}  →  ${byId.get(r.top.id).question.slice(0, 30)}`);
    console.log('\npipeline misses (acceptable answer not first):');
    for (const r of results.pipeline) {
      if (r.top1) continue;
      const got = r.ranked[0] ? byId.get(r.ranked[0]).question.slice(0, 30) : '(no result)';
      console.log(
        `  ${r.s.id} ${r.s.variation.padEnd(12)} RR ${f3(r.rr)}  ${r.s.question}  →  ${got}   [want: ${byId.get(r.s.answerIds[0]).question.slice(0, 30)}]`,
      );
    }
  }
  console.log(`\ndone in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
