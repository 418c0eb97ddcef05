import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocNumber } from '@govdisc/text-analysis';
import type { SearchDocument } from '../types.js';
import type { EngineFactory } from './search-index.contract.js';

/** The shared corpus sits beside the repository (../shared/data). */
export const POLICIES_JSONL = process.env.POLICIES_JSONL ?? fileURLToPath(new URL('../../../../../shared/data/policies.jsonl', import.meta.url));

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

/** Every `step`-th record of the shared corpus (deterministic), ~300 by default. */
export function loadRealSample(step = 12): SearchDocument[] {
  if (!existsSync(POLICIES_JSONL)) throw new Error(`the real corpus is missing: ${POLICIES_JSONL} (set POLICIES_JSONL)`);
  const lines = readFileSync(POLICIES_JSONL, 'utf8').split('\n').filter(Boolean);
  return lines.filter((_, i) => i % step === 0).map((l) => recordToDocument(JSON.parse(l) as PolicyRecord));
}

/** A loose spelling of a number as people type it: brackets → 年, or no brackets at all. */
export function looseSpelling(docNumber: string, variant: number): string {
  return variant % 2 === 0 ? docNumber.replace(/〔(\d{4})〕/u, '$1年') : docNumber.replace(/[〔〕]/gu, '');
}

/** Titles that occur once in the sample (a successive version with the same title is no error). */
export function uniqueTitleDocs(docs: readonly SearchDocument[], n: number): SearchDocument[] {
  const counts = new Map<string, number>();
  for (const d of docs) counts.set(d.title, (counts.get(d.title) ?? 0) + 1);
  return docs.filter((d) => counts.get(d.title) === 1).filter((_, i) => i % 7 === 0).slice(0, n);
}

/** Real-corpus checks every engine must pass: known items first, exact filter counts. */
export function runRealSampleContract(engine: string, factory: EngineFactory): void {
  describe(`SearchIndex on ~300 real documents: ${engine}`, () => {
    const docs = loadRealSample();
    let index: Awaited<ReturnType<EngineFactory>>;
    beforeAll(async () => {
      index = await factory(docs);
    });
    afterAll(async () => index?.dispose?.());

    it('holds the whole sample', async () => {
      expect(docs.length).toBeGreaterThan(280);
      expect(await index.index.count()).toBe(docs.length);
    });

    it('puts the right document first for document numbers in loose spellings', async () => {
      const withNumbers = docs.filter((d) => d.docNumber && parseDocNumber(d.docNumber));
      expect(withNumbers.length).toBeGreaterThan(20);
      for (const [i, d] of withNumbers.entries()) {
        const top = (await index.index.search({ q: looseSpelling(d.docNumber!, i) })).items[0];
        expect([d.docNumber, parseDocNumber(top?.docNumber ?? '')?.key]).toEqual([d.docNumber, parseDocNumber(d.docNumber!)!.key]);
      }
    });

    it('puts a document first when its exact title is searched', async () => {
      const known = uniqueTitleDocs(docs, 25);
      const misses = [];
      for (const d of known) if ((await index.index.search({ q: d.title })).items[0]?.id !== d.id) misses.push(d.title);
      expect(misses).toEqual([]);
    });

    it('counts filter-only results exactly', async () => {
      for (const level of ['省', '市', '国务院', '全国人大']) {
        expect([level, (await index.index.search({ filters: { level } })).total]).toEqual([level, docs.filter((d) => d.level === level).length]);
      }
      const laws = (await index.index.search({ filters: { docType: '法律', year: ['2018', '2019'] } })).total;
      expect(laws).toBe(docs.filter((d) => d.docType === '法律' && ['2018', '2019'].includes(d.publishDate?.slice(0, 4) ?? '')).length);
    });
  });
}
