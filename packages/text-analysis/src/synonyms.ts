import { readDictFile, SYNONYM_FILE } from './dictionary.js';
import { normalize } from './normalize.js';

/** A versioned synonym table: each group lists interchangeable terms, the official one first. */
export interface SynonymTable {
  readonly groups: readonly (readonly string[])[];
  alternatives(term: string): string[];
}

export function parseSynonyms(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [
      ...new Set(
        line
          .split(/[,，]/u)
          .map((t) => normalize(t))
          .filter(Boolean),
      ),
    ])
    .filter((group) => group.length > 1);
}

/** Builds a lookup that maps a term to every term sharing a group with it (one hop). */
export function createSynonymTable(groups: string[][]): SynonymTable {
  const byTerm = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const term of group) {
      const set = byTerm.get(term) ?? new Set<string>();
      group.forEach((t) => set.add(t));
      byTerm.set(term, set);
    }
  }
  // Looked up for every word of every question: each term's other terms are listed once.
  const othersOf = new Map<string, readonly string[]>();
  for (const [term, set] of byTerm)
    othersOf.set(
      term,
      [...set].filter((t) => t !== term),
    );
  return {
    groups,
    alternatives(term) {
      const others = othersOf.get(term);
      return others ? [term, ...others] : [term];
    },
  };
}

let table: SynonymTable | undefined;

/** The table shipped in `dict/synonyms.txt`. */
export function defaultSynonyms(): SynonymTable {
  table ??= createSynonymTable(parseSynonyms(readDictFile(SYNONYM_FILE).toString('utf8')));
  return table;
}

/** Query expansion: one group of alternatives per query token, the token itself first. */
export function expandQuery(tokens: readonly string[], synonyms = defaultSynonyms()): string[][] {
  return tokens.map((token) => synonyms.alternatives(token));
}
