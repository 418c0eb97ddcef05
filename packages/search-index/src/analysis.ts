import {
  cjkBigrams,
  indexTokens,
  normalize,
  parseDocNumber,
  pinyinInitials,
  recordOrderNumbers,
  toParagraphs,
  type Paragraph,
} from '@govdisc/text-analysis';
import { toDays, type TextField } from './ranking.js';
import type { FacetField, SearchDocument } from './types.js';

/** A document as both engines index it: the app's tokens per field, keys and facet values. */
export interface AnalyzedDocument {
  doc: SearchDocument;
  tokens: Record<TextField, string[]>;
  /** the body's clauses (passages), each as its index tokens: scored on their own for passage-level retrieval */
  clauses: string[][];
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

/**
 * The body's clauses for passage scoring, from the paragraphs and anchors of toParagraphs (the anchors a citation
 * uses): an article (art-N) with the unnumbered paragraphs after it (its 款 and 项) is one clause; a chapter or
 * section heading is a clause of its own; a paragraph outside any article (a notice without numbered articles,
 * the promulgation record) is a clause of its own. Returns the paragraph indices where each clause starts.
 */
export function clauseStarts(paragraphs: readonly Pick<Paragraph, 'kind'>[]): number[] {
  const starts: number[] = [];
  let inArticle = false;
  paragraphs.forEach((p, i) => {
    if (p.kind === 'text' && inArticle) return;
    inArticle = p.kind === 'article';
    starts.push(i);
  });
  return starts;
}

/** Body tokens paragraph by paragraph (the same tokens as the whole body: segmentation never crosses a line) and per clause. */
function bodyAndClauseTokens(body: string): { body: string[]; clauses: string[][] } {
  const paragraphs = toParagraphs(body);
  const perParagraph = paragraphs.map((p) => indexTokens(p.text));
  const starts = clauseStarts(paragraphs);
  const clauses = starts.map((s, k) => perParagraph.slice(s, starts[k + 1] ?? paragraphs.length).flat());
  return { body: perParagraph.flat(), clauses: clauses.filter((c) => c.length > 0) };
}

export function analyzeDocument(doc: SearchDocument): AnalyzedDocument {
  const titleNorm = normalize(doc.title);
  const text = bodyAndClauseTokens(doc.body);
  return {
    doc,
    tokens: { title_tok: indexTokens(doc.title), body_tok: text.body, title_bi: cjkBigrams(titleNorm) },
    clauses: text.clauses,
    docnoKeys: docnoKeysOf(doc),
    docnoNorm: doc.docNumber ? normalizeDocNumberText(doc.docNumber) : null,
    titleNorm,
    titlePinyin: pinyinInitials(doc.title),
    publishDays: doc.publishDate ? toDays(doc.publishDate) : null,
    facets: facetsOf(doc),
  };
}
