import { extractPlaces, placeFactor } from './places.js';
import { indexTokens, queryTokens } from './segmenter.js';
import { expandQuery } from './synonyms.js';

/**
 * How sure we are that a stored question answers the asked one, in [0, 1]: the share of the
 * asker's words (or a synonym of each) that the stored question and its alternative phrasings
 * contain, lowered when the runner-up scores almost as well (the engine could not tell them apart).
 */
export function confidenceOf(input: { asked: string; candidate: string; score: number; runnerUpScore?: number }): number {
  const groups = expandQuery(queryTokens(input.asked));
  if (groups.length === 0 || input.score <= 0) return 0;
  const have = new Set(indexTokens(input.candidate));
  const covered = groups.filter((alternatives) => alternatives.some((a) => have.has(a) || coveredBySubwords(a, have))).length;
  const coverage = covered / groups.length;
  const margin = input.runnerUpScore === undefined ? 1 : Math.max(0, (input.score - input.runnerUpScore) / input.score);
  return round(coverage * (0.8 + 0.2 * margin));
}

/** A long query word the candidate holds in pieces (e.g. 租房提取 as 租房 + 提取) still counts. */
function coveredBySubwords(word: string, have: Set<string>): boolean {
  if (word.length < 4) return false;
  const parts = indexTokens(word).filter((t) => t !== word);
  return parts.length > 1 && parts.every((p) => have.has(p));
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

export interface RankedAnswer {
  id: string;
  score: number;
  confidence: number;
}

/**
 * Re-ranks engine hits for a question: scores are weighed by how the candidates' places fit the
 * places asked about, then each gets a confidence (halved-ish when its places contradict the
 * question's). `questionOf(id)` gives a candidate's question and alternative phrasings.
 */
export function rankAnswers(question: string, hits: ReadonlyArray<{ id: string; score: number }>, questionOf: (id: string) => string): RankedAnswer[] {
  const asked = extractPlaces(question);
  const adjusted = hits
    .map((h) => {
      const factor = placeFactor(asked, extractPlaces(questionOf(h.id)));
      return { id: h.id, score: h.score * factor, factor };
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return adjusted.map((a, i) => ({
    id: a.id,
    score: a.score,
    confidence: round(
      confidenceOf({ asked: question, candidate: questionOf(a.id), score: a.score, runnerUpScore: adjusted[i + 1]?.score }) * Math.min(1, a.factor),
    ),
  }));
}

/** Token set of a question, for grouping similar unanswered questions. */
export function questionTokens(question: string): string[] {
  return [...new Set(queryTokens(question))].sort();
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sb = new Set(b);
  const inter = a.filter((x) => sb.has(x)).length;
  return inter / (a.length + b.length - inter);
}
