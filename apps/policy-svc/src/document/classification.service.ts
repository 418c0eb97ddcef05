import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, type MessageContext, type SetPolicyClassificationReq, documentPublished } from '@govdisc/contracts';
import { addToOutbox } from '@govdisc/messaging';
import { OutboxRelayHost } from '@govdisc/service-kit';
import { DocumentAnalyzer } from '../analysis/document-analyzer.js';
import type { PolicyDocument } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import { publishedPayload } from './document.mapper.js';
import { type ClassificationChange, DocumentRepository } from './document.repository.js';

/**
 * Editors' keywords, topics and citizen topic services (topicCodes). A given list replaces the computed one and sets the override flag that
 * imports and re-analysis respect; null clears the flag and restores what the text yields. The change,
 * a version row and the usual published event (the search read model re-indexes on it) commit together.
 */
@Injectable()
export class ClassificationService {
  private readonly logger = new Logger(ClassificationService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly documents: DocumentRepository,
    private readonly analyzer: DocumentAnalyzer,
    private readonly outbox: OutboxRelayHost,
  ) {}

  async set(input: SetPolicyClassificationReq & { actor: string; ctx: MessageContext }): Promise<PolicyDocument> {
    const doc = await this.prisma.$transaction(async (tx) => {
      const current = await this.documents.lockById(input.documentId, tx);
      if (!current) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId: input.documentId });
      const changed = await this.documents.setClassification(current.id, this.changeOf(current, input), tx);
      await this.documents.addVersion(changed, tx);
      if (changed.status !== 'DRAFT') await addToOutbox(tx, documentPublished.make(publishedPayload(changed), input.ctx));
      return changed;
    });
    this.logger.log(
      {
        documentId: doc.id,
        version: doc.version,
        keywordsOverridden: doc.keywordsOverridden,
        topicsOverridden: doc.topicsOverridden,
        topicCodesOverridden: doc.topicCodesOverridden,
      },
      'policy document classification set',
    );
    this.outbox.relay.nudge();
    return doc;
  }

  private changeOf(current: PolicyDocument, input: SetPolicyClassificationReq & { actor: string }): ClassificationChange {
    const computed =
      input.keywords === null || input.topics === null || input.topicCodes === null ? this.analyzer.classification(current) : null;
    const change: ClassificationChange = { classifiedBy: input.actor, classifiedAt: new Date() };
    if (input.keywords !== undefined) {
      change.keywords = input.keywords ?? computed!.keywords;
      change.keywordsOverridden = input.keywords !== null;
    }
    if (input.topics !== undefined) {
      change.topics = input.topics ?? computed!.topics;
      change.topicConfidence = input.topics === null ? computed!.topicConfidence : null;
      change.topicsOverridden = input.topics !== null;
    }
    if (input.topicCodes !== undefined) {
      change.topicCodes = input.topicCodes ?? computed!.topicCodes;
      change.topicCodesOverridden = input.topicCodes !== null;
    }
    return change;
  }
}
