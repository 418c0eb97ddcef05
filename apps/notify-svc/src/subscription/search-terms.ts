import { defaultSynonyms, indexTokens, queryTokens } from '@govdisc/text-analysis';

/**
 * Saved searches (政策推送 by keywords) with the platform's one Chinese analysis: a search's terms are its
 * precise-mode query words; a policy's terms are its title + summary index terms with their synonyms
 * (医疗保险 also yields 医保). A policy matches a saved search when it has every one of the search's terms.
 */
export function savedSearchTerms(query: string): string[] {
  return [...new Set(queryTokens(query))].sort();
}

export function policyTerms(title: string, summary?: string | null): string[] {
  const synonyms = defaultSynonyms();
  const out = new Set<string>();
  for (const term of indexTokens(`${title}\n${summary ?? ''}`)) for (const t of synonyms.alternatives(term)) out.add(t);
  return [...out].sort();
}

export function matchesSavedSearch(searchTerms: readonly string[], documentTerms: readonly string[]): boolean {
  const have = new Set(documentTerms);
  return searchTerms.length > 0 && searchTerms.every((t) => have.has(t));
}
