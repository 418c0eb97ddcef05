import { decodeEntities, escapeHtml } from './html.js';
import { normalize } from './normalize.js';
import { cutWords } from './segmenter.js';

export interface SnippetOptions {
  maxChars?: number;
}

/** Where the first query term occurs (raw text may differ from its normalised form; then 0). */
function firstHit(text: string, terms: readonly string[]): number {
  let best = -1;
  for (const t of terms) {
    const i = text.indexOf(t);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return Math.max(best, 0);
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

/**
 * Words around the first hit. Only a window is cleaned and segmented (bodies can be 100k chars);
 * its first and last words may be cut by the window, so they are dropped unless they touch the
 * text's ends.
 */
function windowWords(text: string, hit: number, maxChars: number): { words: string[]; cutStart: boolean; cutEnd: boolean } {
  const from = Math.max(0, hit - leadChars(maxChars) - EDGE);
  const to = Math.min(text.length, hit + maxChars + EDGE);
  const plain = decodeEntities(text.slice(from, to)).replace(/\s+/gu, ' ');
  const words = cutWords(from === 0 ? plain.trimStart() : plain);
  if (from > 0 && words.length > 1) words.shift();
  if (to < text.length && words.length > 1) words.pop();
  return { words, cutStart: from > 0, cutEnd: to < text.length };
}

/**
 * A highlighted excerpt: HTML-escaped, matches wrapped in <em>…</em>, cut only at word
 * boundaries (jieba precise mode), at most maxChars characters of text.
 */
export function snippet(text: string, queryTerms: readonly string[], opts: SnippetOptions = {}): string {
  const maxChars = opts.maxChars ?? 160;
  const terms = [...new Set(queryTerms.map(normalizeWord).filter(Boolean))];
  const { words, cutStart, cutEnd } = windowWords(text, firstHit(text, terms), maxChars);
  const firstIdx = Math.max(0, words.findIndex((w) => isHit(w, terms)));
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
