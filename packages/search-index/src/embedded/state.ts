import { SnippetText } from '@govdisc/text-analysis';
import type { AnalyzedDocument } from '../analysis.js';
import { TEXT_FIELDS, type TextField } from '../ranking.js';
import { FacetColumns } from './facet-columns.js';
import { FieldIndex } from './field-index.js';

export const NO_DATE = -0x80000000;

/** A stored document's fields; its body is kept only as its SnippetText (IndexState.snippetTexts). */
export type StoredFields = Omit<AnalyzedDocument['doc'], 'body'>;

/** What the embedded engine keeps per internal document number. */
export interface StoredDoc {
  doc: StoredFields;
  docnoKeys: string[];
  docnoNorm: string | null;
  titleNorm: string;
  titlePinyin: string;
  publishDays: number | null;
}

/** All in-memory structures of the embedded index; internal doc numbers only grow. */
export class IndexState {
  stored: (StoredDoc | null)[] = [];
  /** per internal doc, its body cleaned and cut into words once, for snippets (null once deleted) */
  snippetTexts: (SnippetText | null)[] = [];
  fields: Record<TextField, FieldIndex> = Object.fromEntries(TEXT_FIELDS.map((f) => [f, new FieldIndex()])) as Record<
    TextField,
    FieldIndex
  >;
  columns = new FacetColumns();
  byId = new Map<string, number>();
  versions = new Map<string, number>();
  docno = new Map<string, number[]>();
  /** every clause of every body added (passage scoring): postings by clause number, and each clause's document */
  clauses = new FieldIndex();
  clauseParent = new Int32Array(1024);
  clauseCount = 0;
  private starts = new Int32Array(1);
  private startsFor = 0;
  /** publish date as epoch days per internal doc (NO_DATE when unknown), for sorting and the prior */
  publishDays = new Int32Array(1024);
  liveCount = 0;

  get size(): number {
    return this.stored.length;
  }

  /** Adds an analysed document; `snippetText` when it was prepared before (a snapshot), else made from the body now. */
  add(a: AnalyzedDocument, snippetText = SnippetText.prepare(a.doc.body)): void {
    const n = this.stored.length;
    const { body: _body, ...doc } = a.doc;
    this.snippetTexts.push(snippetText);
    this.stored.push({
      doc,
      docnoKeys: a.docnoKeys,
      docnoNorm: a.docnoNorm,
      titleNorm: a.titleNorm,
      titlePinyin: a.titlePinyin,
      publishDays: a.publishDays,
    });
    for (const f of TEXT_FIELDS) this.fields[f].add(n, a.tokens[f]);
    for (const tokens of a.clauses) this.addClause(n, tokens);
    this.columns.set(n, a.facets);
    this.setPublishDays(n, a.publishDays);
    for (const key of a.docnoKeys) this.docno.set(key, [...(this.docno.get(key) ?? []), n]);
    this.byId.set(doc.id, n);
    this.versions.set(doc.id, doc.version);
    this.liveCount++;
  }

  /** Appends one clause of document `n` (like Lucene's nested documents, kept in the statistics after a delete). */
  addClause(n: number, tokens: readonly string[]): void {
    const c = this.clauseCount++;
    if (c >= this.clauseParent.length) {
      const next = new Int32Array(this.clauseParent.length * 2);
      next.set(this.clauseParent);
      this.clauseParent = next;
    }
    this.clauseParent[c] = n;
    this.clauses.add(c, tokens);
  }

  /**
   * Where each document's clauses begin (`starts[d]` … `starts[d + 1]`): a document's clauses are numbered
   * consecutively when it is added, so clauseParent never decreases. Worked out again after clauses were added.
   */
  clauseStarts(): Int32Array {
    if (this.startsFor !== this.clauseCount || this.starts.length !== this.size + 1) {
      const starts = new Int32Array(this.size + 1);
      for (let c = 0; c < this.clauseCount; c++) starts[this.clauseParent[c]! + 1]!++;
      for (let d = 0; d < this.size; d++) starts[d + 1]! += starts[d]!;
      this.starts = starts;
      this.startsFor = this.clauseCount;
    }
    return this.starts;
  }

  setPublishDays(n: number, days: number | null): void {
    if (n >= this.publishDays.length) {
      const next = new Int32Array(Math.max(n + 1, this.publishDays.length * 2));
      next.set(this.publishDays);
      this.publishDays = next;
    }
    this.publishDays[n] = days ?? NO_DATE;
  }

  remove(id: string): boolean {
    const n = this.byId.get(id);
    if (n === undefined) return false;
    this.stored[n] = null;
    this.snippetTexts[n] = null;
    this.byId.delete(id);
    this.liveCount--;
    return true;
  }
}
