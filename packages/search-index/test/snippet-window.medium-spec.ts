import { readFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import { parseDocNumber, snippet } from '@govdisc/text-analysis';
import { loadRealSample } from '../src/contract/real-sample.js';
import { SNIPPET_CHARS } from '../src/hits.js';
import type { OpenSearchSearchIndex } from '../src/opensearch/opensearch-index.js';
import { buildQuery } from '../src/query/build-query.js';
import { openSearchFactory } from './opensearch-env.js';

const TOPICS = JSON.parse(readFileSync(new URL('./topic-queries.json', import.meta.url), 'utf8')) as string[];

/**
 * OpenSearch sends each hit's body with its display fields (render-query.ts PAGE_SOURCE_FIELDS) and the app cuts
 * the snippet: it must be the one made from the whole body, as the embedded engine makes it.
 */
describe('OpenSearch snippets from the body it sends', () => {
  const sample = loadRealSample();
  const bodies = new Map(sample.docs.map((d) => [d.id, d.body]));
  let os: Awaited<ReturnType<typeof openSearchFactory>>;
  beforeAll(async () => {
    os = await openSearchFactory(sample.docs);
  });
  afterAll(async () => os?.dispose?.());

  it('equal snippet() of the whole body for every hit of the topic and title queries', async () => {
    let hits = 0;
    for (const q of [...TOPICS, ...sample.docs.slice(0, 20).map((d) => d.title)]) {
      const req = { q, now: '2026-01-01', pageSize: 10 };
      const { highlightTerms } = buildQuery(req);
      for (const hit of (await os.index.search(req)).items) {
        hits++;
        expect([q, hit.id, hit.snippet]).toEqual([q, hit.id, snippet(bodies.get(hit.id)!, highlightTerms, { maxChars: SNIPPET_CHARS })]);
      }
    }
    expect(hits).toBeGreaterThan(200);
  });

  it('gives a document-number lookup the opening of the body', async () => {
    const doc = sample.docs.find((d) => d.docNumber && parseDocNumber(d.docNumber))!;
    const hits = await os.index.findByDocNumber(doc.docNumber!);
    expect(hits.map((h) => h.id)).toContain(doc.id);
    for (const hit of hits) expect(hit.snippet).toBe(snippet(bodies.get(hit.id)!, [], { maxChars: SNIPPET_CHARS }));
  });
});

describe('OpenSearch client connections', () => {
  it('are kept alive and reused: many searches, one socket', async () => {
    const os = await openSearchFactory(loadRealSample().docs.slice(0, 20));
    try {
      const index = os.index as OpenSearchSearchIndex;
      const agent = (index.client.connectionPool as unknown as { connections: { agent: Agent }[] }).connections[0]!.agent;
      let opened = 0;
      const create = agent.createConnection.bind(agent);
      agent.createConnection = (...args: Parameters<Agent['createConnection']>) => (opened++, create(...args));
      for (let i = 0; i < 20; i++) await index.search({ q: i % 2 ? '社会保险' : '公积金', pageSize: 10 });
      expect(opened).toBeLessThanOrEqual(1);
    } finally {
      await os.dispose?.();
    }
  });
});
