import { readDictFile } from './dictionary.js';
import { normalize } from './normalize.js';

/** The lexicon mined by scripts/make-paraphrase-lexicon.mjs from the Q&A corpus (provenance in its header). */
export const PARAPHRASE_FILE = 'paraphrases.txt';

/** A word another question may use instead, with how strongly the corpus ties the two (0, 1]. */
export interface Paraphrase {
  term: string;
  weight: number;
}

/**
 * Weighted paraphrases: unlike the synonym table (interchangeable terms, full weight), these are
 * associations learned from the data (questions whose answers coincide, question words ↔ answer
 * words), tried only for a word the other question lacks and counted at a fraction of its weight.
 */
export interface ParaphraseLexicon {
  readonly size: number;
  of(word: string): readonly Paraphrase[];
}

const NONE: readonly Paraphrase[] = [];

/** Parses `word<TAB>alternative:weight,…` lines (`#` comments); bad weights are skipped, weights clamped to (0, 1]. */
export function parseParaphrases(text: string): ParaphraseLexicon {
  const byWord = new Map<string, Paraphrase[]>();
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [word, alts] = line.split('\t');
    const key = normalize(word ?? '');
    if (!key || !alts) continue;
    const list = alts.split(',').flatMap((entry) => {
      const at = entry.lastIndexOf(':');
      const term = normalize(entry.slice(0, at));
      const weight = Number(entry.slice(at + 1));
      return at > 0 && term && term !== key && weight > 0 ? [{ term, weight: Math.min(1, weight) }] : [];
    });
    if (list.length > 0) byWord.set(key, list);
  }
  return { size: byWord.size, of: (word) => byWord.get(word) ?? NONE };
}

let lexicon: ParaphraseLexicon | undefined;

/** The lexicon shipped in `dict/paraphrases.txt`. */
export function defaultParaphrases(): ParaphraseLexicon {
  lexicon ??= parseParaphrases(readDictFile(PARAPHRASE_FILE).toString('utf8'));
  return lexicon;
}

/** A lexicon with no entries (matching without paraphrases). */
export const NO_PARAPHRASES: ParaphraseLexicon = { size: 0, of: () => NONE };
