import { existsSync, readFileSync } from 'node:fs';
import { repoRoot } from './stack.js';

// The fixture corpus committed in the repository (test-fixtures/corpus/): real lines of the shared data
// set, cut by scripts/make-test-fixtures.mjs; where they come from is in test-fixtures/corpus/README.md.
// Tests never read the full data set beside the repository: that is for benchmarks
// (scripts/check-self-contained.sh, run by npm test, keeps it so).
export const FIXTURE_DIR = `${repoRoot}test-fixtures/corpus/`;

/** Known sizes of the fixture (regenerating it prints them): tests assert exact counts against these. */
export const FIXTURE_QA_PAIRS = 323;

/** The lines of a fixture file (JSONL), without the trailing empty one. */
export function fixtureLines(file: 'policies.jsonl' | 'qa.jsonl'): string[] {
  const path = `${FIXTURE_DIR}${file}`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run node scripts/make-test-fixtures.mjs`);
  return readFileSync(path, 'utf8').split('\n').filter(Boolean);
}

export type QaRecord = { id: string; question: string; answer: string; sourcePolicyId: string | null };

/** Every Q&A pair of the fixture, in file order (the first 300 of the shared set, then a spread). */
export function fixtureQa(): QaRecord[] {
  return fixtureLines('qa.jsonl').map((l) => JSON.parse(l) as QaRecord);
}

/** The fixture's policy records with these ids (all of them must be there). */
export function fixturePolicies(ids: readonly string[]): Array<Record<string, unknown> & { id: string }> {
  const records = fixtureLines('policies.jsonl')
    .map((l) => JSON.parse(l) as Record<string, unknown> & { id: string })
    .filter((r) => ids.includes(r.id));
  const missing = ids.filter((id) => !records.some((r) => r.id === id));
  if (missing.length) throw new Error(`not in the fixture corpus: ${missing.join(', ')} (add them to scripts/make-test-fixtures.mjs)`);
  return records;
}
