/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument --
   OpenSearch's answers are untyped JSON here (`call` returns any); to be typed by the search-cost rework. */
// Type only: the client (~550 modules, ~0.3 CPU-s to load) is imported by open(), so a service on the embedded engine
// never loads it (every e2e stack starts three such services).
import type { Client } from '@opensearch-project/opensearch';
import { analyzerVersion as currentAnalyzerVersion, parseDocNumber, SnippetText } from '@govdisc/text-analysis';
import { analyzeDocument, type AnalyzedDocument } from '../analysis.js';
import { validityWeight } from '../ranking.js';
import { isPinyinPrefix, rankSuggestions, suggestPrefix, toHit, toHitFromBody, type RowFields } from '../hits.js';
import { buildQuery, relaxed } from '../query/build-query.js';
import {
  AnalyzerVersionMismatchError,
  FACET_FIELDS,
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
import { sendWithRetry } from './bulk-retry.js';
import { indexRevision, OS_FACET_FIELD, policyIndexMappings, policyIndexSettings } from './mapping.js';
import { PageRows, type PageRow, type RowKey } from './page-rows.js';
import { PAGE_SOURCE_FIELDS, renderRankBody, renderSearchBody } from './render-query.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface OpenSearchIndexOptions {
  /** e.g. http://127.0.0.1:9200 */
  node: string;
  /** alias the service reads and writes; concrete indices are `<alias>-<analyzerVersion>-<time>` */
  alias: string;
  /** refresh after writes: 'wait_for' (default) makes them searchable before returning */
  refresh?: boolean | 'wait_for';
  /** documents per bulk request */
  bulkSize?: number;
  /** memory for result rows held per document version (PageRows; 0 = none: every page fetches its rows) */
  pageRowsMb?: number;
}

/** The document as OpenSearch stores it: display fields, keys, facets and the app's tokens. */
export function toOpenSearchSource(a: AnalyzedDocument): Json {
  const { doc } = a;
  return {
    id: doc.id,
    external_id: doc.externalId ?? null,
    version: doc.version,
    title: doc.title,
    title_norm: a.titleNorm,
    title_py: a.titlePinyin,
    title_len: doc.title.length,
    title_tok: a.tokens.title_tok.join(' '),
    title_bi: a.tokens.title_bi.join(' '),
    body: doc.body,
    body_tok: a.tokens.body_tok.join(' '),
    clauses: a.clauses.map((tokens) => ({ tok: tokens.join(' ') })),
    docno: doc.docNumber ?? null,
    docno_key: a.docnoKeys,
    docno_norm: a.docnoNorm,
    docno_len: doc.docNumber?.length ?? null,
    ...Object.fromEntries(FACET_FIELDS.map((f) => [OS_FACET_FIELD[f], a.facets[f]])),
    publish_date: doc.publishDate ?? null,
    publish_days: a.publishDays,
    validity_w: validityWeight(doc.validity ?? null),
  };
}

/** Back from _source to a result row's display fields. */
function fromSource(s: Json): RowFields {
  return {
    id: s.id,
    externalId: s.external_id,
    title: s.title,
    docNumber: s.docno,
    agencies: s.agency ?? [],
    validity: s.validity?.[0] ?? s.validity,
    publishDate: s.publish_date,
  };
}

/** A document's _source (PAGE_SOURCE_FIELDS) as a page row, its body prepared for snippets (~1.4 ms for 6,000 characters). */
const toPageRow = (s: Json): PageRow & RowKey => ({
  id: s.id,
  version: s.version,
  fields: fromSource(s),
  text: SnippetText.prepare(s.body ?? ''),
});

/**
 * The client's sockets: kept alive and pooled per node, so a search reuses an open connection
 * instead of paying a TCP handshake; up to 64 in flight (a service's concurrent searches), as many kept idle.
 */
export const POOLED_AGENT = { keepAlive: true, keepAliveMsecs: 1000, maxSockets: 64, maxFreeSockets: 64 } as const;

/**
 * A search's answer trimmed by OpenSearch to what search() and rank() read (filter_path): no _index, sort
 * values, _shards or took per answer, fewer bytes to receive and parse. Buckets keep key and count.
 */
const SEARCH_FILTER_PATH = [
  'hits.total.value',
  'hits.hits._id',
  'hits.hits._score',
  'hits.hits.fields.version',
  'aggregations.*.buckets.key',
  'aggregations.*.buckets.doc_count',
].join(',');
const SEARCH_PATH = (alias: string) => `/${alias}/_search?filter_path=${SEARCH_FILTER_PATH}`;
/** A page's rows by _mget (PageRows): their display fields, body and version only. */
const ROWS_QUERY = `realtime=false&_source_includes=${PAGE_SOURCE_FIELDS.join(',')}&filter_path=docs._source`;
/** filter_path leaves out what is empty: an answer without hits has no hits.hits, an empty facet no buckets. */
const hitsOf = (res: Json): Json[] => (res.hits?.hits ?? []) as Json[];

