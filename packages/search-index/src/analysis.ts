import { cjkBigrams, indexTokens, normalize, parseDocNumber, pinyinInitials } from '@govdisc/text-analysis';
import { toDays, type TextField } from './ranking.js';
import type { FacetField, SearchDocument } from './types.js';

/** A document as both engines index it: the app's tokens per field, keys and facet values. */
export interface AnalyzedDocument {
  doc: SearchDocument;
  tokens: Record<TextField, string[]>;
  docnoKey: string | null;
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

export function analyzeDocument(doc: SearchDocument): AnalyzedDocument {
  const titleNorm = normalize(doc.title);
  return {
    doc,
    tokens: { title_tok: indexTokens(doc.title), body_tok: indexTokens(doc.body), title_bi: cjkBigrams(titleNorm) },
    docnoKey: doc.docNumber ? (parseDocNumber(doc.docNumber)?.key ?? null) : null,
    docnoNorm: doc.docNumber ? normalizeDocNumberText(doc.docNumber) : null,
    titleNorm,
    titlePinyin: pinyinInitials(doc.title),
    publishDays: doc.publishDate ? toDays(doc.publishDate) : null,
    facets: facetsOf(doc),
  };
}
