import { Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, type PolicyDocumentView, type UpsertQaPairReq } from '@govdisc/contracts';
import { clauseAnchor, clauseText, locateClause, quoteIn, toParagraphs } from '@govdisc/text-analysis';
import { ClauseSearch } from './clause-search.js';
import { PolicyDocuments, isNotFound } from './policy-documents.js';

export interface CheckedCitation {
  documentId: string;
  documentVersion: number | null;
  anchor: string | null;
  quote: string;
  state: 'VERIFIED' | 'UNVERIFIED';
}

/**
 * Checks each quote against the cited document's current text (asking policy-svc). A quote that is
 * not in the document is refused; a document that cannot be reached or is not imported yet leaves
 * the citation UNVERIFIED rather than blocking the editor.
 */
@Injectable()
export class CitationVerifier {
  private readonly logger = new Logger(CitationVerifier.name);

  constructor(
    private readonly documents: PolicyDocuments,
    private readonly search: ClauseSearch,
  ) {}

  /**
   * Explicit citations are checked strictly. The `sourcePolicyId` shorthand cites the document with
   * the answer as its quote, pinned to the clause that holds it (see `locate`): verified when the answer is
   * in that clause, else kept as UNVERIFIED (an editor's paraphrase is not a wrong citation, just not a
   * checked one).
   */
  async checkAll(input: UpsertQaPairReq, actor: Actor): Promise<CheckedCitation[]> {
    if (input.citations.length) return Promise.all(input.citations.map((c) => this.checkOne(c, true, actor)));
    if (!input.sourcePolicyId) return this.bySearch(input, actor);
    return [await this.checkOne({ documentId: input.sourcePolicyId, quote: input.answer }, false, actor, input.question)];
  }

  /**
   * A pair with neither citations nor source: the first search candidate holding the answer verbatim (after
   * normalisation) in one clause is cited, VERIFIED; otherwise none (the pair shows as "citation unverified").
   */
  async bySearch(pair: { question: string; answer: string }, actor: Actor): Promise<CheckedCitation[]> {
    for (const documentId of await this.search.candidates(pair.answer)) {
      const found = await this.locate(documentId, pair, actor, true);
      if (found?.anchor) return [found];
    }
    return [];
  }

  /** `actor`: the staff member saving the pair (a draft document may be cited by staff); `question` helps place a short quote. */
  private async checkOne(
    c: UpsertQaPairReq['citations'][number],
    strict: boolean,
    actor: Actor,
    question?: string,
  ): Promise<CheckedCitation> {
    const base = { documentId: c.documentId, documentVersion: c.documentVersion ?? null, anchor: c.anchor ?? null, quote: c.quote };
    const doc = await this.fetch(c.documentId, actor);
    if (!doc) return { ...base, state: 'UNVERIFIED' };
    const anchor = c.anchor ? await this.clauseOf(doc.id, c.anchor, actor) : null;
    if (!c.anchor && !strict) return this.locateIn(doc, { quote: c.quote, question }, base);
    const citedText = anchor ? anchor.text : doc.body;
    if (!quoteIn(citedText, c.quote)) {
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

  /**
   * Finds the clause of a document (by id or external id) that holds a quote, for a citation given without one
   * (the import shorthand, the backfill). Null when the document is not in the library or cannot be reached.
   */
  async locate(
    documentId: string,
    cited: { quote?: string; answer?: string; question?: string },
    actor: Actor,
    strict = false,
  ): Promise<CheckedCitation | null> {
    const quote = cited.quote ?? cited.answer ?? '';
    const doc = await this.fetch(documentId, actor);
    if (!doc) return null;
    const base = { documentId, documentVersion: null, anchor: null, quote };
    const found = this.locateIn(doc, { quote, question: cited.question }, base, strict);
    return strict && found.state !== 'VERIFIED' ? null : found;
  }

  /**
   * The clause holding the quote: VERIFIED with its anchor when one clause holds it (whitespace, width and
   * punctuation aside); a quote spread over several clauses is VERIFIED on the whole document, without a clause.
   * A quote not in the document (an editor's rewording) may still point at the clause holding most of it —
   * anchored for the editor but UNVERIFIED — unless `strict` (search candidates: exact matches only).
   */
  private locateIn(
    doc: PolicyDocumentView,
    { quote, question }: { quote: string; question?: string },
    base: Omit<CheckedCitation, 'state'>,
    strict = false,
  ): CheckedCitation {
    const cited = { ...base, documentId: doc.id, documentVersion: doc.version, anchor: null };
    const paragraphs = toParagraphs(doc.body);
    const inDocument = quoteIn(doc.body, quote);
    const found = locateClause(paragraphs, quote, { allowOverlap: !strict && !inDocument, question });
    if (found && quoteIn(found.clauseText, quote)) return { ...cited, anchor: found.anchor, state: 'VERIFIED' };
    if (inDocument) return { ...cited, state: 'VERIFIED' };
    return { ...cited, anchor: found?.anchor ?? null, state: 'UNVERIFIED' };
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
