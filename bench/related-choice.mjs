#!/usr/bin/env node
// What choosing a related list's candidates in policy-svc's memory costs (ADR 0038): every non-draft document's
// keywords, topics and links read from an existing database (e.g. one web-ssr imported, --keep-database), then for
// every document as the source the 200 candidates chosen (a) with policy-svc's CandidateIndex (built apps) and (b)
// by a loop over all rows, each --rounds times; prints µs per choice of each and checks both give the same ids.
//   node bench/related-choice.mjs --database-url URL [--apps-root .] [--rounds 3]
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { queryRows } from '@govdisc/testing';
import { intArg } from './http-load.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const root = resolve(opt('--apps-root', fileURLToPath(new URL('..', import.meta.url))));
const DATABASE_URL = opt('--database-url');
const ROUNDS = intArg('--rounds', 3);
const TAKE = 200;
if (!DATABASE_URL) throw new Error('--database-url is required');
const { CandidateIndex } = await import(pathToFileURL(join(root, 'apps/policy-svc/dist/related/candidate-index.js')).href);

const rows = await queryRows(
  DATABASE_URL,
  `SELECT id::text, keywords, topics, amended_by_id::text AS "amendedById", repealed_by_id::text AS "repealedById"
     FROM policy.policy_document WHERE status <> 'DRAFT'`,
);

/** (b): every row tested, as the table query's WHERE and ORDER BY do. */
function loopChoice(source, extraIds) {
  const keywords = new Set(source.keywords);
  const topics = new Set(source.topics);
  const named = new Set([...extraIds, source.amendedById, source.repealedById].filter(Boolean));
  const chosen = [];
  for (const row of rows) {
    if (row.id === source.id) continue;
    let shared = 0;
    for (const k of new Set(row.keywords)) if (keywords.has(k)) shared++;
    const linked = row.amendedById === source.id || row.repealedById === source.id;
    if (shared > 0 || linked || named.has(row.id) || row.topics.some((t) => topics.has(t))) chosen.push([row.id, shared]);
  }
  return chosen
    .sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, TAKE)
    .map(([id]) => id);
}

let t = process.hrtime.bigint();
const index = new CandidateIndex();
rows.forEach((row) => index.put(row));
const buildMs = Number(process.hrtime.bigint() - t) / 1e6;

const time = (choose) => {
  const lists = [];
  const started = process.hrtime.bigint();
  for (let round = 0; round < ROUNDS; round++) for (const row of rows) lists.push(choose(row, []));
  return { lists, us: Number(process.hrtime.bigint() - started) / 1e3 / (ROUNDS * rows.length) };
};
const load = loadavg()[0];
const held = time((source, extra) => index.choose(source, extra, TAKE));
const loop = time(loopChoice);
const differing = held.lists.filter((list, i) => list.join() !== loop.lists[i].join()).length;
const mean = held.lists.reduce((n, l) => n + l.length, 0) / held.lists.length;
console.log(
  `${rows.length} documents (load ${load.toFixed(1)}): index built in ${buildMs.toFixed(0)} ms; per choice (mean ${mean.toFixed(0)} ` +
    `candidates) index ${held.us.toFixed(0)} µs, loop over all rows ${loop.us.toFixed(0)} µs; lists differing: ${differing}`,
);
process.exit(differing === 0 ? 0 : 1);
