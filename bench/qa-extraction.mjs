#!/usr/bin/env node
// Extraction assistant quality.
//
// Default mode: for every real Q&A pair of ../shared/data/qa.jsonl that links to a document of
// ../shared/data/policies.jsonl, does the gold answer span fall inside the cited span of one of the
// top-k draft pairs proposed for that document? Prints recall@1/3/5/10 and how many clauses per
// document were skipped because no usable question could be made from them.
//   node bench/qa-extraction.mjs
//
// Judge mode: draws a fixed, seeded sample of drafts across the document kinds (laws, administrative
// regulations and rules, local rules, judicial interpretations, notices), prints each with its clause,
// and scores the sample against human judgments (rubric: bench/qa-extraction-rubric.md). A judgment
// counts only while the draft's question and clause are exactly what was judged: a draft whose text
// changed is unjudged and printed, so the usable share cannot be improved by editing the generator alone.
//   node bench/qa-extraction.mjs --judge [--seed 1] [--size 100] [--judgments bench/dev-sets/qa-extraction-judged.jsonl] [--unjudged-only]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as textAnalysis from '@govdisc/text-analysis';
// A build of the template generator (before extractQaDrafts) has only proposeQaPairs: the baseline judgments are scored on it.
const extractQaDrafts =
  textAnalysis.extractQaDrafts ?? ((body, o) => ({ drafts: textAnalysis.proposeQaPairs(body, o.limit), skipped: 0, candidates: 0 }));

// ../shared/data beside the checkout (a worktree under wt/ finds it one level further up).
const data =
  ['../../shared/data/', '../../../shared/data/'].map((p) => new URL(p, import.meta.url)).find((u) => existsSync(u)) ??
  new URL('../../shared/data/', import.meta.url);
const readJsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const squeeze = (t) => t.replace(/\s+/gu, '');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

