#!/usr/bin/env node
// 一号答 confidence calibration (issue 18, "Calibrated confidence"): fits P(top answer is right) from the matcher's raw
// confidence and the top match's lead over the runner-up, on the dev sets only, and reports it on the held-out sets.
// --no-lead fits the raw confidence alone, for comparison (the lead raises coverage at the target precision);
// --no-agree leaves out whether the search engine's first hit is the matcher's first match; --no-bigrams whether a plain
// character-bigram BM25 over the stored questions (QuestionMatcher.bigramFirst) ranks it first too.
// Usage (from the repository root, packages built):
//   node bench/qa-calibration.mjs [--qa ../shared/data/qa.jsonl] [--precision 0.95] [--write]
// Prints per set: reliability diagram (10 bins), expected calibration error (raw and calibrated), and at the chosen
// threshold: answered precision, coverage (share answered), top-1 of answers-or-suggestions, false accepts on the
// unanswerable sets. The threshold is the lowest calibrated confidence at which the dev sets' answered precision
// reaches --precision. --write stores the fitted model in packages/text-analysis/src/qa-confidence-model.ts
// (qa-svc reads it; rebuild packages after writing).
// The held-out sets are never used for fitting or for choosing the threshold.
import { writeFileSync } from 'node:fs';
import { QuestionMatcher, calibratedConfidence, onePerAnswer } from '@govdisc/text-analysis';
import { arg, buildIndices, f3, matcherSetup, NOW, qaPairToDocument, readJsonl, solve } from './relevance-common.mjs';

const QA = arg('qa', new URL('../../shared/data/qa.jsonl', import.meta.url).pathname);
const TARGET_PRECISION = Number(arg('precision', '0.95'));
/** qa-svc ASK_SUGGESTION_MIN_CONFIDENCE (calibrated); before calibration the same role was played by raw 0.15 */
const SUGGESTION_FLOOR = Number(arg('suggestion-floor', '0.05'));
const RAW_SUGGESTION_FLOOR = 0.15;
/** qa-svc offers at most 3 suggestions ("您是不是想问") */
const SHOWN = 3;
const WRITE = process.argv.includes('--write');
const USE_LEAD = !process.argv.includes('--no-lead');
/** whether the search engine's own first hit is the matcher's first match (two rankers agreeing are more often right) */
const USE_AGREE = !process.argv.includes('--no-agree');
/** whether a plain character-bigram BM25 over the stored questions ranks the matcher's first match first (issue 18) */
const USE_BIGRAMS = !process.argv.includes('--no-bigrams');
const devSet = (name) => new URL(`./dev-sets/${name}.jsonl`, import.meta.url).pathname;
const DEV = ['qa-reworded', 'qa-citizen-dev', 'qa-citizen-dev2', 'qa-long-dev', 'qa-unanswerable', 'qa-unanswerable-dev2'];
const HELD_OUT = ['qa-heldout', 'qa-heldout2', 'qa-unanswerable-heldout'];
const MODEL_FILE = new URL('../packages/text-analysis/src/qa-confidence-model.ts', import.meta.url).pathname;

/** calibrateMatches' lead for the top match: its raw confidence minus the runner-up's */
const topLead = (matches) => (matches[0]?.confidence ?? 0) - (matches[1]?.confidence ?? 0);
const logit = (p) => Math.log(Math.min(Math.max(p, 1e-4), 1 - 1e-4) / (1 - Math.min(Math.max(p, 1e-4), 1 - 1e-4)));
const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const design = ({ raw, lead, agree, agreeBigrams }) => [
  1,
  logit(raw),
  USE_LEAD ? lead : 0,
  USE_AGREE ? agree : 0,
  USE_BIGRAMS ? agreeBigrams : 0,
];
const DIMS = [0, 1, 2, 3, 4];

/** Logistic regression by Newton's method (5 weights; a small ridge keeps it finite on separable data). */
function fitLogistic(rows, ridge = 1e-3) {
  let w = [0, 1, 0, 0, 0];
  for (let iter = 0; iter < 50; iter++) {
    const g = w.map((wi) => ridge * wi);
    const h = DIMS.map((i) => DIMS.map((j) => (i === j ? ridge : 0)));
    for (const r of rows) {
      const x = design(r);
      const p = sigmoid(x.reduce((s, xi, i) => s + xi * w[i], 0));
      for (const i of DIMS) {
        g[i] += (p - r.right) * x[i];
        for (const j of DIMS) h[i][j] += p * (1 - p) * x[i] * x[j];
      }
    }
    const step = solve(h, g);
    w = w.map((wi, i) => wi - step[i]);
    if (Math.hypot(...step) < 1e-9) break;
  }
  return w;
}

