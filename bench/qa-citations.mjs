#!/usr/bin/env node
// Citations for imported Q&A pairs (issue 18 item 4): for every pair of the sample data that names its source
// policy, the clause that holds its answer — the same locator and verifier check qa-svc runs at import and in the
// citation backfill (`locateClause`, `quoteIn` of @govdisc/text-analysis on the paragraphs policy-svc serves).
// Usage (from the repository root, packages built):
//   node bench/qa-citations.mjs [--qa ../shared/data/qa.jsonl] [--policies ../shared/data/policies.jsonl]
//        [--unsourced-sample 200] [--write-sample 80]
// Prints: pairs naming a source in the library, how many got a verified clause citation (by method), how many were
// left unverified, and precision on the judged sample bench/dev-sets/qa-citations-judged.jsonl (rubric in
// bench/dev-sets/qa-citations-rubric.md); a judged pair whose citation moved to another anchor counts as unjudged.
// For pairs naming no source it checks a sample against the whole library (verbatim after normalisation): how many
// a strict search-and-verify could cite at all. CPU µs per pair and the load average are printed with the timings.
// --write-sample N writes N auto-cited pairs (seeded, stable) to /tmp/qa-citations-sample.jsonl for judging.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { locateClause, matchKey, quoteIn, toParagraphs } from '@govdisc/text-analysis';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const here = (p) => new URL(p, import.meta.url).pathname;
const QA = arg('qa', here('../../shared/data/qa.jsonl'));
const POLICIES = arg('policies', here('../../shared/data/policies.jsonl'));
const UNSOURCED_SAMPLE = Number(arg('unsourced-sample', '200'));
const WRITE_SAMPLE = Number(arg('write-sample', '0'));
const JUDGED = here('./dev-sets/qa-citations-judged.jsonl');
const readJsonl = (p) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

const policies = new Map(readJsonl(POLICIES).map((p) => [p.id, p]));
const pairs = readJsonl(QA);
const sourced = pairs.filter((p) => p.sourcePolicyId && policies.has(p.sourcePolicyId));

// --- pairs naming their source: locate + verify, as at import ---
const paragraphsOf = new Map();
const results = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const pair of sourced) {
  const body = policies.get(pair.sourcePolicyId).body;
  let paragraphs = paragraphsOf.get(pair.sourcePolicyId);
  if (!paragraphs) paragraphsOf.set(pair.sourcePolicyId, (paragraphs = toParagraphs(body)));
  const inDocument = quoteIn(body, pair.answer);
  const found = locateClause(paragraphs, pair.answer, { question: pair.question, allowOverlap: !inDocument });
  const verified = !!found && quoteIn(found.clauseText, found.quote);
  // as the service: an answer in the document but in no single clause is cited on the whole document
  results.push({ pair, found, verified, inDocument });
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const count = (f) => results.filter(f).length;
const verified = results.filter((r) => r.verified);
console.log(
  `pairs: ${pairs.length}; naming a source: ${pairs.filter((p) => p.sourcePolicyId).length}; source in the library: ${sourced.length}`,
);
console.log(`  answer in the source document (normalised): ${count((r) => r.inDocument)}`);
console.log(`  verified clause citation: ${verified.length} (${pct(verified.length, sourced.length)})`);
for (const m of ['verbatim', 'normalised']) console.log(`    by ${m} match: ${count((r) => r.verified && r.found.method === m)}`);
console.log(`    held by several clauses, chosen by the question: ${count((r) => r.verified && r.found.holders > 1)}`);
console.log(`  clause found by overlap, left unverified (editor checks): ${count((r) => r.found && !r.verified)}`);
console.log(
  `  answer spread over several clauses: cited on the whole document, no clause (unverified for editors): ${count((r) => r.inDocument && !r.found)}`,
);
console.log(`  answer not in the document: ${count((r) => !r.inDocument)}`);
console.log(
  `  time: ${ms.toFixed(0)} ms wall for ${sourced.length} pairs (${((ms * 1000) / sourced.length).toFixed(0)} µs/pair), ` +
    `CPU ${((cpu.user + cpu.system) / sourced.length).toFixed(0)} µs/pair (one process), load ${loadavg()[0].toFixed(2)}`,
);

// --- judged precision ---
let judged = [];
try {
  judged = readJsonl(JUDGED);
} catch {
  console.log(`no judgments at ${JUDGED}`);
}
const byId = new Map(results.map((r) => [r.pair.id, r]));
let correct = 0;
let wrong = 0;
const unjudged = [];
for (const j of judged) {
  const r = byId.get(j.id);
  if (!r?.verified || r.found.anchor !== j.anchor) {
    unjudged.push(`${j.id} (${j.anchor} → ${r?.verified ? r.found.anchor : 'no verified citation'})`);
    continue;
  }
  if (j.correct) correct++;
  else wrong++;
}
if (judged.length) {
  console.log(
    `judged sample: ${judged.length}; precision ${(correct / Math.max(1, correct + wrong)).toFixed(3)} (${correct}/${correct + wrong})`,
  );
  if (unjudged.length) console.log(`  citation moved since judged (unjudged): ${unjudged.length}: ${unjudged.slice(0, 10).join(', ')}`);
}

// --- pairs naming no source: could a strict search-and-verify cite them at all? ---
const unsourced = pairs.filter((p) => !p.sourcePolicyId);
const sample = seeded(unsourced, UNSOURCED_SAMPLE);
const libraryKeys = [...policies.values()].map((p) => ({ id: p.id, key: matchKey(p.body), body: p.body }));
let inLibrary = 0;
let locatable = 0;
for (const pair of sample) {
  const key = matchKey(pair.answer);
  if (key.length < 10) continue; // too short to tell a quote from a coincidence (the service's strict rule too)
  const doc = libraryKeys.find((d) => d.key.includes(key));
  if (!doc) continue;
  inLibrary++;
  if (locateClause(toParagraphs(doc.body), pair.answer, { allowOverlap: false, question: pair.question })) locatable++;
}
console.log(
  `pairs naming no source: ${unsourced.length}; of a sample of ${sample.length}, answer found verbatim (normalised, ≥ 10 chars) ` +
    `anywhere in the library: ${inLibrary}, in one clause: ${locatable} → the rest stay "citation unverified"`,
);

if (WRITE_SAMPLE) {
  // by a hash of the pair id, so the sample stays the same pairs when other citations change
  const picked = [...verified].sort((a, b) => idHash(a.pair.id) - idHash(b.pair.id)).slice(0, WRITE_SAMPLE);
  const lines = picked.map((r) => ({
    id: r.pair.id,
    documentId: r.pair.sourcePolicyId,
    anchor: r.found.anchor,
    method: r.found.method,
    holders: r.found.holders,
    question: r.pair.question,
    answer: r.pair.answer,
    clause: r.found.clauseText,
  }));
  writeFileSync('/tmp/qa-citations-sample.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  console.log(`wrote ${lines.length} pairs to /tmp/qa-citations-sample.jsonl`);
}

function pct(n, d) {
  return `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
}

function idHash(id) {
  return Number.parseInt(createHash('sha1').update(id).digest('hex').slice(0, 8), 16);
}

/** A stable pseudo-random sample (same pairs on every run for the same data). */
function seeded(items, n) {
  let s = 20260418;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}
