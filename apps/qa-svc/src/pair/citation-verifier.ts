import { Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type PolicyDocumentView,
  type UpsertQaPairReq,
} from '@govdisc/contracts';
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
  async checkAll(input: UpsertQaPairReq): Promise<CheckedCitation[]> {
    if (input.citations.length || !input.sourcePolicyId) return Promise.all(input.citations.map((c) => this.checkOne(c, true)));
    return [await this.checkOne({ documentId: input.sourcePolicyId, quote: input.answer }, false)];
  }

  private async checkOne(c: UpsertQaPairReq['citations'][number], strict: boolean): Promise<CheckedCitation> {
    const base = { documentId: c.documentId, documentVersion: c.documentVersion ?? null, anchor: c.anchor ?? null, quote: c.quote };
    const doc = await this.fetch(c.documentId);
    if (!doc) return { ...base, state: 'UNVERIFIED' };
    if (!squeeze(doc.body).includes(squeeze(c.quote))) {
      if (!strict) return { ...base, documentId: doc.id, documentVersion: doc.version, state: 'UNVERIFIED' };
      throw new DomainError(ErrorCode.QA_CITATION_MISMATCH, undefined, { documentId: c.documentId, quote: c.quote.slice(0, 80) });
    }
    return { ...base, documentId: doc.id, documentVersion: doc.version, state: 'VERIFIED' };
  }

  private async fetch(documentId: string): Promise<PolicyDocumentView | null> {
    try {
      return await this.documents.get(documentId);
    } catch (error) {
      if (!isNotFound(error)) {
        this.logger.warn({ documentId, code: (error as DomainError).code }, 'citation left unverified: policy-svc did not answer');
      }
      return null;
    }
  }
}
