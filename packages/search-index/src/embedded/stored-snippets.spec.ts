import { readFileSync } from 'node:fs';
import { snippet } from '@govdisc/text-analysis';
import { loadRealSample } from '../contract/real-sample.js';
import { SNIPPET_CHARS } from '../hits.js';
import { buildQuery } from '../query/build-query.js';
import type { SearchRequest } from '../types.js';
import { EmbeddedSearchIndex } from './embedded-index.js';

/** Topic queries of the parity suite, and titles: hits deep inside bodies and at their start. */
const TOPICS = JSON.parse(readFileSync(new URL('../../test/topic-queries.json', import.meta.url), 'utf8')) as string[];
const NOW = '2026-01-01';
const emphasised = (html: string) => [...html.matchAll(/<em>(.*?)<\/em>/gu)].map((m) => m[1]);
/** From the first highlight to the last: what a window's edges can never change. */
const core = (html: string) => html.slice(html.indexOf('<em>'), html.lastIndexOf('</em>'));

describe('snippets from the words the index stored (SnippetText) next to segmenting a window per hit (snippet())', () => {
  const sample = loadRealSample();
  const bodies = new Map(sample.docs.map((d) => [d.id, d.body]));
  const index = new EmbeddedSearchIndex();
  index.upsertSync(sample.docs);
  const requests: SearchRequest[] = [...TOPICS.map((q) => ({ q })), ...sample.docs.slice(0, 30).map((d) => ({ q: d.title }))];

  it('are equal for nearly every hit and keep the same highlights where a window edge cut a word differently', () => {
    let same = 0;
    let hits = 0;
    for (const request of requests) {
      const req = { ...request, now: NOW, pageSize: 10 };
      const result = index.searchSync(req);
      const { highlightTerms } = buildQuery(req); // the loose retry keeps the same terms
      for (const hit of result.items) {
        const old = snippet(bodies.get(hit.id)!, highlightTerms, { maxChars: SNIPPET_CHARS });
        hits++;
        if (hit.snippet === old) {
          same++;
          continue;
        }
        expect([request.q, hit.id, emphasised(hit.snippet), core(hit.snippet)]).toEqual([request.q, hit.id, emphasised(old), core(old)]);
      }
    }
    expect(hits).toBeGreaterThan(300);
    expect(same / hits).toBeGreaterThanOrEqual(0.97);
  });
});
