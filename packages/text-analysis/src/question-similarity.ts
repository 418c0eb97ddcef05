import { queryTokens } from './segmenter.js';

/** Token set of a question, for grouping similar unanswered questions. */
export function questionTokens(question: string): string[] {
  return [...new Set(queryTokens(question))].sort();
}

/** Similarity of two token sets: intersection over union. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sb = new Set(b);
  const inter = a.filter((x) => sb.has(x)).length;
  return inter / (a.length + b.length - inter);
}
