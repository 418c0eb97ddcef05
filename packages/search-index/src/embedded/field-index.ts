import { lengthToByte } from './lucene-norms.js';

/** Postings of one term: ascending internal doc numbers with term frequencies. */
export interface Posting {
  docs: Int32Array;
  tfs: Uint16Array;
  len: number;
}

function grow(p: Posting): void {
  const cap = Math.max(4, p.docs.length * 2);
  const docs = new Int32Array(cap);
  const tfs = new Uint16Array(cap);
  docs.set(p.docs.subarray(0, p.len));
  tfs.set(p.tfs.subarray(0, p.len));
  p.docs = docs;
  p.tfs = tfs;
}

/**
 * Inverted index of one app-tokenized field. Like Lucene before a merge, statistics (docCount,
 * sumTotalTermFreq, df) still include deleted documents; a snapshot round trip compacts them.
 */
export class FieldIndex {
  readonly terms = new Map<string, Posting>();
  norms = new Uint8Array(1024);
  docCount = 0;
  sumTotalTermFreq = 0;

  /** Adds the tokens of document `doc`; documents must be added in ascending order. */
  add(doc: number, tokens: readonly string[]): void {
    if (doc >= this.norms.length) {
      const next = new Uint8Array(Math.max(doc + 1, this.norms.length * 2));
      next.set(this.norms);
      this.norms = next;
    }
    if (tokens.length === 0) return;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, freq] of tf) this.append(term, doc, freq);
    this.norms[doc] = lengthToByte(tokens.length);
    this.docCount++;
    this.sumTotalTermFreq += tokens.length;
  }

  private append(term: string, doc: number, freq: number): void {
    let p = this.terms.get(term);
    if (!p) {
      p = { docs: new Int32Array(2), tfs: new Uint16Array(2), len: 0 };
      this.terms.set(term, p);
    }
    if (p.len === p.docs.length) grow(p);
    p.docs[p.len] = doc;
    p.tfs[p.len] = Math.min(freq, 0xffff);
    p.len++;
  }
}
