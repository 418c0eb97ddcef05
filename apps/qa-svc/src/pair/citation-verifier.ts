import { Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, type PolicyDocumentView, type UpsertQaPairReq } from '@govdisc/contracts';
import { clauseAnchor, clauseText } from '@govdisc/text-analysis';
import { PolicyDocuments, isNotFound } from './policy-documents.js';

export interface CheckedCitation {
  documentId: string;
  documentVersion: number | null;
  anchor: string | null;
  quote: string;
  state: 'VERIFIED' | 'UNVERIFIED';
}

/** Whitespace and line breaks differ between an answer and the stored paragraphs; compare without them. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Checks each quote against the cited document's current text (asking policy-svc). A quote that is
 * not in the document is refused; a document that cannot be reached or is not imported yet leaves
 * the citation UNVERIFIED rather than blocking the editor.
 */
@Injectable()
export class CitationVerifier {
  private readonly logger = new Logger(CitationVerifier.name);

  constructor(private readonly documents: PolicyDocuments) {}

  /**
   * Explicit citations are checked strictly. The `sourcePolicyId` shorthand cites the document with
   * the answer as its quote: verified when the answer is verbatim, else kept as UNVERIFIED (an
   * editor's paraphrase is not a wrong citation, just not a checked one).
   */
  async checkAll(input: UpsertQaPairReq, actor: Actor): Promise<CheckedCitation[]> {
    if (input.citations.length || !input.sourcePolicyId) return Promise.all(input.citations.map((c) => this.checkOne(c, true, actor)));
    return [await this.checkOne({ documentId: input.sourcePolicyId, quote: input.answer }, false, actor)];
  }

  /** `actor`: the staff member saving the pair (a draft document may be cited by staff). */
  private async checkOne(c: UpsertQaPairReq['citations'][number], strict: boolean, actor: Actor): Promise<CheckedCitation> {
    const base = { documentId: c.documentId, documentVersion: c.documentVersion ?? null, anchor: c.anchor ?? null, quote: c.quote };
    const doc = await this.fetch(c.documentId, actor);
    if (!doc) return { ...base, state: 'UNVERIFIED' };
    const anchor = c.anchor ? await this.clauseOf(doc.id, c.anchor, actor) : null;
    const citedText = anchor ? anchor.text : doc.body;
    if (!squeeze(citedText).includes(squeeze(c.quote))) {
      if (!strict) return { ...base, documentId: doc.id, documentVersion: doc.version, state: 'UNVERIFIED' };
      const where = anchor ? `所引条款（${c.anchor}）中没有这段引文，请核对引文或条款编号。` : undefined;
      throw new DomainError(ErrorCode.QA_CITATION_MISMATCH, where, {
        documentId: c.documentId,
        anchor: c.anchor ?? null,
        quote: c.quote.slice(0, 80),
      });
    }
    return { ...base, anchor: anchor?.anchor ?? null, documentId: doc.id, documentVersion: doc.version, state: 'VERIFIED' };
  }

  /** The cited clause (第五条, art-5, …) of the document, or CLAUSE_NOT_FOUND listing the clauses it has. */
  private async clauseOf(documentId: string, ref: string, actor: Actor): Promise<{ anchor: string; text: string }> {
    const paragraphs = await this.documents.paragraphs(documentId, actor);
    const anchor = clauseAnchor(ref);
    const text = anchor ? clauseText(paragraphs, anchor) : null;
    if (anchor && text !== null) return { anchor, text };
    const available = paragraphs.flatMap((p) => (p.anchor ? [p.anchor] : [])).slice(0, 50);
    throw new DomainError(ErrorCode.QA_CITATION_CLAUSE_NOT_FOUND, undefined, { documentId, anchor: ref, available });
  }

  private async fetch(documentId: string, actor: Actor): Promise<PolicyDocumentView | null> {
    try {
      return await this.documents.get(documentId, actor);
    } catch (error) {
      if (!isNotFound(error)) {
        this.logger.warn({ documentId, code: (error as DomainError).code }, 'citation left unverified: policy-svc did not answer');
      }
      return null;
    }
  }
}
