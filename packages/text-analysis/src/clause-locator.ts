import { type Paragraph, clauseText } from './clauses.js';
import { normalize } from './normalize.js';

/** A unit a citation can point at: an article with its following paragraphs, or a plain paragraph of its own. */
export interface CitableClause {
  anchor: string;
  text: string;
}

/** Where an answer was found, how, and the words to quote. */
export interface ClauseMatch {
  anchor: string;
  /** the clause's own text, for the verifier and for editors */
  clauseText: string;
  /** the answer itself: verbatim (or equal after normalisation) in the clause, else the editor must check it */
  quote: string;
  method: 'verbatim' | 'normalised' | 'overlap';
  /** share of the answer's character trigrams found in the clause (1 for verbatim and normalised matches) */
  score: number;
}

export interface LocateOptions {
  /** `false`: only verbatim or normalised matches (candidates from a search, where a near miss is most likely another document) */
  allowOverlap?: boolean;
  /** least share of the answer's trigrams the best clause must hold for an overlap match */
  minOverlap?: number;
  /** the best clause must hold this much more of the answer than the runner-up, else the answer is not in one clause */
  minMargin?: number;
}

const DEFAULTS: Required<LocateOptions> = { allowOverlap: true, minOverlap: 0.6, minMargin: 0.15 };

/**
 * The key two texts are compared by: normalised (NFKC, simplified, lowercase) with whitespace, punctuation and
 * symbols removed, so full-width/half-width forms, line breaks and a changed comma do not hide a quote.
 */
export function matchKey(text: string): string {
  return normalize(text).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * The citable units of a body: each article with the plain paragraphs after it (its 款), and every plain
 * paragraph outside an article (notices without numbered articles). Chapters and sections are containers, not
 * citations: a quote is pinned to the smallest unit holding it.
 */
export function citableClauses(paragraphs: readonly Paragraph[]): CitableClause[] {
  const out: CitableClause[] = [];
  let inArticle = false;
  for (const p of paragraphs) {
    if (p.kind === 'chapter' || p.kind === 'section') inArticle = false;
    if (p.kind === 'article') inArticle = true;
    if (!p.anchor || (p.kind === 'text' && inArticle) || p.kind === 'chapter' || p.kind === 'section') continue;
    out.push({ anchor: p.anchor, text: clauseText(paragraphs, p.anchor) ?? p.text });
  }
  return out;
}

/**
 * The clause of a document that holds an answer: the clause containing it verbatim (whitespace aside), else
 * after normalisation (width, punctuation), else — when allowed — the clause holding the largest share of the
 * answer's character trigrams, if that share clears `minOverlap` and beats the runner-up by `minMargin`.
 * Null when no clause is clearly the one (an answer spread over several paragraphs, or from another text).
 */
export function locateClause(paragraphs: readonly Paragraph[], answer: string, options: LocateOptions = {}): ClauseMatch | null {
  const opts = { ...DEFAULTS, ...options };
  const clauses = citableClauses(paragraphs);
  const squeezedAnswer = answer.replace(/\s+/g, '');
  if (!squeezedAnswer) return null;
  const verbatim = clauses.find((c) => c.text.replace(/\s+/g, '').includes(squeezedAnswer));
  if (verbatim) return match(verbatim, answer, 'verbatim', 1);
  const key = matchKey(answer);
  if (!key) return null;
  const normalised = clauses.find((c) => matchKey(c.text).includes(key));
  if (normalised) return match(normalised, answer, 'normalised', 1);
  if (!opts.allowOverlap) return null;
  const grams = trigrams(key);
  if (grams.size < 3) return null;
  const scored = clauses.map((c) => ({ c, score: containment(grams, trigrams(matchKey(c.text))) })).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < opts.minOverlap || best.score - (second?.score ?? 0) < opts.minMargin) return null;
  return match(best.c, answer, 'overlap', best.score);
}

function match(c: CitableClause, answer: string, method: ClauseMatch['method'], score: number): ClauseMatch {
  return { anchor: c.anchor, clauseText: c.text, quote: answer.trim(), method, score };
}

/** Character trigrams (a text of one or two characters is its own gram). */
function trigrams(key: string): Set<string> {
  const chars = [...key];
  if (chars.length < 3) return new Set(chars.length ? [chars.join('')] : []);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

/** Share of `answer`'s grams that occur in `clause`. */
function containment(answer: Set<string>, clause: Set<string>): number {
  let hit = 0;
  for (const g of answer) if (clause.has(g)) hit++;
  return answer.size ? hit / answer.size : 0;
}

/** Whether a quote is in a text, compared by `matchKey` (what the citation verifier accepts as "the quote is there"). */
export function quoteIn(text: string, quote: string): boolean {
  const key = matchKey(quote);
  return key.length > 0 && matchKey(text).includes(key);
}
