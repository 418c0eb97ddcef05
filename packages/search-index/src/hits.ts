import { normalize, snippet, type SnippetText } from '@govdisc/text-analysis';
import type { SearchHit, SearchDocument, Suggestion, SuggestionKind } from './types.js';

export const SNIPPET_CHARS = 120;

/** A document's display fields, as result rows show them. */
export type RowFields = Pick<SearchDocument, 'id' | 'externalId' | 'title' | 'docNumber' | 'agencies' | 'publishDate' | 'validity'>;

function row(doc: RowFields, score: number, snippetHtml: string): SearchHit {
  return {
    id: doc.id,
    externalId: doc.externalId ?? null,
    title: doc.title,
    docNumber: doc.docNumber ?? null,
    agencies: doc.agencies,
    publishDate: doc.publishDate ?? null,
    validity: doc.validity,
    snippet: snippetHtml,
    score,
  };
}

/** The row when the engine holds the document's prepared snippet text (the embedded engine). */
export function toHit(doc: RowFields, score: number, highlightTerms: readonly string[], text: SnippetText): SearchHit {
  return row(doc, score, text.snippet(highlightTerms, SNIPPET_CHARS));
}

/** The row from a body not prepared (OpenSearch's lookups by number): snippet() of text-analysis, as SnippetText gives it. */
export function toHitFromBody(doc: RowFields, score: number, highlightTerms: readonly string[], body: string): SearchHit {
  return row(doc, score, snippet(body, highlightTerms, { maxChars: SNIPPET_CHARS }));
}

const KIND_ORDER: Record<SuggestionKind, number> = { docNumber: 0, title: 1, agency: 2 };

/** Normalised prefix for suggestions; spaces ignored like in document numbers. */
export function suggestPrefix(prefix: string): string {
  return normalize(prefix).replace(/\s+/gu, '');
}

export const isPinyinPrefix = (p: string) => /^[a-z][a-z0-9]*$/u.test(p);

/** Suggestions in one order for both engines: kind, shorter text, text, id; no duplicates. */
export function rankSuggestions(all: Suggestion[], limit: number): Suggestion[] {
  const seen = new Set<string>();
  return all
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.text.length - b.text.length ||
        (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) ||
        ((a.id ?? '') < (b.id ?? '') ? -1 : 1),
    )
    .filter((s) => {
      const key = `${s.kind}\u0000${s.text}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .slice(0, limit);
}
