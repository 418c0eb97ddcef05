import { indexTokens } from '@govdisc/text-analysis';

const MIN_WORD = 2;
// The opening of a document (purpose, scope, first articles) names its subject; the rest mostly repeats it.
const KEYWORD_WINDOW = 6_000;

/** A document's candidate keywords with their weighted counts: the costly, stateless part (any thread). */
export function termFrequencies(title: string, body: string): Array<[string, number]> {
  const tf = new Map<string, number>();
  // Title words count three times: the title says what the document is about.
  for (const t of indexTokens(title)) if (isKeyword(t)) tf.set(t, (tf.get(t) ?? 0) + 3);
  for (const t of indexTokens(body.slice(0, KEYWORD_WINDOW))) if (isKeyword(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
  return [...tf];
}

/**
 * TF-IDF keywords over jieba tokens. Document frequencies are counted over every document this
 * extractor has seen (an import feeds the whole corpus through it), so IDF sharpens as it runs.
 */
export class KeywordExtractor {
  private readonly df = new Map<string, number>();
  private docs = 0;

  /** Counts the document, then returns its `limit` best keywords. */
  extract(title: string, body: string, limit = 8): string[] {
    return this.rank(termFrequencies(title, body), limit);
  }

  /**
   * The stateful part: counts a document given its term frequencies (call in document order), then ranks
   * them. `count: false` ranks a document already counted (an editor restoring computed keywords).
   */
  rank(tf: ReadonlyArray<readonly [string, number]>, limit = 8, { count = true } = {}): string[] {
    if (count) {
      this.docs++;
      for (const [t] of tf) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    return tf
      .map(([t, f]) => [t, Math.log(1 + f) * Math.log((1 + this.docs) / (1 + (this.df.get(t) ?? 0)) + 1)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([t]) => t);
  }
}

function isKeyword(t: string): boolean {
  return t.length >= MIN_WORD && /\p{Script=Han}/u.test(t) && !/^第.+[条章节款项]$/u.test(t);
}