const escapeRegex = (s: string) => s.replace(/[.?+*|{}[\]()"\\#@&<>~]/gu, (c) => `\\${c}`);

/**
 * The production engine. Same analysis, same AST, same order as the embedded engine; the index
 * sits behind an alias so a rebuild can fill a new index and swap the alias atomically.
 */
export class OpenSearchSearchIndex implements SearchIndex {
  /** the analyzer's version and the index's revision (mapping, stored weights): an index made with other ones is rebuilt (open()) */
  readonly analyzerVersion = `${currentAnalyzerVersion()}.${indexRevision()}`;
  private readonly refresh: boolean | 'wait_for';
  private readonly pageRows: PageRows;

  private constructor(
    readonly client: Client,
    private readonly opts: OpenSearchIndexOptions,
  ) {
    this.refresh = opts.refresh ?? 'wait_for';
    this.pageRows = new PageRows(opts.pageRowsMb);
  }

  /** True when open() replaced an index built by another analyzer: the caller must refill it. */
  replacedForeignIndex = false;
  /** True when open() left an empty index behind the alias (none existed, or a foreign one was replaced). */
  createdEmpty = false;

  /**
   * Connects; creates an empty index behind the alias if there is none. An index built with
   * another analyzer is refused, or — with `replaceForeign` — swapped for an empty one (the old
   * tokens would silently miss), leaving `replacedForeignIndex` set so the owner rebuilds it.
   */
  static async open(opts: OpenSearchIndexOptions & { replaceForeign?: boolean }): Promise<OpenSearchSearchIndex> {
    const { Client } = await import('@opensearch-project/opensearch');
    const index = new OpenSearchSearchIndex(new Client({ node: opts.node, agent: POOLED_AGENT }), opts);
    const current = await index.currentIndex();
    if (!current) {
      const name = await index.createIndex();
      await index.swapAlias(name, []);
      index.createdEmpty = true;
      return index;
    }
    const found = await index.indexAnalyzerVersion(current);
    if (found === index.analyzerVersion) return index;
    if (!opts.replaceForeign) throw new AnalyzerVersionMismatchError(index.analyzerVersion, found);
    const name = await index.createIndex();
    await index.swapAlias(name, [current]);
    await index.call('DELETE', `/${current}`, undefined, [404]);
    index.replacedForeignIndex = true;
    index.createdEmpty = true;
    return index;
  }

  private async call(method: string, path: string, body?: unknown, ignore: number[] = []): Promise<Json> {
    const params = Array.isArray(body) ? { method, path, bulkBody: body } : { method, path, body: body as never };
    const res = await this.client.transport.request(params, { ignore });
    return res.body as Json;
  }

  /** Concrete index the alias points at, or null. */
  async currentIndex(): Promise<string | null> {
    return (await this.aliasIndices())[0] ?? null;
  }

  private async indexAnalyzerVersion(name: string): Promise<string> {
    const version = (await this.mappingMeta(name)).analyzerVersion;
    return typeof version === 'string' || typeof version === 'number' ? String(version) : 'unknown';
  }

  private async mappingMeta(name: string): Promise<Record<string, unknown>> {
    const res = await this.call('GET', `/${name}/_mapping`);
    return (res[name]?.mappings?._meta as Record<string, unknown> | undefined) ?? {};
  }

  /**
   * A small JSON value kept with the index behind the alias (in its mapping's `_meta`), e.g. how far
   * an event projection got: it goes with the index, so a replaced index never inherits it.
   */
  async readMeta(key: string): Promise<unknown> {
    const current = await this.currentIndex();
    return current ? ((await this.mappingMeta(current))[key] ?? null) : null;
  }

  /** Sets one `_meta` key of the index behind the alias (the others, e.g. the analyzer version, are kept). */
  async writeMeta(key: string, value: unknown): Promise<void> {
    const current = await this.currentIndex();
    if (!current) return;
    const meta = await this.mappingMeta(current);
    await this.call('PUT', `/${current}/_mapping`, { _meta: { ...meta, [key]: value } });
  }

  private async createIndex(): Promise<string> {
    const name = `${this.opts.alias}-${this.analyzerVersion}-${Date.now()}`;
    await this.call('PUT', `/${name}`, { settings: policyIndexSettings(), mappings: policyIndexMappings(this.analyzerVersion) });
    return name;
  }

  private async swapAlias(next: string, old: string[]): Promise<void> {
    const actions = [
      ...old.map((index) => ({ remove: { index, alias: this.opts.alias } })),
      { add: { index: next, alias: this.opts.alias, is_write_index: true } },
    ];
    await this.call('POST', '/_aliases', { actions });
  }

  private async bulkIndex(target: string, docs: readonly SearchDocument[], refresh: boolean | 'wait_for'): Promise<UpsertResult> {
    const result = { applied: 0, stale: 0 };
    await sendWithRetry(docs, async (pending) => {
      const body: Json[] = [];
      for (const doc of pending) {
        body.push({ index: { _index: target, _id: doc.id, version: doc.version, version_type: 'external' } });
        body.push(toOpenSearchSource(analyzeDocument(doc)));
      }
      const res = await this.call('POST', `/_bulk?refresh=${refresh}`, body, [429]);
      if (res.status === 429) return pending; // the whole request refused: its write queue is full
      const refused: SearchDocument[] = [];
      (res.items as Json[]).forEach((item, i) => {
        const r = item.index;
        if (r.status === 409) result.stale++;
        else if (r.status >= 200 && r.status < 300) result.applied++;
        else if (r.status === 429)
          refused.push(pending[i]!); // items answer in the order sent
        else throw new Error(`OpenSearch bulk failed for ${r._id}: ${JSON.stringify(r.error)}`);
      });
      return refused;
    });
    return result;
  }

  async upsert(docs: readonly SearchDocument[]): Promise<UpsertResult> {
    const size = this.opts.bulkSize ?? 500;
    const total = { applied: 0, stale: 0 };
    for (let i = 0; i < docs.length; i += size) {
      const r = await this.bulkIndex(this.opts.alias, docs.slice(i, i + size), this.refresh);
      total.applied += r.applied;
      total.stale += r.stale;
    }
    return total;
  }

  /** Fills a new index, then moves the alias to it and drops the old one (zero-downtime reindex). */
  async rebuild(docs: Iterable<SearchDocument> | AsyncIterable<SearchDocument>): Promise<{ index: string; count: number }> {
    const next = await this.createIndex();
    let count: number;
    try {
      count = await this.fill(next, docs);
    } catch (err) {
      await this.call('DELETE', `/${next}`, undefined, [404]); // the alias still points at the old index
      throw err;
    }
    const old = await this.aliasIndices();
    await this.swapAlias(next, old);
    for (const name of old) await this.call('DELETE', `/${name}`, undefined, [404]);
    return { index: next, count };
  }

  private async fill(target: string, docs: Iterable<SearchDocument> | AsyncIterable<SearchDocument>): Promise<number> {
    await this.call('PUT', `/${target}/_settings`, { index: { refresh_interval: '-1' } });
    const size = this.opts.bulkSize ?? 500;
    let batch: SearchDocument[] = [];
    let count = 0;
    for await (const doc of docs) {
      batch.push(doc);
      if (batch.length < size) continue;
      count += (await this.bulkIndex(target, batch, false)).applied;
      batch = [];
    }
    count += (await this.bulkIndex(target, batch, false)).applied;
    await this.call('PUT', `/${target}/_settings`, { index: { refresh_interval: '1s' } });
    await this.call('POST', `/${target}/_refresh`);
    return count;
  }

  private async aliasIndices(): Promise<string[]> {
    const res = await this.call('GET', `/_alias/${this.opts.alias}`, undefined, [404]);
    return Object.keys(res).filter((k) => k !== 'error' && k !== 'status');
  }

  async delete(id: string): Promise<boolean> {
    const res = await this.call('DELETE', `/${this.opts.alias}/_doc/${encodeURIComponent(id)}?refresh=${this.refresh}`, undefined, [404]);
    return res.result === 'deleted';
  }

  async deleteMany(ids: readonly string[]): Promise<number> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return 0;
    const res = await this.call(
      'POST',
      `/_bulk?refresh=${this.refresh}`,
      unique.map((id) => ({ delete: { _index: this.opts.alias, _id: id } })),
    );
    let deleted = 0;
    for (const item of res.items as Json[]) {
      const r = item.delete;
      if (r.status === 200) deleted++;
      else if (r.status !== 404) throw new Error(`OpenSearch bulk delete failed for ${r._id}: ${JSON.stringify(r.error)}`);
    }
    return deleted;
  }

  async count(): Promise<number> {
    return (await this.call('GET', `/${this.opts.alias}/_count`)).count as number;
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const withFacets = request.facets !== false;
    const { ast, res } = await this.runWithRelax(request, (a) => {
      const { aggs, ...body } = renderSearchBody(a);
      return withFacets ? { ...body, aggs } : body;
    });
    const hits = hitsOf(res).map((h) => ({ id: h._id as string, score: h._score as number, version: h.fields.version[0] as number }));
    const rows = await this.pageRows.rowsOf(hits, (ids) => this.fetchRows(ids));
    // a hit deleted between the search and the fetch of its row has no row: it is left off the page
    const items = hits.flatMap((h) => {
      const row = rows.get(h.id);
      return row ? [toHit(row.fields, h.score, ast.highlightTerms, row.text)] : [];
    });
    const facets = {} as SearchResult['facets'];
    for (const f of FACET_FIELDS) {
      facets[f] = withFacets
        ? ((res.aggregations?.[f]?.buckets ?? []) as Json[]).map((b) => ({ value: String(b.key), count: b.doc_count as number }))
        : [];
    }
    return { items, total: res.hits.total.value as number, facets };
  }

  /**
   * The current rows of `ids` as the search sees them (`realtime=false`: from the last refresh, like the search, so a
   * fetch never forces one).
   */
  private async fetchRows(ids: string[]): Promise<(PageRow & RowKey)[]> {
    const res = await this.call('POST', `/${this.opts.alias}/_mget?${ROWS_QUERY}`, { ids });
    return ((res.docs ?? []) as Json[]).filter((d) => d._source).map((d) => toPageRow(d._source));
  }

  async rank(request: SearchRequest): Promise<RankResult> {
    const { res } = await this.runWithRelax(request, renderRankBody);
    const hits = hitsOf(res).map((h) => ({ id: h._id as string, score: h._score as number }));
    return { hits, total: res.hits.total.value as number };
  }

  /** `auto` matching: when the two-thirds rule finds too little, run once more with the loose rule. */
  private async runWithRelax(request: SearchRequest, render: (ast: ReturnType<typeof buildQuery>) => Json) {
    let ast = buildQuery(request);
    let res = await this.call('POST', SEARCH_PATH(this.opts.alias), render(ast));
    const loose = (request.match ?? 'auto') === 'auto' && (res.hits.total.value as number) < RELAX_BELOW ? relaxed(ast) : null;
    if (loose) {
      ast = loose;
      res = await this.call('POST', SEARCH_PATH(this.opts.alias), render(ast));
    }
    return { ast, res };
  }

  async findByDocNumber(docNumber: string): Promise<SearchHit[]> {
    const key = parseDocNumber(docNumber)?.key;
    if (!key) return [];
    const body = {
      size: 100,
      _source: PAGE_SOURCE_FIELDS,
      query: { term: { docno_key: key } },
      sort: [{ id: 'asc' }],
    };
    const res = await this.call('POST', `/${this.opts.alias}/_search`, body);
    // a lookup, not a page: up to 100 rows cut once each, not held
    return (res.hits.hits as Json[]).map((h) => toHitFromBody(fromSource(h._source), 1, [], h._source.body ?? ''));
  }

  async suggest(prefix: string, limit = 10): Promise<Suggestion[]> {
    const p = suggestPrefix(prefix);
    if (!p) return [];
    const titleQuery = [{ prefix: { title_norm: p } }, ...(isPinyinPrefix(p) ? [{ prefix: { title_py: p } }] : [])];
    const find = (should: Json[], len: string, text: string) =>
      this.call('POST', `/${this.opts.alias}/_search`, {
        size: limit * 3,
        _source: ['id', 'title', 'docno'],
        query: { bool: { should, minimum_should_match: 1 } },
        sort: [{ [len]: 'asc' }, { [text]: 'asc' }, { id: 'asc' }],
      });
    const [titles, numbers, agencies] = await Promise.all([
      find(titleQuery, 'title_len', 'title'),
      find([{ prefix: { docno_norm: p } }], 'docno_len', 'docno'),
      this.call('POST', `/${this.opts.alias}/_search`, {
        size: 0,
        aggs: { a: { terms: { field: 'agency', include: `${escapeRegex(p)}.*`, size: 1000 } } },
      }),
    ]);
    const out: Suggestion[] = [
      ...(titles.hits.hits as Json[]).map((h) => ({ kind: 'title' as const, text: h._source.title, id: h._source.id })),
      ...(numbers.hits.hits as Json[]).map((h) => ({ kind: 'docNumber' as const, text: h._source.docno, id: h._source.id })),
      ...(agencies.aggregations.a.buckets as Json[]).map((b) => ({ kind: 'agency' as const, text: String(b.key) })),
    ];
    return rankSuggestions(out, limit);
  }

  /** Deletes every index behind the alias (tests, decommissioning). */
  async drop(): Promise<void> {
    for (const name of await this.aliasIndices()) await this.call('DELETE', `/${name}`, undefined, [404]);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
