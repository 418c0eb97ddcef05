import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocNumber } from '@govdisc/text-analysis';
import type { SearchDocument } from '../types.js';
import type { EngineFactory } from './search-index.contract.js';

/** The fixture corpus committed in the repository (cut from the shared data by scripts/make-test-fixtures.mjs). */
export const FIXTURE_POLICIES_JSONL = fileURLToPath(new URL('../../../../test-fixtures/corpus/policies.jsonl', import.meta.url));
/** The full corpus beside the repository (../shared/data), read only when GOVDISC_FULL_CORPUS=1. */
export const FULL_POLICIES_JSONL =
  process.env.POLICIES_JSONL ?? fileURLToPath(new URL('../../../../../shared/data/policies.jsonl', import.meta.url));

/**
 * Known counts of the fixture corpus, asserted exactly: its documents, and those whose 发文字号
 * parseDocNumber reads (27 of the 28 that carry one). Regenerating the fixture prints the first.
 */
export const FIXTURE_COUNTS = { documents: 108, withDocNumber: 27 } as const;

interface PolicyRecord {
  id: string;
  title: string;
  agency: string | null;
  docNumber: string | null;
  publishDate: string | null;
  level: string | null;
  region: string | null;
  category: string | null;
  body: string;
  docType: string | null;
}

export function recordToDocument(r: PolicyRecord): SearchDocument {
  return {
    id: r.id,
    externalId: r.id,
    title: r.title,
    docNumber: r.docNumber,
    agencies: r.agency ? r.agency.split('、') : [],
    docType: r.docType,
    level: r.level,
    region: r.region,
    topics: r.category ? [r.category] : [],
    validity: '有效',
    publishDate: r.publishDate,
    body: r.body,
    version: 1,
  };
}

function readCorpus(file: string, remedy: string): string[] {
  if (!existsSync(file)) throw new Error(`the real corpus is missing: ${file} (${remedy})`);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

/** Real documents the search checks run on, and what is known about them. */
export interface RealSample {
  name: string;
  docs: SearchDocument[];
  /** Exact counts when the sample is the committed fixture; lower bounds for the full corpus. */
  expected: { exact: boolean; documents: number; withDocNumber: number };
  /** Which unique titles the known-item checks search for: every `step`-th, at most `max`. */
  titles: { step: number; max: number };
}

/**
 * The committed fixture corpus (every document); with GOVDISC_FULL_CORPUS=1, every 12th record of the
 * full corpus instead (~300; a missing file fails the run, never skips it). The test names say which.
 */
export function loadRealSample(): RealSample {
  if (process.env.GOVDISC_FULL_CORPUS === '1') {
    const lines = readCorpus(FULL_POLICIES_JSONL, 'GOVDISC_FULL_CORPUS=1 needs ../shared/data beside the repository, or POLICIES_JSONL');
    return {
      name: `~300 documents of the full corpus (every 12th of ${FULL_POLICIES_JSONL})`,
      docs: lines.filter((_, i) => i % 12 === 0).map(toDocument),
      expected: { exact: false, documents: 280, withDocNumber: 20 },
      titles: { step: 7, max: 25 },
    };
  }
  return {
    name: `the ${FIXTURE_COUNTS.documents} documents of the fixture corpus`,
    docs: readCorpus(FIXTURE_POLICIES_JSONL, 'regenerate it: node scripts/make-test-fixtures.mjs').map(toDocument),
    expected: { exact: true, ...FIXTURE_COUNTS },
    titles: { step: 1, max: Infinity },
  };
}

const toDocument = (line: string) => recordToDocument(JSON.parse(line) as PolicyRecord);

/** A loose spelling of a number as people type it: brackets → 年, or no brackets at all. */
export function looseSpelling(docNumber: string, variant: number): string {
  return variant % 2 === 0 ? docNumber.replace(/〔(\d{4})〕/u, '$1年') : docNumber.replace(/[〔〕]/gu, '');
}

/** Every `step`-th title that occurs once in the sample (a successive version with the same title is no error), at most `n`. */
export function uniqueTitleDocs(docs: readonly SearchDocument[], n: number, step = 7): SearchDocument[] {
  const counts = new Map<string, number>();
  for (const d of docs) counts.set(d.title, (counts.get(d.title) ?? 0) + 1);
  return docs
    .filter((d) => counts.get(d.title) === 1)
    .filter((_, i) => i % step === 0)
    .slice(0, n);
}

/** `actual` equals `expected` for the fixture, and is above it for the full corpus. */
function expectCount(actual: number, expected: RealSample['expected'], key: 'documents' | 'withDocNumber'): void {
  if (expected.exact) expect([key, actual]).toEqual([key, expected[key]]);
  else expect(actual).toBeGreaterThan(expected[key]);
}

/** Real-corpus checks every engine must pass: known items first, exact filter counts. */
export function runRealSampleContract(engine: string, factory: EngineFactory): void {
  const sample = loadRealSample();
  describe(`SearchIndex on ${sample.name}: ${engine}`, () => {
    const { docs } = sample;
    let index: Awaited<ReturnType<EngineFactory>>;
    beforeAll(async () => {
      index = await factory(docs);
    });
    afterAll(async () => index?.dispose?.());

    it('holds the whole sample', async () => {
      expectCount(docs.length, sample.expected, 'documents');
      expect(await index.index.count()).toBe(docs.length);
    });

    it('puts the right document first for document numbers in loose spellings', async () => {
      const withNumbers = docs.filter((d) => d.docNumber && parseDocNumber(d.docNumber));
      expectCount(withNumbers.length, sample.expected, 'withDocNumber');
      for (const [i, d] of withNumbers.entries()) {
        const top = (await index.index.search({ q: looseSpelling(d.docNumber!, i) })).items[0];
        expect([d.docNumber, parseDocNumber(top?.docNumber ?? '')?.key]).toEqual([d.docNumber, parseDocNumber(d.docNumber!)!.key]);
      }
    });

    it('puts a document first when its exact title is searched', async () => {
      const known = uniqueTitleDocs(docs, sample.titles.max, sample.titles.step);
      expect(known.length).toBeGreaterThanOrEqual(20);
      const misses = [];
      for (const d of known) if ((await index.index.search({ q: d.title })).items[0]?.id !== d.id) misses.push(d.title);
      expect(misses).toEqual([]);
    });

    it('counts filter-only results exactly', async () => {
      for (const level of ['省', '市', '国务院', '全国人大']) {
        expect([level, (await index.index.search({ filters: { level } })).total]).toEqual([
          level,
          docs.filter((d) => d.level === level).length,
        ]);
      }
      const laws = (await index.index.search({ filters: { docType: '法律', year: ['2018', '2019'] } })).total;
      expect(laws).toBe(docs.filter((d) => d.docType === '法律' && ['2018', '2019'].includes(d.publishDate?.slice(0, 4) ?? '')).length);
    });
  });
}