/** Expected calibration error over 10 equal-width bins, and the bins for the reliability diagram. */
function reliability(rows, conf) {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const r of rows) {
    const c = conf(r);
    const b = bins[Math.min(9, Math.floor(c * 10))];
    b.n++;
    b.conf += c;
    b.right += r.right;
  }
  const ece = bins.reduce((s, b) => s + (b.n ? (b.n / rows.length) * Math.abs(b.conf / b.n - b.right / b.n) : 0), 0);
  return { ece, bins };
}

function report(label, rows, conf, threshold, floor) {
  const answerable = rows.filter((r) => r.answerable);
  const unanswerable = rows.filter((r) => !r.answerable);
  const answered = answerable.filter((r) => conf(r) >= threshold);
  const right = answered.filter((r) => r.right).length;
  const shownFirst = answerable.filter((r) => r.right && (conf(r) >= threshold || conf(r) >= floor)).length;
  const falseAccepts = unanswerable.filter((r) => conf(r) >= threshold).length;
  const { ece } = reliability(rows, conf);
  return (
    `${label.padEnd(26)} n=${String(answerable.length).padStart(3)}+${String(unanswerable.length).padStart(2)}  ` +
    `precision ${f3(right / Math.max(1, answered.length))}  coverage ${f3(answered.length / Math.max(1, answerable.length))}  ` +
    `top-1 answer-or-suggestion ${f3(shownFirst / Math.max(1, answerable.length))}  ` +
    `false accepts ${unanswerable.length ? f3(falseAccepts / unanswerable.length) : '  —  '}  ECE ${f3(ece)}`
  );
}

/** Lowest threshold (on a 0.01 grid) whose answered precision on ROWS reaches the target. */
function thresholdFor(rows, conf, target) {
  for (let k = 30; k <= 99; k++) {
    const answered = rows.filter((r) => conf(r) >= k / 100);
    const precision = answered.filter((r) => r.right).length / Math.max(1, answered.length);
    if (precision >= target) return k / 100;
  }
  return 0.99;
}

