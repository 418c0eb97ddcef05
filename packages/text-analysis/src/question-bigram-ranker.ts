import { normalize } from './normalize.js';

/** Okapi BM25 constants (the textbook defaults: not tuned on any set). */
const K1 = 1.2;
const B = 0.75;

/**
 * first() stops once the leader's score exceeds (the runner-up's + what is left) × this: the sums carry rounding of a
 * few parts in 1e16 per addition, far below 1e-9, so a leader past the margin is the leader of the exact sums too.
 */
const EARLY_STOP_MARGIN = 1 + 1e-9;

const RUNS = /[\p{Script=Han}a-z0-9]+/gu;

/** Character bigrams of a text's Han/Latin/digit runs (a one-character run counts as itself). */
export function questionBigrams(text: string): string[] {
  return bigramKeys(text).map((k) => (k < PAIR ? String.fromCodePoint(k) : String.fromCodePoint(Math.floor(k / PAIR), k % PAIR)));
}

/** One past the highest code point: a bigram's key is first × PAIR + second, a lone character's its code point. */
const PAIR = 0x110000;

/**
 * questionBigrams as numbers (no string per bigram to build and hash on every question): the same bigrams in the
 * same order, each key standing for exactly one bigram.
 */
function bigramKeys(text: string): number[] {
  const out: number[] = [];
  for (const run of normalize(text).match(RUNS) ?? []) {
    let prev = -1;
    let n = 0;
    for (let i = 0; i < run.length; i++) {
      const c = run.codePointAt(i)!;
      if (c > 0xffff) i++;
      if (prev >= 0) out.push(prev * PAIR + c);
      prev = c;
      n++;
    }
    if (n === 1) out.push(prev);
  }
  return out;
}

/** A bigram's documents and its count in each, in parallel arrays (scanned on every question: arrays, not Maps). */
interface Posting {
  docs: number[];
  tfs: number[];
  /** each document's BM25 term for this bigram, as first() adds it; computed at corpus `weighedAt` */
  terms: Float64Array;
  /** `docs` as a typed array, made with `terms` */
  docIds: Int32Array;
  /** the largest of `terms`: the most this bigram can add to any document's score (first()'s early stop) */
  maxTerm: number;
  weighedAt: number;
}

/**
 * A plain BM25 over the stored questions' character bigrams: a second ranker that shares none of the matcher's
 * tuning (no synonyms, sounds, intents, places or weights). Its first hit agreeing with the matcher's first match is
 * evidence for the calibrated confidence (issue 18, ADR 0024: two unrelated rankers agreeing are more often right);
 * it does not rank. Each phrasing is a document of its own; a pair's score is its best phrasing's.
 */
export class QuestionBigramRanker {
  /** per document: its pair's id (null once removed), length and distinct bigrams */
  private readonly ids: (string | null)[] = [];
  private readonly lens: number[] = [];
  private readonly grams: number[][] = [];
  private readonly docsOf = new Map<string, number[]>();
  private readonly postings = new Map<number, Posting>();
  private live = 0;
  private totalLen = 0;
  /** per document: the length term of BM25's denominator (k1·b·len / average len), kept until a document changes */
  private lenTerms = new Float64Array(0);
  private lenTermsValid = false;
  /** bumped by every change of the documents: every posting's terms (IDF, length norm) are then recomputed when next used */
  private generation = 0;
  // scratch for one question at a time
  private acc = new Float64Array(0);
  private readonly touched: number[] = [];
  private readonly asked: Posting[] = [];
  private after = new Float64Array(0);

  upsert(id: string, phrasings: readonly string[]): void {
    this.remove(id);
    const at: number[] = [];
    for (const text of phrasings) {
      const grams = bigramKeys(text);
      if (grams.length === 0) continue;
      const d = this.ids.push(id) - 1;
      this.lens.push(grams.length);
      const tf = new Map<number, number>();
      for (const g of grams) tf.set(g, (tf.get(g) ?? 0) + 1);
      this.grams.push([...tf.keys()]);
      for (const [g, n] of tf) {
        let p = this.postings.get(g);
        if (!p)
          this.postings.set(
            g,
            (p = { docs: [], tfs: [], terms: new Float64Array(0), docIds: new Int32Array(0), maxTerm: 0, weighedAt: -1 }),
          );
        p.docs.push(d);
        p.tfs.push(n);
      }
      at.push(d);
      this.live++;
      this.totalLen += grams.length;
    }
    if (at.length > 0) this.docsOf.set(id, at);
    this.lenTermsValid = false;
    this.generation++;
  }

  remove(id: string): void {
    for (const d of this.docsOf.get(id) ?? []) {
      for (const g of this.grams[d]!) {
        const p = this.postings.get(g)!;
        const i = p.docs.indexOf(d);
        p.docs.splice(i, 1);
        p.tfs.splice(i, 1);
        if (p.docs.length === 0) this.postings.delete(g);
      }
      this.live--;
      this.totalLen -= this.lens[d]!;
      this.ids[d] = null;
      this.grams[d] = [];
    }
    this.docsOf.delete(id);
    this.lenTermsValid = false;
    this.generation++;
  }

