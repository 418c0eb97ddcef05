import { cjkBigrams, indexTokens, normalize, parseDocNumber, pinyinInitials, recordOrderNumbers } from '@govdisc/text-analysis';
import { toDays, type TextField } from './ranking.js';
import type { FacetField, SearchDocument } from './types.js';

/** A document as both engines index it: the app's tokens per field, keys and facet values. */
export interface AnalyzedDocument {
  doc: SearchDocument;
  tokens: Record<TextField, string[]>;
  /** the lookup keys of its number and of every order number in its promulgation record (原令, 修订令) */
  docnoKeys: string[];
  docnoNorm: string | null;
  titleNorm: string;
  titlePinyin: string;
  publishDays: number | null;
  facets: Record<FacetField, string[]>;
}

const clean = (values: readonly (string | null | undefined)[]) => [...new Set(values.map((v) => (v ?? '').trim()).filter(Boolean))];

/** Doc numbers are compared without spaces, brackets folded by NFKC. */
export function normalizeDocNumberText(text: string): string {
  return normalize(text).replace(/\s+/gu, '');
}

function facetsOf(doc: SearchDocument): Record<FacetField, string[]> {
  return {
    agency: clean(doc.agencies),
    level: clean([doc.level]),
    region: clean([doc.region]),
    year: clean([doc.publishDate?.slice(0, 4)]),
    topic: clean(doc.topics),
    docType: clean([doc.docType]),
    validity: clean([doc.validity]),
  };
}

/** Its own number's key first, then the record's order numbers (a regulation is found by each order that revised it). */
export function docnoKeysOf(doc: Pick<SearchDocument, 'docNumber' | 'body'>): string[] {
  const own = doc.docNumber ? parseDocNumber(doc.docNumber)?.key : undefined;
  return [...new Set([...(own ? [own] : []), ...recordOrderNumbers(doc.body)])];
}

export function analyzeDocument(doc: SearchDocument): AnalyzedDocument {
  const titleNorm = normalize(doc.title);
  return {
    doc,
    tokens: { title_tok: indexTokens(doc.title), body_tok: indexTokens(doc.body), title_bi: cjkBigrams(titleNorm) },
    docnoKeys: docnoKeysOf(doc),
    docnoNorm: doc.docNumber ? normalizeDocNumberText(doc.docNumber) : null,
    titleNorm,
    titlePinyin: pinyinInitials(doc.title),
    publishDays: doc.publishDate ? toDays(doc.publishDate) : null,
    facets: facetsOf(doc),
  };
}
