#!/usr/bin/env node
// Writes packages/text-analysis/dict/paraphrases.txt: word-for-word paraphrases mined from a Q&A corpus (issue 18
// item 3), for 一号答's matcher to try when an asked word is not in a stored question (at a lower weight than the
// word itself). Nothing is downloaded and nothing is hand-picked: two sources in the corpus itself.
//   1. shared answers: two differently worded questions with the same (non-trivial) answer ask the same thing. Their
//      words are aligned: what is left of each once the shared words are taken out (at most 3 words a side) are
//      substitutions of each other (指示 ↔ 批示, 征税 ↔ 增值税如何征收's 征收).
//   2. question ↔ answer: a word of a question that its answer does not repeat, and a word of that answer the
//      question does not hold, seen together in more pairs than chance (PMI): the asker's wording and the official
//      terms that answer it (免征 ↔ 个人所得税 …).
// Each entry gets a weight in (0, 1]: the normalised PMI of the pair over the corpus (1 = the two always come
// together), halved for question ↔ answer associations (related, not interchangeable). Only the strongest few
// alternatives of a word are kept.
//   node scripts/make-paraphrase-lexicon.mjs [--qa ../shared/data/qa.jsonl] [--out packages/text-analysis/dict/paraphrases.txt]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeQuestion, defaultSynonyms, normalize } from '@govdisc/text-analysis';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const QA = arg('qa', new URL('../../shared/data/qa.jsonl', import.meta.url).pathname);
const OUT = arg('out', new URL('../packages/text-analysis/dict/paraphrases.txt', import.meta.url).pathname);
/** answers shorter than this coincide by chance (dates, "10%", "免征增值税" answer unrelated questions) */
const MIN_SHARED_ANSWER = 12;
/** larger groups of identical answers are boilerplate, not paraphrases */
const MAX_GROUP = 6;
/** at most this many differing words a side for an alignment (more: the questions differ in more than wording) */
const MAX_DIFF = 4;
/** question ↔ answer associations need this many pairs, and this normalised PMI */
const MIN_QA_PAIRS = Number(arg('min-qa-pairs', '3'));
const MIN_QA_NPMI = Number(arg('min-qa-npmi', '0.45'));
const MIN_SHARED_NPMI = 0.3;
/** alternatives kept per word */
const PER_WORD = Number(arg('per-word', '4'));

const raw = readFileSync(QA, 'utf8');
const pairs = raw
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const synonyms = defaultSynonyms();
const wordsOf = (text) => analyzeQuestion(text, synonyms, (t) => t, { unplaced: false }).words.filter((w) => /\p{Script=Han}/u.test(w));
/** words only: a one-character word is too ambiguous to stand for another */
const meaningful = (words) => [...new Set(words)].filter((w) => [...w].length >= 2);

// --- 1. questions whose answers coincide ---
/** answers sharing at least this share of their character pairs (Dice) count as the same answer */
const SAME_ANSWER_DICE = 0.6;
/** character pairs in more answers than this do not propose candidates (too common to tell answers apart) */
const COMMON_PAIR = 200;
const answers = pairs.map((p) => normalize(p.answer));
const pairSets = answers.map((a) => {
  const chars = [...a];
  return new Set(chars.slice(1).map((c, i) => chars[i] + c));
});
const postings = new Map();
pairSets.forEach((set, i) => {
  if ([...answers[i]].length < MIN_SHARED_ANSWER) return;
  for (const g of set) (postings.get(g) ?? postings.set(g, []).get(g)).push(i);
});
/** identical answers in groups of at most MAX_GROUP, plus near-identical ones (Dice ≥ SAME_ANSWER_DICE) */
const sameAnswer = [];
const exact = new Map();
answers.forEach((a, i) => {
  if ([...a].length >= MIN_SHARED_ANSWER) (exact.get(a) ?? exact.set(a, []).get(a)).push(i);
});
for (let i = 0; i < answers.length; i++) {
  if ([...answers[i]].length < MIN_SHARED_ANSWER) continue;
  const shared = new Map();
  for (const g of pairSets[i]) {
    const list = postings.get(g);
    if (list.length > COMMON_PAIR) continue;
    for (const j of list) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
  }
  for (const [j, n] of shared) {
    if (exact.get(answers[i]).length > MAX_GROUP && answers[i] === answers[j]) continue;
    // the common pairs were not counted: compare against the full sets only when the rare ones already come close
    if ((2 * n) / (pairSets[i].size + pairSets[j].size) < SAME_ANSWER_DICE / 2) continue;
    let all = 0;
    for (const g of pairSets[i]) if (pairSets[j].has(g)) all++;
    if ((2 * all) / (pairSets[i].size + pairSets[j].size) >= SAME_ANSWER_DICE) sameAnswer.push([i, j]);
  }
}
const shared = new Map(); // "a\tb" → weight of evidence
const sharedTerm = new Map(); // word → how often it took part in an alignment
let alignments = 0;
const seen = new Set();
for (const [i, j] of sameAnswer) {
  const [qa, qb] = [normalize(pairs[i].question), normalize(pairs[j].question)];
  if (qa === qb || seen.has(`${qa}\t${qb}`)) continue;
  seen.add(`${qa}\t${qb}`);
  const [wa, wb] = [meaningful(wordsOf(qa)), meaningful(wordsOf(qb))];
  // a word the other question holds anywhere in its text is shared, whatever the segmentation
  const onlyA = wa.filter((w) => !qb.includes(w));
  const onlyB = wb.filter((w) => !qa.includes(w));
  const common = wa.length - onlyA.length;
  if (onlyA.length === 0 || onlyB.length === 0 || onlyA.length > MAX_DIFF || onlyB.length > MAX_DIFF || common < 1) continue;
  alignments++;
  const share = 1 / (onlyA.length * onlyB.length);
  for (const a of onlyA)
    for (const b of onlyB) {
      if (a.includes(b) || b.includes(a)) continue;
      const key = a < b ? `${a}\t${b}` : `${b}\t${a}`;
      shared.set(key, (shared.get(key) ?? 0) + share);
    }
  for (const w of [...onlyA, ...onlyB]) sharedTerm.set(w, (sharedTerm.get(w) ?? 0) + 1);
}