  /**
   * The id of the stored question BM25 ranks first for `question` (ties: the earlier stored), or undefined.
   * The question's bigrams are first added rarest first (largest possible term first); after each one, when the leading
   * document is ahead of every other by more than the remaining bigrams could add to any document, it is the first
   * whatever follows, and the rest is not scanned. Exact: the sums in another order differ by a few parts in 1e16, and
   * the lead must exceed a margin of 1e-9; when no lead is that clear (a tie), the sums are made again in the question's
   * order and compared as always.
   */
  first(question: string): string | undefined {
    if (this.live === 0) return undefined;
    if (this.acc.length < this.ids.length) this.acc = new Float64Array(Math.max(1024, this.ids.length * 2));
    const { asked } = this;
    asked.length = 0;
    for (const g of new Set(bigramKeys(question))) {
      const p = this.postings.get(g);
      if (p) asked.push(this.termsOf(p));
    }
    const lead = this.clearLeader(asked.slice().sort((a, b) => b.maxTerm - a.maxTerm));
    const best = lead >= 0 ? lead : this.firstBySums(asked);
    asked.length = 0;
    return best >= 0 ? this.ids[best]! : undefined;
  }

  /** The document ahead of every other by the margin once `postings` are added in this order (stopping as soon as one is), or -1. */
  private clearLeader(postings: readonly Posting[]): number {
    const { acc, touched } = this;
    // after[j]: the most the postings after the j-th can add to a document
    if (this.after.length < postings.length) this.after = new Float64Array(postings.length * 2);
    const after = this.after;
    let rest = 0;
    for (let j = postings.length - 1; j >= 0; j--) {
      after[j] = rest;
      rest += postings[j]!.maxTerm;
    }
    // the leader and its score, and the best score of any other document (scores only grow)
    let lead = -1;
    let leadScore = 0;
    let second = 0;
    let decided = false;
    for (let j = 0; j < postings.length && !decided; j++) {
      const p = postings[j]!;
      const terms = p.terms;
      const docs = p.docIds;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const before = acc[d]!;
        if (before === 0) touched.push(d);
        const v = before + terms[i]!;
        acc[d] = v;
        if (v > second) {
          if (d === lead) leadScore = v;
          else if (v > leadScore) {
            second = leadScore;
            lead = d;
            leadScore = v;
          } else second = v;
        }
      }
      decided = lead >= 0 && leadScore > (second + after[j]!) * EARLY_STOP_MARGIN;
    }
    for (const d of touched) acc[d] = 0;
    touched.length = 0;
    return decided ? lead : -1;
  }

  /** BM25's first by the full sums in the question's bigram order, ties to the earlier stored, or -1. */
  private firstBySums(postings: readonly Posting[]): number {
    const { acc, touched } = this;
    for (const p of postings) {
      const terms = p.terms;
      const docs = p.docIds;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (acc[d] === 0) touched.push(d);
        acc[d] = acc[d]! + terms[i]!;
      }
    }
    let best = -1;
    let bestScore = 0;
    for (const d of touched) {
      const s = acc[d]!;
      if (s > bestScore || (s === bestScore && d < best)) [best, bestScore] = [d, s];
      acc[d] = 0;
    }
    touched.length = 0;
    return best;
  }

  /**
   * The posting with its BM25 terms (and their largest) up to date, kept until a document changes (the same expression
   * on the same numbers as when it was computed per question, so the scores stay bit for bit the same).
   */
  private termsOf(p: Posting): Posting {
    if (p.weighedAt !== this.generation) {
      const lenTerms = this.lengthTerms();
      const n = p.docs.length;
      const idf = Math.log(1 + (this.live - n + 0.5) / (n + 0.5));
      if (p.terms.length !== n) p.terms = new Float64Array(n);
      p.docIds = Int32Array.from(p.docs);
      let max = 0;
      for (let i = 0; i < n; i++) {
        const tf = p.tfs[i]!;
        p.terms[i] = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B) + lenTerms[p.docs[i]!]!);
        if (p.terms[i]! > max) max = p.terms[i]!;
      }
      p.maxTerm = max;
      p.weighedAt = this.generation;
    }
    return p;
  }

  /** Each document's `norm · len` as first() adds it (the same products: the scores stay bit for bit the same). */
  private lengthTerms(): Float64Array {
    if (!this.lenTermsValid) {
      const norm = (K1 * B) / (this.totalLen / this.live);
      if (this.lenTerms.length < this.lens.length) this.lenTerms = new Float64Array(Math.max(1024, this.lens.length * 2));
      for (let d = 0; d < this.lens.length; d++) this.lenTerms[d] = norm * this.lens[d]!;
      this.lenTermsValid = true;
    }
    return this.lenTerms;
  }
}
