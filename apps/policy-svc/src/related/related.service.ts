import { Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, type PolicyValidity, type RelatedPolicy, type z } from '@govdisc/contracts';
import { DocumentRepository, type RelatedRow } from '../document/document.repository.js';
import { LexiconService } from '../search/lexicon/lexicon.service.js';
import { titleTerms } from '../search/lexicon/search-lexicon.js';
import { SearchEngine } from '../search/search-engine.js';
import { type RankedRelated, rankRelated } from './related-scoring.js';
import { agenciesOf } from '../analysis/agencies.js';
import { visibleTo } from '../document/document.service.js';

/** Candidates read from the table (most shared keywords first) and from the index (title search). */
const TABLE_CANDIDATES = 200;
const TITLE_CANDIDATES = 20;

type RelatedView = z.input<typeof RelatedPolicy>;

/** "Related documents" of one document: see rankRelated for the rules. */
@Injectable()
export class RelatedService {
  private readonly logger = new Logger(RelatedService.name);

  constructor(
    private readonly documents: DocumentRepository,
    private readonly engine: SearchEngine,
    private readonly lexicon: LexiconService,
  ) {}

  async related(input: { documentId: string; limit: number; actor: Actor | null }): Promise<RelatedView[]> {
    const source = await this.documents.findById(input.documentId);
    // A draft's related documents are staff-only like the draft itself (candidates are never drafts).
    if (!source || !visibleTo(source, input.actor))
      throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId: input.documentId });
    const candidates = await this.documents.relatedCandidates(source, await this.titleMatches(source.title), TABLE_CANDIDATES);
    const ranked = rankRelated(
      { ...source, titleTerms: titleTerms(source.title) },
      candidates.map((c) => ({ ...c, titleTerms: titleTerms(c.title) })),
      this.lexicon.lexicon,
      input.limit,
    );
    return ranked.map(toView);
  }

  /** Documents whose words match the title (loose matching); none while the index is not ready. */
  private async titleMatches(title: string): Promise<string[]> {
    try {
      const result = await this.engine.index.search({ q: title, match: 'loose', page: 1, pageSize: TITLE_CANDIDATES });
      return result.items.map((item) => item.id);
    } catch (error) {
      this.logger.warn({ err: error }, 'title candidates for related documents unavailable');
      return [];
    }
  }
}

function toView({ doc, relation, shared, score }: RankedRelated<RelatedRow & { titleTerms: string[] }>): RelatedView {
  return {
    id: doc.id,
    externalId: doc.externalId,
    title: doc.title,
    docNumber: doc.docNumber,
    agencies: agenciesOf(doc),
    publishDate: doc.publishDate,
    validity: doc.validity as z.infer<typeof PolicyValidity>,
    relation,
    shared,
    score,
  };
}
