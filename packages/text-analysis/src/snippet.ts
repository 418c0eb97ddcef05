import { decodeEntities, escapeHtml } from './html.js';
import { normalize } from './normalize.js';
import { cutWords } from './segmenter.js';

export interface SnippetOptions {
  maxChars?: number;
}

/**
 * Where the first query term occurs (raw text may differ from its normalised form; then 0): one scan for all the terms
 * that stops at the first match, where a search per term read the whole body for each term it does not hold.
 */
function firstHit(text: string, terms: readonly string[]): number {
  if (terms.length === 0) return 0;
  return Math.max(anyTerm(terms).exec(text)?.index ?? 0, 0);
}

// A page's snippets look for the same terms: their pattern is made once (bounded cache).
const patterns = new Map<string, RegExp>();
function anyTerm(terms: readonly string[]): RegExp {
  const key = terms.join('\u0000');
  let re = patterns.get(key);
  if (re === undefined) {
    if (patterns.size > 1_000) patterns.clear();
    // code units, like indexOf (no `u` flag): the position is the one the old per-term indexOf gave
    re = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'));
    patterns.set(key, re);
  }
  return re;
}

// Words repeat across documents; normalising each once keeps snippets cheap (bounded cache).
const normalized = new Map<string, string>();
function normalizeWord(word: string): string {
  let n = normalized.get(word);
  if (n === undefined) {
    if (normalized.size > 100_000) normalized.clear();
    n = normalize(word);
    normalized.set(word, n);
  }
  return n;
}

function isHit(word: string, terms: readonly string[]): boolean {
  const n = normalizeWord(word);
  return n.length > 0 && terms.some((t) => n === t || (t.length >= 2 && n.includes(t)));
}

/** Context shown before the first hit, and slack for the words cut by the window's edges. */
const leadChars = (maxChars: number) => Math.floor(maxChars / 5);
const EDGE = 24;
const DEFAULT_MAX_CHARS = 160;

/** The query terms a snippet looks for and marks: normalised, without duplicates or empties. */
export function snippetTerms(queryTerms: readonly string[]): string[] {
  return [...new Set(queryTerms.map(normalizeWord).filter(Boolean))];
}

/** A range [from, to) of a text. */
export interface SnippetWindow {
  from: number;
  to: number;
}

/** Characters before the first hit and after it that the window spans (for an engine that cuts it elsewhere). */
export function snippetWindowSpan(maxChars = DEFAULT_MAX_CHARS): { before: number; after: number } {
  return { before: leadChars(maxChars) + EDGE, after: maxChars + EDGE };
}

/**
 * The only part of a text a snippet reads: around the first of `terms` (from snippetTerms) found by
 * `indexOf` in the raw text, or the text's start. An engine that holds the text elsewhere
 * (OpenSearch) cuts the same window there and sends only that excerpt back.
 */
export function snippetWindow(text: string, terms: readonly string[], maxChars = DEFAULT_MAX_CHARS): SnippetWindow {
  const hit = firstHit(text, terms);
  const span = snippetWindowSpan(maxChars);
  return { from: Math.max(0, hit - span.before), to: Math.min(text.length, hit + span.after) };
}

/**
 * Words of the window. Only the window is cleaned and segmented (bodies can be 100k chars); its
 * first and last words may be cut by the window, so they are dropped unless they touch the text's ends.
 */
function windowWords(excerpt: string, from: number, textLength: number): { words: string[]; cutStart: boolean; cutEnd: boolean } {
  const to = from + excerpt.length;
  const plain = decodeEntities(excerpt).replace(/\s+/gu, ' ');
  const words = cutWords(from === 0 ? plain.trimStart() : plain);
  if (from > 0 && words.length > 1) words.shift();
  if (to < textLength && words.length > 1) words.pop();
  return { words, cutStart: from > 0, cutEnd: to < textLength };
}

/**
 * The snippet of a text given only its window: `excerpt` is text.slice(window.from, window.to) of a
 * text `textLength` characters long, `terms` come from snippetTerms. Equal to snippet(text, …).
 */
export function snippetOfWindow(
  excerpt: string,
  from: number,
  textLength: number,
  terms: readonly string[],
  maxChars = DEFAULT_MAX_CHARS,
): string {
  const { words, cutStart, cutEnd } = windowWords(excerpt, from, textLength);
  const firstIdx = Math.max(
    0,
    words.findIndex((w) => isHit(w, terms)),
  );
  let i = firstIdx;
  let used = 0;
  while (i > 0 && used + words[i - 1]!.length <= leadChars(maxChars)) used += words[--i]!.length;
  const begin = i;
  const out: string[] = [];
  for (used = 0; i < words.length && used + words[i]!.length <= maxChars; i++) {
    used += words[i]!.length;
    out.push(isHit(words[i]!, terms) ? `<em>${escapeHtml(words[i]!)}</em>` : escapeHtml(words[i]!));
  }
  const before = cutStart || begin > 0 ? '…' : '';
  const after = i < words.length || cutEnd ? '…' : '';
  return before + out.join('').trimEnd() + after;
}

/**
 * A highlighted excerpt: HTML-escaped, matches wrapped in <em>…</em>, cut only at word
 * boundaries (jieba precise mode), at most maxChars characters of text.
 */
