#!/usr/bin/env node
// Cuts the small fixture corpus the small, medium and e2e tests read (test-fixtures/corpus/) out of the
// full data set beside the repository (../shared/data, see its README.md). Deterministic: the same data
// gives byte-identical files. Every fixture line is a line of the full files, unchanged, in file order.
//   node scripts/make-test-fixtures.mjs [dataDir]      (default ../shared/data)
// Regenerating changes the fixture's known counts: update FIXTURE_COUNTS in
// packages/search-index/src/contract/real-sample.ts and FIXTURE_QA in e2e/corpus.ts from the summary printed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.argv[2] ?? join(repoRoot, '..', 'shared', 'data');
const outDir = join(repoRoot, 'test-fixtures', 'corpus');

/** Documents the e2e tests name (policy-search.e2e-spec.ts): kept whatever their size. */
const NAMED_POLICIES = ['law-430645f0eca5', 'ncp-4519298476cf3b79'];
/** The parity test's topic queries (packages/search-index/test/topic-queries.json): each should hit something. */
const TOPIC_QUERIES = JSON.parse(readFileSync(join(repoRoot, 'packages/search-index/test/topic-queries.json'), 'utf8'));
/** Size limit for every other document (bytes of its JSON line), so the fixture stays a few hundred KB. */
const MAX_LINE_BYTES = 3_200;
const PER_TOPIC = 2;
const PER_DOC_TYPE = 6;
const WITH_DOC_NUMBER = 24;
/** The Q&A scenarios use the first 300 pairs (one question per pair, all linked to an NCP document); plus a spread for breadth. */
const QA_HEAD = 300;
const QA_STEP = 200;

const readLines = (file) => readFileSync(join(dataDir, file), 'utf8').split('\n').filter(Boolean);

/** `n` items spread evenly over `items` (first, …, last), in order. */
function spread(items, n) {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * (items.length - 1)) / Math.max(n - 1, 1))]);
}

const policyLines = readLines('policies.jsonl');
const policies = policyLines.map((line, index) => ({ line, index, record: JSON.parse(line), bytes: Buffer.byteLength(line) }));
const small = policies.filter((p) => p.bytes <= MAX_LINE_BYTES);
const chosen = new Map(); // index → why
const take = (p, why) => chosen.has(p.index) || chosen.set(p.index, why);

for (const id of NAMED_POLICIES) {
  const p = policies.find((x) => x.record.id === id);
  if (!p) throw new Error(`${id} (named by a test) is not in ${dataDir}/policies.jsonl`);
  take(p, 'named by a test');
}
for (const q of TOPIC_QUERIES) {
  const byTitle = small.filter((p) => p.record.title.includes(q));
  const byBody = small.filter((p) => p.record.body.includes(q));
  for (const p of [...byTitle, ...byBody].slice(0, PER_TOPIC)) take(p, `topic ${q}`);
}
for (const docType of [...new Set(policies.map((p) => p.record.docType))].sort()) {
  for (const p of spread(
    small.filter((x) => x.record.docType === docType),
    PER_DOC_TYPE,
  ))
    take(p, `docType ${docType}`);
}
for (const p of spread(
  small.filter((x) => x.record.docNumber),
  WITH_DOC_NUMBER,
))
  take(p, 'docNumber');
// Filters the contract and parity tests count: every level, laws of 2018–2019, 浙江省, years 2019/2020.
for (const level of [...new Set(policies.map((p) => p.record.level).filter(Boolean))].sort()) {
  const pool = small.some((x) => x.record.level === level) ? small : policies;
  for (const p of spread(
    pool.filter((x) => x.record.level === level),
    2,
  ))
    take(p, `level ${level}`);
}
const filterCases = [
  ['law of 2018/2019', (r) => r.docType === '法律' && ['2018', '2019'].includes(r.publishDate?.slice(0, 4))],
  ['region 浙江省', (r) => r.region?.startsWith('浙江省')],
  ['year 2019', (r) => r.publishDate?.startsWith('2019')],
  ['year 2020', (r) => r.publishDate?.startsWith('2020')],
];
for (const [why, match] of filterCases)
  for (const p of spread(
    small.filter((x) => match(x.record)),
    3,
  ))
    take(p, why);

const fixturePolicies = policies.filter((p) => chosen.has(p.index));
const ids = new Set(fixturePolicies.map((p) => p.record.id));

const qaLines = readLines('qa.jsonl');
const fixtureQa = qaLines.filter((_, i) => i < QA_HEAD || (i - QA_HEAD) % QA_STEP === QA_STEP - 1);

const [provenanceHeader, ...provenanceRows] = readLines('provenance.tsv');
const fixtureProvenance = provenanceRows.filter((row) => ids.has(row.split('\t')[0]));
if (fixtureProvenance.length !== ids.size) throw new Error('provenance.tsv lacks a row for some fixture document');

mkdirSync(outDir, { recursive: true });
const write = (name, lines) => writeFileSync(join(outDir, name), lines.join('\n') + '\n');
write(
  'policies.jsonl',
  fixturePolicies.map((p) => p.line),
);
write('qa.jsonl', fixtureQa);
write('provenance.tsv', [provenanceHeader, ...fixtureProvenance]);

const count = (items, key) =>
  Object.fromEntries([...items.reduce((m, r) => m.set(r[key] ?? 'null', (m.get(r[key] ?? 'null') ?? 0) + 1), new Map())].sort());
const records = fixturePolicies.map((p) => p.record);
const kb = (lines) => Math.round(lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) / 1024);
console.log(
  JSON.stringify(
    {
      policies: records.length,
      policiesKB: kb(fixturePolicies.map((p) => p.line)),
      withDocNumber: records.filter((r) => r.docNumber).length,
      byDocType: count(records, 'docType'),
      byLevel: count(records, 'level'),
      qa: fixtureQa.length,
      qaKB: kb(fixtureQa),
      qaLinkedToFixturePolicies: fixtureQa.filter((l) => ids.has(JSON.parse(l).sourcePolicyId)).length,
    },
    null,
    2,
  ),
);
