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
  /** how many clauses held the answer (more than one: the question chose among them) */
  holders: number;
}

export interface LocateOptions {
  /** `false`: only verbatim or normalised matches (candidates from a search, where a near miss is most likely another document) */
  allowOverlap?: boolean;
  /** least share of the answer's trigrams the best clause must hold for an overlap match */
  minOverlap?: number;
  /** the best clause must hold this much more of the answer than the runner-up, else the answer is not in one clause */
  minMargin?: number;
  /** the pair's question: when several clauses hold a (short) answer, the one sharing most of its words is cited */
  question?: string;
}

const DEFAULTS = { allowOverlap: true, minOverlap: 0.6, minMargin: 0.15 };

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
  const verbatim = clauses.filter((c) => c.text.replace(/\s+/g, '').includes(squeezedAnswer));
  if (verbatim.length) return match(closestToQuestion(verbatim, opts.question), answer, 'verbatim', 1, verbatim.length);
  const key = matchKey(answer);
  if (!key) return null;
  const normalised = clauses.filter((c) => matchKey(c.text).includes(key));
  if (normalised.length) return match(closestToQuestion(normalised, opts.question), answer, 'normalised', 1, normalised.length);
  if (!opts.allowOverlap) return null;
  const answerGrams = grams(key, 3);
  if (answerGrams.size < 3) return null;
  const scored = clauses.map((c) => ({ c, score: containment(answerGrams, grams(matchKey(c.text), 3)) })).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < opts.minOverlap || best.score - (second?.score ?? 0) < opts.minMargin) return null;
  return match(best.c, answer, 'overlap', best.score, 1);
}

function match(c: CitableClause, answer: string, method: ClauseMatch['method'], score: number, holders: number): ClauseMatch {
  return { anchor: c.anchor, clauseText: c.text, quote: answer.trim(), method, score, holders };
}

/**
 * Of several clauses holding the answer (a short answer such as 50% or 应急广播 recurs), the one sharing most of
 * the question's character bigrams — the question names what the answer is about; ties keep document order.
 */
function closestToQuestion(holders: CitableClause[], question: string | undefined): CitableClause {
  if (holders.length === 1 || !question) return holders[0]!;
  const asked = grams(matchKey(question), 2);
  let best = holders[0]!;
  let bestScore = -1;
  for (const c of holders) {
    const score = containment(asked, grams(matchKey(c.text), 2));
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

/** Character n-grams (a text shorter than n is its own gram). */
function grams(key: string, n: number): Set<string> {
  const chars = [...key];
  if (chars.length < n) return new Set(chars.length ? [chars.join('')] : []);
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
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