export function snippet(text: string, queryTerms: readonly string[], opts: SnippetOptions = {}): string {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const terms = snippetTerms(queryTerms);
  const { from, to } = snippetWindow(text, terms, maxChars);
  return snippetOfWindow(text.slice(from, to), from, text.length, terms, maxChars);
}

/** Words longer than a byte can say are kept as several pieces (never seen in real text). */
const MAX_WORD = 255;
/** Every CHECKPOINT-th word's start is kept, so a position's word is found without scanning the whole text. */
const CHECKPOINT = 64;

/**
 * A text prepared once for many snippets (a search index keeps one per document): cleaned as a
 * snippet's window is (entities decoded, whitespace runs as one space) and cut once into
 * precise-mode words, stored as word lengths. `snippet()` then reads the words around the first
 * hit instead of segmenting a window of the text for every result.
 */
export class SnippetText {
  private readonly starts: Uint32Array;
  /** one bit per word: set when the word is its own normal form, so testing it for a hit needs no normalisation */
  private readonly normal: Uint8Array;

  private constructor(
    /** the cleaned text the snippets are cut from */
    readonly text: string,
    /** length of each word, in order; they cover the text */
    readonly lengths: Uint8Array,
  ) {
    this.starts = new Uint32Array(Math.ceil(lengths.length / CHECKPOINT));
    this.normal = new Uint8Array(Math.ceil(lengths.length / 8));
    let at = 0;
    for (let w = 0; w < lengths.length; w++) {
      if (w % CHECKPOINT === 0) this.starts[w / CHECKPOINT] = at;
      const word = text.slice(at, at + lengths[w]!);
      if (normalizeWord(word) === word) this.normal[w >> 3]! |= 1 << (w & 7);
      at += lengths[w]!;
    }
  }

  /** isHit() of word `w`, without the normalisation lookup for words that are already normal. */
  private isHit(w: number, word: string, terms: readonly string[]): boolean {
    if ((this.normal[w >> 3]! & (1 << (w & 7))) === 0) return isHit(word, terms);
    return word.length > 0 && terms.some((t) => word === t || (t.length >= 2 && word.includes(t)));
  }

  /** Cleans and segments `raw` (the one jieba pass this text ever gets). */
  static prepare(raw: string): SnippetText {
    const text = decodeEntities(raw).replace(/\s+/gu, ' ').trimStart();
    const lengths: number[] = [];
    for (const word of cutWords(text)) {
      for (let n = word.length; n > 0; n -= MAX_WORD) lengths.push(Math.min(n, MAX_WORD));
    }
    return new SnippetText(text, Uint8Array.from(lengths));
  }

  /** A prepared text as stored (e.g. a snapshot): `lengths` must come from prepare() of the same text. */
  static restore(text: string, lengths: Uint8Array): SnippetText {
    return new SnippetText(text, lengths);
  }

  /** Index of the first word starting after `pos` (at or after it when `pos` is 0), and its start. */
  private wordAfter(pos: number): { word: number; start: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    let word = lo * CHECKPOINT;
    let start = this.starts.length > 0 ? this.starts[lo]! : 0;
    while (word < this.lengths.length && (pos === 0 ? start < 0 : start <= pos)) start += this.lengths[word++]!;
    return { word, start };
  }

  /**
   * The same excerpt as snippet(text, queryTerms): around the first hit, whole words only, hits in
   * <em>, HTML-escaped, at most maxChars characters. The words are the whole text's rather than a
   * window's, so near the window's edges a word may be cut differently than snippet() would.
   */
  snippet(queryTerms: readonly string[], maxChars = DEFAULT_MAX_CHARS): string {
    const terms = snippetTerms(queryTerms);
    const { text, lengths } = this;
    const { from, to } = snippetWindow(text, terms, maxChars);
    // The words inside the window; a word the window's edge cuts is left out, as snippet() drops it.
    const first = this.wordAfter(from === 0 ? 0 : from);
    const words: string[] = [];
    const hits: boolean[] = [];
    for (let w = first.word, start = first.start; w < lengths.length; w++) {
      const end = start + lengths[w]!;
      if (to < text.length ? end >= to : end > to) break;
      const word = text.slice(start, end);
      words.push(word);
      hits.push(this.isHit(w, word, terms));
      start = end;
    }
    const cutStart = from > 0;
    const cutEnd = to < text.length;
    const firstIdx = Math.max(0, hits.indexOf(true));
    let i = firstIdx;
    let used = 0;
    while (i > 0 && used + words[i - 1]!.length <= leadChars(maxChars)) used += words[--i]!.length;
    const begin = i;
    let out = '';
    let plain = '';
    for (used = 0; i < words.length && used + words[i]!.length <= maxChars; i++) {
      const word = words[i]!;
      used += word.length;
      if (hits[i]) {
        out += `${escapeHtml(plain)}<em>${escapeHtml(word)}</em>`;
        plain = '';
      } else plain += word;
    }
    out += escapeHtml(plain);
    const before = cutStart || begin > 0 ? '…' : '';
    const after = i < words.length || cutEnd ? '…' : '';
    return before + out.trimEnd() + after;
  }
}
