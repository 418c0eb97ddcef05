import { analyzerVersion as currentAnalyzerVersion, parseDocNumber } from '@govdisc/text-analysis';
import { analyzeDocument } from '../analysis.js';
import { isPinyinPrefix, rankSuggestions, suggestPrefix, toHit } from '../hits.js';
import { buildQuery, relaxed } from '../query/build-query.js';
import {
  RELAX_BELOW,
  type RankResult,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchRequest,
  type SearchResult,
  type Suggestion,
  type UpsertResult,
} from '../types.js';
import { execute, Scratch } from './execute.js';
import { IndexState } from './state.js';

/**
 * The one-machine engine: app-tokenized BM25 over typed-array postings, facet columns, an exact
 * map of document-number keys. Persist with saveSnapshot/loadSnapshot (snapshot.ts).
 */
export class EmbeddedSearchIndex implements SearchIndex {
  readonly analyzerVersion: string;
  private scratch = new Scratch(0);

  constructor(
    /** @internal exposed for the snapshot codec */
    public state = new IndexState(),
    analyzerVersion = currentAnalyzerVersion(),
  ) {
    this.analyzerVersion = analyzerVersion;
  }

  async upsert(docs: readonly SearchDocument[]): Promise<UpsertResult> {
    return this.upsertSync(docs);
  }

  /** Synchronous variant for bulk builds (the analysis is CPU work anyway). */
  upsertSync(docs: readonly SearchDocument[]): UpsertResult {
    let applied = 0;
    for (const doc of docs) {
      const held = this.state.versions.get(doc.id);
      if (held !== undefined && held >= doc.version) continue;
      this.state.remove(doc.id);
      this.state.add(analyzeDocument(doc));
      applied++;
    }
    return { applied, stale: docs.length - applied };
  }

  async delete(id: string): Promise<boolean> {
    return this.state.remove(id);
  }

  async deleteMany(ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const id of new Set(ids)) if (this.state.remove(id)) deleted++;
    return deleted;
  }

  async count(): Promise<number> {
    return this.state.liveCount;
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    return this.searchSync(request);
  }

  searchSync(request: SearchRequest): SearchResult {
    const { ast, result } = this.executeWithRelax(buildQuery(request), request, { facets: request.facets !== false });
    const { top, total, facets } = result;
    const items = top.map((r) => toHit(this.state.stored[r.doc]!.doc, r.score, ast.highlightTerms, this.state.snippetTexts[r.doc]!));
    return { items, total, facets };
  }

  async rank(request: SearchRequest): Promise<RankResult> {
    const { top, total } = this.executeWithRelax(buildQuery(request), request, { facets: false }).result; // rank() returns no facets: none counted
    return { hits: top.map((r) => ({ id: this.state.stored[r.doc]!.doc.id, score: r.score })), total };
  }

  /** Ranking without result rows (no snippets): ids and scores of the page, total, facets. */
  rankSync(request: SearchRequest): RankResult & { facets: SearchResult['facets'] } {
    const { top, total, facets } = this.executeWithRelax(buildQuery(request), request).result;
    return { hits: top.map((r) => ({ id: this.state.stored[r.doc]!.doc.id, score: r.score })), total, facets };
  }

  /** `auto` matching: when the two-thirds rule finds too little, run once more with the loose rule. */
  private executeWithRelax(ast: ReturnType<typeof buildQuery>, request: SearchRequest, options?: { facets: boolean }) {
    const result = this.execute(ast, options);
    const loose = (request.match ?? 'auto') === 'auto' && result.total < RELAX_BELOW ? relaxed(ast) : null;
    return loose ? { ast: loose, result: this.execute(loose, options) } : { ast, result };
  }

  private execute(ast: ReturnType<typeof buildQuery>, options?: { facets: boolean }) {
    if (this.scratch.n < this.state.size) this.scratch = new Scratch(this.state.size + 1024);
    return execute(this.state, this.scratch, ast, options);
  }

  async suggest(prefix: string, limit = 10): Promise<Suggestion[]> {
    const p = suggestPrefix(prefix);
    if (!p) return [];
    const out: Suggestion[] = [];
    const agencies = new Set<string>();
    for (const st of this.state.stored) {
      if (!st) continue;
      const { id } = st.doc;
      if (st.titleNorm.startsWith(p) || (isPinyinPrefix(p) && st.titlePinyin.startsWith(p)))
        out.push({ kind: 'title', text: st.doc.title, id });
      if (st.docnoNorm?.startsWith(p)) out.push({ kind: 'docNumber', text: st.doc.docNumber!, id });
      for (const a of st.doc.agencies) if (!agencies.has(a) && a.startsWith(p)) agencies.add(a);
    }
    for (const a of agencies) out.push({ kind: 'agency', text: a });
    return rankSuggestions(out, limit);
  }

  async findByDocNumber(docNumber: string): Promise<SearchHit[]> {
    const key = parseDocNumber(docNumber)?.key;
    const docs = key ? (this.state.docno.get(key) ?? []) : [];
    return docs
      .filter((d) => this.state.stored[d])
      .map((d) => toHit(this.state.stored[d]!.doc, 1, [], this.state.snippetTexts[d]!))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}
