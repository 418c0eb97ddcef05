#!/usr/bin/env node
// Citizen topic classifier (issue 13 part 6): precision and recall per topic, micro and macro, on the labelled sample
// bench/dev-sets/topics.jsonl (its first line says how it was built and labelled).
// Usage (from the repository root, packages built):
//   node bench/topic-classifier.mjs [--precision 0.85] [--write]
// The decision rule (minScore, relative share of the best topic) is chosen on the dev split only: the highest micro
// recall whose micro precision reaches --precision. The held-out split is only reported. --write stores the chosen
// rule in packages/text-analysis/src/topic-calibration.ts (rebuild packages after writing).
import { readFileSync, writeFileSync } from 'node:fs';
import { citizenTopicClassifier } from '@govdisc/text-analysis';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const TARGET_PRECISION = Number(arg('precision', '0.85'));
const WRITE = process.argv.includes('--write');
const SET = new URL('./dev-sets/topics.jsonl', import.meta.url).pathname;
const CALIBRATION_FILE = new URL('../packages/text-analysis/src/topic-calibration.ts', import.meta.url).pathname;

const rows = readFileSync(SET, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .filter((r) => !r._about);
const classifier = citizenTopicClassifier();
const scored = rows.map((r) => ({ ...r, scores: classifier.scores({ title: r.title, body: r.text }) }));

function evaluate(items, rule) {
  const per = new Map(classifier.codes.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  for (const item of items) {
    const got = new Set(classifier.decide(item.scores, rule));
    const want = new Set(item.topics);
    for (const c of got) per.get(c)[want.has(c) ? 'tp' : 'fp']++;
    for (const c of want) if (!got.has(c)) per.get(c).fn++;
  }
  const sum = [...per.values()].reduce((a, p) => ({ tp: a.tp + p.tp, fp: a.fp + p.fp, fn: a.fn + p.fn }), { tp: 0, fp: 0, fn: 0 });
  const prf = ({ tp, fp, fn }) => ({ p: tp + fp ? tp / (tp + fp) : 1, r: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn });
  const topics = [...per].map(([code, c]) => ({ code, ...prf(c) }));
  const withGold = topics.filter((t) => t.tp + t.fn > 0);
  const macro = { p: withGold.reduce((a, t) => a + t.p, 0) / withGold.length, r: withGold.reduce((a, t) => a + t.r, 0) / withGold.length };
  return { micro: prf(sum), macro, topics };
}

const dev = scored.filter((r) => r.split === 'dev');
const heldOut = scored.filter((r) => r.split === 'heldout');
let best = null;
for (let minScore = 1; minScore <= 8; minScore += 0.5)
  for (let relative = 0.2; relative <= 0.91; relative += 0.05) {
    const rule = { minScore, relative: Math.round(relative * 100) / 100, maxTopics: 3 };
    const { micro } = evaluate(dev, rule);
    if (micro.p < TARGET_PRECISION) continue;
    if (!best || micro.r > best.micro.r || (micro.r === best.micro.r && micro.p > best.micro.p)) best = { rule, micro };
  }
if (!best) throw new Error(`no rule reaches precision ${TARGET_PRECISION} on the dev split`);
const rule = best.rule;

const f3 = (x) => x.toFixed(3);
function report(name, items) {
  const e = evaluate(items, rule);
  console.log(`\n== ${name}: ${items.length} items, ${items.reduce((a, i) => a + i.topics.length, 0)} gold labels`);
  console.log('topic                    P      R      tp  fp  fn');
  for (const t of e.topics)
    if (t.tp + t.fp + t.fn)
      console.log(
        `${t.code.padEnd(24)} ${f3(t.p)}  ${f3(t.r)}  ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}`,
      );
  console.log(`micro P ${f3(e.micro.p)} R ${f3(e.micro.r)}   macro P ${f3(e.macro.p)} R ${f3(e.macro.r)}`);
  return e;
}
console.log(`rule chosen on dev (micro precision ≥ ${TARGET_PRECISION}, highest recall): ${JSON.stringify(rule)}`);
report('dev', dev);
report('held-out', heldOut);
for (const sel of ['random', 'demo', 'topped-up']) {
  const e = evaluate(
    heldOut.filter((r) => r.selection === sel),
    rule,
  );
  console.log(
    `held-out, selection ${sel.padEnd(9)}: micro P ${f3(e.micro.p)} R ${f3(e.micro.r)} (tp ${e.micro.tp} fp ${e.micro.fp} fn ${e.micro.fn})`,
  );
}
if (process.argv.includes('--errors'))
  for (const r of dev) {
    const got = classifier.decide(r.scores, rule);
    if (
      got.join() !== [...r.topics].sort((a, b) => classifier.codes.indexOf(a) - classifier.codes.indexOf(b)).join() &&
      new Set(got).size + r.topics.length
    )
      if (got.sort().join() !== [...r.topics].sort().join())
        console.log(
          `${r.id} ${r.title.slice(0, 40)} want=${r.topics.join(',')} got=${got.join(',')} ${JSON.stringify(r.scores.slice(0, 3))}`,
        );
  }
if (WRITE) {
  const c = { ...classifier.calibration, minScore: rule.minScore, relative: rule.relative, maxTopics: rule.maxTopics };
  const literal = JSON.stringify(c)
    .replace(/"(\w+)":/g, '$1: ')
    .replace(/,/g, ', ')
    .replace(/^\{/, '{ ')
    .replace(/\}$/, ' }');
  const old = readFileSync(CALIBRATION_FILE, 'utf8');
  writeFileSync(
    CALIBRATION_FILE,
    old.replace(
      /^export const TOPIC_CALIBRATION: TopicCalibration = .*;$/m,
      `export const TOPIC_CALIBRATION: TopicCalibration = ${literal};`,
    ),
  );
  console.log(`\nwrote ${CALIBRATION_FILE}`);
}