// --- 2. question words ↔ answer words ---
const qCount = new Map();
const aCount = new Map();
const together = new Map();
for (const p of pairs) {
  const q = normalize(p.question);
  const a = normalize(p.answer);
  const qw = meaningful(wordsOf(q)).filter((w) => !a.includes(w));
  const aw = meaningful(wordsOf(a)).filter((w) => !q.includes(w));
  for (const w of qw) qCount.set(w, (qCount.get(w) ?? 0) + 1);
  for (const w of aw) aCount.set(w, (aCount.get(w) ?? 0) + 1);
  for (const x of qw)
    for (const y of aw) {
      if (x.includes(y) || y.includes(x)) continue;
      const key = `${x}\t${y}`;
      together.set(key, (together.get(key) ?? 0) + 1);
    }
}

/** normalised PMI: log(p(xy) / p(x)p(y)) / −log p(xy), in [−1, 1] */
const npmi = (nxy, nx, ny, n) => {
  const pxy = nxy / n;
  return Math.log(pxy / ((nx / n) * (ny / n))) / -Math.log(pxy);
};

const entries = new Map(); // word → Map(alternative → { weight, source, count })
const add = (from, to, weight, source, count) => {
  const m = entries.get(from) ?? entries.set(from, new Map()).get(from);
  const had = m.get(to);
  if (!had || had.weight < weight) m.set(to, { weight, source, count });
};
const N = pairs.length;
for (const [key, evidence] of shared) {
  const [a, b] = key.split('\t');
  // how specific the pairing is among the alignments each word took part in
  const w = npmi(evidence, sharedTerm.get(a), sharedTerm.get(b), Math.max(alignments, evidence + 1));
  if (w < MIN_SHARED_NPMI) continue;
  const weight = Math.min(1, w) * Math.min(1, evidence);
  add(a, b, weight, 'shared-answer', evidence);
  add(b, a, weight, 'shared-answer', evidence);
}
for (const [key, n] of together) {
  if (n < MIN_QA_PAIRS) continue;
  const [x, y] = key.split('\t');
  const w = npmi(n, qCount.get(x), aCount.get(y), N);
  if (w < MIN_QA_NPMI) continue;
  add(x, y, w / 2, 'question-answer', n);
}

const round = (x) => Math.round(x * 1000) / 1000;
const lines = [...entries]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([from, m]) => {
    const kept = [...m]
      .sort(([xa, a], [xb, b]) => b.weight - a.weight || (xa < xb ? -1 : 1))
      .slice(0, PER_WORD)
      .map(([to, e]) => `${to}:${round(e.weight)}`);
    return `${from}\t${kept.join(',')}`;
  });
const sha = createHash('sha256').update(raw).digest('hex').slice(0, 16);
const header = [
  '# Paraphrases mined from a Q&A corpus by scripts/make-paraphrase-lexicon.mjs; do not edit by hand (re-run it).',
  `# Corpus: ${QA.replace(/^.*\/shared\//u, '../shared/')} (${N} pairs, sha256 ${sha}).`,
  `# Sources: ${alignments} alignments of differently worded questions sharing an answer (answers of ${MIN_SHARED_ANSWER}+ characters,`,
  `# groups of at most ${MAX_GROUP}, at most ${MAX_DIFF} differing words a side, normalised PMI ≥ ${MIN_SHARED_NPMI}); question words ↔ answer words seen`,
  `# together in ${MIN_QA_PAIRS}+ pairs with normalised PMI ≥ ${MIN_QA_NPMI} (weight halved: related, not interchangeable).`,
  `# Format: word<TAB>alternative:weight,… (weight in (0, 1], strongest first, at most ${PER_WORD}).`,
];
writeFileSync(OUT, `${header.join('\n')}\n${lines.join('\n')}\n`);
console.log(
  `${lines.length} words with paraphrases (${[...shared.keys()].length} aligned substitutions from ${alignments} alignments, ${[...together.values()].filter((n) => n >= MIN_QA_PAIRS).length} frequent question↔answer pairs) → ${OUT}`,
);
