#!/usr/bin/env node
// Draws the pairs a held-out Q&A set is written for (bench/dev-sets/qa-heldout2.md): a seeded random sample of
// ../shared/data/qa.jsonl, so the choice of pairs is not ours. Prints id, stored question and answer (first 200 chars)
// and the ids of every pair with the same question text (acceptable too).
// Usage: node bench/qa-heldout-sample.mjs [--seed 24] [--n 60] [--qa ../shared/data/qa.jsonl]
import { arg, readJsonl } from './relevance-common.mjs';

const seed = Number(arg('seed', '24'));
const n = Number(arg('n', '60'));
const pairs = readJsonl(arg('qa', new URL('../../shared/data/qa.jsonl', import.meta.url).pathname));

/** mulberry32: a small, well-known 32-bit PRNG, so the sample is the same on every machine. */
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Fisher–Yates over the indices, first n kept.
const rand = mulberry32(seed);
const idx = pairs.map((_, i) => i);
for (let i = idx.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [idx[i], idx[j]] = [idx[j], idx[i]];
}
const sameQuestion = new Map();
for (const p of pairs) sameQuestion.set(p.question, [...(sameQuestion.get(p.question) ?? []), p.id]);
for (const i of idx.slice(0, n)) {
  const p = pairs[i];
  console.log(JSON.stringify({ id: p.id, same: sameQuestion.get(p.question), question: p.question, answer: p.answer.slice(0, 200) }));
}
