import { readFileSync } from 'node:fs';
import { FIXTURE_DOCS, FIXTURE_NOW } from '../src/contract/fixtures.js';
import { loadRealSample, looseSpelling, uniqueTitleDocs } from '../src/contract/real-sample.js';
import { EmbeddedSearchIndex } from '../src/embedded/embedded-index.js';
import type { SearchDocument, SearchIndex, SearchRequest } from '../src/types.js';
import { openSearchFactory } from './opensearch-env.js';

/** Topic queries both engines answer alike (scripts/make-test-fixtures.mjs keeps documents for them). */
const TOPICS = JSON.parse(readFileSync(new URL('./topic-queries.json', import.meta.url), 'utf8')) as string[];

const top10 = (r: { items: { id: string }[] }) => r.items.map((h) => h.id);

/** Share of the longer top-10 list that the other engine also returned. */
function overlap(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const set = new Set(b);
  return a.filter((x) => set.has(x)).length / Math.max(a.length, b.length);
}

function runParity(
  name: string,
  docs: () => SearchDocument[],
  knownItems: (docs: SearchDocument[]) => SearchRequest[],
  filterOnly: SearchRequest[],
) {
  describe(`parity embedded ⇄ OpenSearch: ${name}`, () => {
    let data: SearchDocument[];
    let embedded: SearchIndex;
    let os: Awaited<ReturnType<typeof openSearchFactory>>;
    const both = async (req: SearchRequest) => {
      const r = { now: FIXTURE_NOW, pageSize: 10, ...req };
      return Promise.all([embedded.search(r), os.index.search(r)]);
    };

    beforeAll(async () => {
      data = docs();
      const e = new EmbeddedSearchIndex();
      await e.upsert(data);
      embedded = e;
      os = await openSearchFactory(data);
    });
    afterAll(async () => os?.dispose?.());

    it('returns equal totals and facets on filter-only queries', async () => {
      for (const req of filterOnly) {
        const [e, o] = await both(req);
        expect([req.filters, o.total, o.facets]).toEqual([req.filters, e.total, e.facets]);
      }
    });

    it('puts the same document first for document-number and known-title queries', async () => {
      for (const req of knownItems(data)) {
        const [e, o] = await both(req);
        expect([req.q, o.items[0]?.id]).toEqual([req.q, e.items[0]?.id]);
      }
    });

    it('agrees on totals, on ≥ 0.9 of the top 10 on average, and on scores over topic queries', async () => {
      const overlaps: number[] = [];
      for (const q of TOPICS) {
        const [e, o] = await both({ q });
        expect([q, o.total]).toEqual([q, e.total]);
        overlaps.push(overlap(top10(e), top10(o)));
        const embeddedScore = new Map(e.items.map((h) => [h.id, h.score]));
        for (const h of o.items.filter((x) => embeddedScore.has(x.id))) {
          expect([q, h.id, Math.abs(embeddedScore.get(h.id)! - h.score) / h.score < 1e-4]).toEqual([q, h.id, true]);
        }
      }
      const mean = overlaps.reduce((a, b) => a + b, 0) / overlaps.length;
      expect(mean).toBeGreaterThanOrEqual(0.9);
    });
  });
}

const LEVEL_FILTERS: SearchRequest[] = ['省', '市', '国务院', '部委', '全国人大', '两高', '区县'].map((level) => ({ filters: { level } }));

runParity(
  'fixtures',
  () => FIXTURE_DOCS,
  (docs) => [
    ...docs.filter((d) => d.docNumber).map((d, i) => ({ q: looseSpelling(d.docNumber!, i) })),
    ...docs.map((d) => ({ q: d.title })),
  ],
  [...LEVEL_FILTERS, { filters: { validity: ['有效', '废止'] } }, { filters: { year: '2021' } }, {}],
);

const sample = loadRealSample();
runParity(
  sample.name,
  () => sample.docs,
  (docs) => [
    ...docs.filter((d) => d.docNumber).map((d, i) => ({ q: looseSpelling(d.docNumber!, i) })),
    ...uniqueTitleDocs(docs, Math.min(40, sample.titles.max), sample.titles.step).map((d) => ({ q: d.title })),
  ],
  [
    ...LEVEL_FILTERS,
    { filters: { docType: ['法律', '行政法规'] } },
    { filters: { region: '浙江省' } },
    { filters: { year: ['2019', '2020'] } },
    {},
  ],
);
