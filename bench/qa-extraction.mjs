#!/usr/bin/env node
// Extraction assistant quality: for every real Q&A pair of ../shared/data/qa.jsonl that links to a
// document of ../shared/data/policies.jsonl, does the gold answer span fall inside the cited span of
// one of the top-k draft pairs proposed for that document? Prints recall@1/3/5/10.
//   node bench/qa-extraction.mjs
import { readFileSync } from 'node:fs';
import { proposeQaPairs } from '@govdisc/text-analysis';

const data = new URL('../../shared/data/', import.meta.url);
const readJsonl = (name) =>
  readFileSync(new URL(name, data), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const squeeze = (t) => t.replace(/\s+/gu, '');

const policies = new Map(readJsonl('policies.jsonl').map((p) => [p.id, p]));
const gold = readJsonl('qa.jsonl').filter((q) => q.sourcePolicyId && policies.has(q.sourcePolicyId));
const KS = [1, 3, 5, 10];
const proposalsByDoc = new Map();
const started = Date.now();
for (const q of gold) {
  if (!proposalsByDoc.has(q.sourcePolicyId))
    proposalsByDoc.set(q.sourcePolicyId, proposeQaPairs(policies.get(q.sourcePolicyId).body, Math.max(...KS)));
}
const hits = Object.fromEntries(KS.map((k) => [k, 0]));
for (const q of gold) {
  const answer = squeeze(q.answer);
  const proposals = proposalsByDoc.get(q.sourcePolicyId);
  const rank = proposals.findIndex((p) => squeeze(p.quote).includes(answer));
  for (const k of KS) if (rank >= 0 && rank < k) hits[k]++;
}
const ms = Date.now() - started;
console.log(`${gold.length} gold Q&A pairs over ${proposalsByDoc.size} documents; proposals made in ${ms} ms`);
for (const k of KS) console.log(`recall@${k}: ${(hits[k] / gold.length).toFixed(3)}  (${hits[k]}/${gold.length})`);
const sizes = [...proposalsByDoc.values()]
  .flat()
  .map((p) => p.quote.length)
  .sort((a, b) => a - b);
console.log(`cited span length: median ${sizes[sizes.length >> 1]} chars, p90 ${sizes[Math.floor(sizes.length * 0.9)]} chars`);