const policies = new Map(readJsonl(new URL('policies.jsonl', data)).map((p) => [p.id, p]));
const LIMIT = 10;
const cpuStart = process.cpuUsage();
const started = Date.now();
let documentsDrafted = 0;
const draftsOf = (policy) => {
  documentsDrafted++;
  return extractQaDrafts(policy.body, { limit: LIMIT, title: policy.title });
};
const cost = () => {
  const cpu = process.cpuUsage(cpuStart);
  return `${documentsDrafted} documents drafted in ${Date.now() - started} ms wall, ${Math.round((cpu.user + cpu.system) / documentsDrafted)} µs CPU per document; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
};

if (process.argv.includes('--judge')) judge();
else recall();

function recall() {
  const gold = readJsonl(new URL('qa.jsonl', data)).filter((q) => q.sourcePolicyId && policies.has(q.sourcePolicyId));
  const KS = [1, 3, 5, 10];
  const byDoc = new Map();
  for (const q of gold) if (!byDoc.has(q.sourcePolicyId)) byDoc.set(q.sourcePolicyId, draftsOf(policies.get(q.sourcePolicyId)));
  const hits = Object.fromEntries(KS.map((k) => [k, 0]));
  for (const q of gold) {
    const answer = squeeze(q.answer);
    const rank = byDoc.get(q.sourcePolicyId).drafts.findIndex((p) => squeeze(p.quote).includes(answer));
    for (const k of KS) if (rank >= 0 && rank < k) hits[k]++;
  }
  console.log(`${gold.length} gold Q&A pairs over ${byDoc.size} documents; ${cost()}`);
  for (const k of KS) console.log(`recall@${k}: ${(hits[k] / gold.length).toFixed(3)}  (${hits[k]}/${gold.length})`);
  const results = [...byDoc.values()];
  const sizes = results
    .flatMap((r) => r.drafts)
    .map((p) => p.quote.length)
    .sort((a, b) => a - b);
  console.log(`cited span length: median ${sizes[sizes.length >> 1]} chars, p90 ${sizes[Math.floor(sizes.length * 0.9)]} chars`);
  const skipped = results.map((r) => r.skipped).sort((a, b) => a - b);
  const candidates = results.reduce((n, r) => n + r.candidates, 0);
  console.log(
    `clauses skipped (no usable question): ${skipped.reduce((a, b) => a + b, 0)} of ${candidates} substantive clauses; per document median ${skipped[skipped.length >> 1]}, p90 ${skipped[Math.floor(skipped.length * 0.9)]}`,
  );
}

/** The document kinds the sample is spread over, from the corpus's id prefix and issuing level. */
function kindOf(p) {
  if (p.id.startsWith('ncp-')) return '通知公告';
  if (p.level === '全国人大') return '法律';
  if (p.level === '国务院' || p.level === '部委') return '行政法规规章';
  if (p.level === '两高') return '司法解释';
  return '地方性法规';
}

/** mulberry32: a small seeded generator, so a sample is the same on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draftKey(docId, d) {
  return createHash('sha1')
    .update(`${docId}\n${d.anchor ?? ''}\n${d.question}\n${d.quote}`)
    .digest('hex')
    .slice(0, 16);
}

function judge() {
  const seed = Number(arg('--seed', '1'));
  const size = Number(arg('--size', '100'));
  const file = arg('--judgments', 'bench/dev-sets/qa-extraction-judged.jsonl');
  const next = random(seed);
  const byKind = new Map();
  for (const p of [...policies.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const k = kindOf(p);
    if (!byKind.has(k)) byKind.set(k, []);
    byKind.get(k).push(p);
  }
  const kinds = [...byKind.keys()].sort();
  // Equal shares per kind; a document gives at most one draft, so the sample spans many documents.
  const sample = [];
  const used = new Set();
  for (let i = 0, tries = 0; sample.length < size && tries < size * 50; tries++) {
    const kind = kinds[i % kinds.length];
    const docs = byKind.get(kind);
    const doc = docs[Math.floor(next() * docs.length)];
    const pick = next();
    if (used.has(doc.id)) continue;
    const { drafts } = draftsOf(doc);
    if (drafts.length === 0) continue;
    used.add(doc.id);
    const d = drafts[Math.floor(pick * drafts.length)];
    sample.push({ kind, doc, draft: d, key: draftKey(doc.id, d) });
    i++;
  }
  const judged = new Map(existsSync(file) ? readJsonl(file).map((j) => [j.key, j]) : []);
  const onlyUnjudged = process.argv.includes('--unjudged-only');
  let usable = 0;
  let counted = 0;
  const perKind = new Map();
  sample.forEach((s, i) => {
    const j = judged.get(s.key);
    if (j) {
      counted++;
      if (j.usable) usable++;
      const k = perKind.get(s.kind) ?? { usable: 0, counted: 0 };
      k.counted++;
      if (j.usable) k.usable++;
      perKind.set(s.kind, k);
    }
    if (onlyUnjudged && j) return;
    console.log(
      `#${i + 1} [${s.kind}] ${s.doc.id} 《${s.doc.title}》 ${s.draft.anchor ?? ''} (${s.draft.kind}) key=${s.key}` +
        (j ? ` judged: ${j.usable ? 'USABLE' : 'NOT usable'} — ${j.reason}` : ' UNJUDGED'),
    );
    console.log(`  Q: ${s.draft.question}`);
    console.log(`  A: ${s.draft.quote.replace(/\n/gu, ' / ')}`);
  });
  console.log(`\nseed ${seed}, ${sample.length} drafts from ${used.size} documents; judgments: ${file}`);
  for (const [k, v] of [...perKind].sort()) console.log(`  ${k}: ${v.usable}/${v.counted} usable`);
  console.log(
    `usable share: ${counted ? (usable / counted).toFixed(3) : 'n/a'} (${usable}/${counted} judged; ${sample.length - counted} unjudged)`,
  );
  console.log(cost());
  if (counted < sample.length) process.exitCode = 2;
}