function main() {
  const t0 = Date.now();
  const pairs = readJsonl(QA);
  const { pipeline } = buildIndices(pairs.map(qaPairToDocument), {}, { label: 'pairs', every: 1000 });
  const { tuning, answerOf } = matcherSetup();
  const matcher = new QuestionMatcher(undefined, tuning);
  const storedAnswer = new Map(pairs.map((p) => [p.id, p.answer]));
  for (const p of pairs) matcher.upsert(p.id, [p.question], answerOf(p));
  const load = (name) =>
    readJsonl(devSet(name)).map((s) => {
      const engineHits = pipeline.rankSync({ q: s.question, pageSize: 20, now: NOW, match: 'loose' }).hits;
      const matches = matcher.match(s.question, { engineHits, limit: 10 });
      const answerable = s.answerIds.length > 0;
      return {
        set: name,
        answerable,
        right: answerable && s.answerIds.includes(matches[0]?.id) ? 1 : 0,
        raw: matches[0]?.confidence ?? 0,
        lead: topLead(matches),
        agree: matches.length > 0 && engineHits[0]?.id === matches[0].id ? 1 : 0,
        agreeBigrams: matches.length > 0 && matcher.bigramFirst(s.question) === matches[0].id ? 1 : 0,
        // what qa-svc shows, up to 3, as ranked and with pairs of the same answer text shown once (ADR 0028)
        shown: matches.slice(0, SHOWN).map((m) => m.id),
        shownOnce: onePerAnswer(matches, (id) => storedAnswer.get(id))
          .slice(0, SHOWN)
          .map((m) => m.id),
        answerIds: s.answerIds,
      };
    });
  const dev = DEV.flatMap(load);
  const heldOut = HELD_OUT.flatMap(load);
  console.log(
    `${pairs.length} pairs; ${dev.length} dev questions, ${heldOut.length} held-out; built and asked in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  const w = fitLogistic(dev);
  const model = { weights: { intercept: w[0], logitRaw: w[1], lead: w[2], agree: w[3], agreeBigrams: w[4] } };
  const calibrated = (r) => calibratedConfidence(model, r.raw, r.lead, r.agree, r.agreeBigrams);
  const threshold = thresholdFor(dev, calibrated, TARGET_PRECISION);
  const raw = (r) => r.raw;
  console.log(
    `\nfitted on the dev sets: P(right) = σ(${f3(w[0])} + ${f3(w[1])}·logit(raw) + ${f3(w[2])}·lead + ${f3(w[3])}·agree + ${f3(w[4])}·agreeBigrams)`,
  );
  console.log(`threshold for answered precision ≥ ${TARGET_PRECISION} on the dev sets: ${threshold}\n`);

  const bySet = (rows) => [...new Set(rows.map((r) => r.set))].map((name) => [name, rows.filter((r) => r.set === name)]);
  console.log('raw confidence, threshold 0.5 (before):');
  for (const [name, rows] of [...bySet(dev), ['dev (all)', dev], ...bySet(heldOut), ['held-out (all)', heldOut]])
    console.log('  ' + report(name, rows, raw, 0.5, RAW_SUGGESTION_FLOOR));
  console.log(`calibrated confidence, threshold ${threshold} (after):`);
  for (const [name, rows] of [...bySet(dev), ['dev (all)', dev], ...bySet(heldOut), ['held-out (all)', heldOut]])
    console.log('  ' + report(name, rows, calibrated, threshold, SUGGESTION_FLOOR));

  console.log('\none answer per answer text (qa-svc shows pairs whose answers are the same text once; top-1 and confidence unchanged):');
  for (const [name, rows] of [...bySet(dev), ...bySet(heldOut)]) {
    const changed = rows.filter((r) => r.shown.join() !== r.shownOnce.join()).length;
    const holds = (ids, r) => ids.some((id) => r.answerIds.includes(id));
    const answerable = rows.filter((r) => r.answerable);
    console.log(
      `  ${name.padEnd(26)} the 3 shown changed for ${String(changed).padStart(2)} of ${String(rows.length).padStart(3)} questions` +
        (answerable.length
          ? `; a judged answer among them: ${answerable.filter((r) => holds(r.shown, r)).length} → ${answerable.filter((r) => holds(r.shownOnce, r)).length} of ${answerable.length}`
          : ''),
    );
  }

  const rightTop = dev.filter((r) => r.right);
  console.log(
    `suggestion floor ${SUGGESTION_FLOOR}: ${rightTop.filter((r) => calibrated(r) >= SUGGESTION_FLOOR).length} of ${rightTop.length} right dev top candidates clear it`,
  );
  console.log('\nreliability (held-out, calibrated): bin → n, mean confidence, share right');
  for (const [i, b] of reliability(heldOut, calibrated).bins.entries())
    if (b.n)
      console.log(
        `  ${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}  n=${String(b.n).padStart(3)}  ${f3(b.conf / b.n)}  ${f3(b.right / b.n)}`,
      );

  if (WRITE) {
    const round = (x) => Math.round(x * 1e6) / 1e6;
    writeFileSync(
      MODEL_FILE,
      `// Written by bench/qa-calibration.mjs --write; do not edit by hand (re-run it when the matcher changes).\n` +
        `// Fitted on ${dev.length} dev questions (${DEV.join(', ')}); the held-out sets were not used.\n` +
        `import type { ConfidenceModel } from './confidence-calibration.js';\n\n` +
        `export const QA_CONFIDENCE_MODEL: ConfidenceModel = {\n` +
        `  weights: { intercept: ${round(w[0])}, logitRaw: ${round(w[1])}, lead: ${round(w[2])}, agree: ${round(w[3])}, agreeBigrams: ${round(w[4])} },\n` +
        `  /** lowest calibrated confidence at which the dev sets' answered precision reaches ${TARGET_PRECISION} */\n` +
        `  threshold: ${threshold},\n` +
        `};\n`,
    );
    console.log(`\nwrote ${MODEL_FILE}`);
  }
}

main();
