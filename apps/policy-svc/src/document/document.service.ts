import { Injectable, Logger } from '@nestjs/common';
import {
  type CreatePolicyDocumentReq,
  DomainError,
  ErrorCode,
  type MessageContext,
  documentPublished,
} from '@govdisc/contracts';
import { addToOutbox } from '@govdisc/messaging';
import { OutboxRelayHost } from '@govdisc/service-kit';
import type { DocumentStatus, PolicyDocument } from '../generated/prisma/client.js';
import { DocumentAnalyzer } from '../analysis/document-analyzer.js';
import { PrismaService } from '../infra/prisma.service.js';
import { DocumentRepository } from './document.repository.js';
import { publishedPayload } from './document.mapper.js';

/** Document lifecycle rules. State change and its event commit in one transaction (outbox). */
@Injectable()
export class DocumentService {
  private readonly logger = new Logger(DocumentService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly documents: DocumentRepository,
    private readonly outbox: OutboxRelayHost,
    private readonly analyzer: DocumentAnalyzer,
  ) {}

  async create(input: CreatePolicyDocumentReq): Promise<PolicyDocument> {
    const derived = this.analyzer.derive(input);
    const doc = await this.prisma.$transaction(async (tx) => {
      // An editor's keywords/topics on the stored row survive a re-save of the same external id.
      const found = input.externalId ? await this.documents.findByExternalId(input.externalId, tx) : null;
      const current = found ? await this.documents.lockById(found.id, tx) : null;
      const saved = await this.documents.upsert(input, keepOverrides(derived, current), tx);
      await this.documents.addVersion(saved, tx);
      return saved;
    });
    this.logger.log({ documentId: doc.id, version: doc.version }, 'policy document saved');
    return doc;
  }

  async get(id: string): Promise<PolicyDocument> {
    const doc = await this.documents.findById(id);
    if (!doc) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId: id });
    return doc;
  }

  async detail(id: string) {
    const doc = await this.get(id);
    return { doc, versions: await this.documents.versions(id) };
  }

  async getByExternalId(externalId: string): Promise<PolicyDocument> {
    const doc = await this.documents.findByExternalId(externalId);
    if (!doc) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { externalId });
    return doc;
  }

  list(query: { page: number; pageSize: number; status?: DocumentStatus }) {
    return this.documents.list(query);
  }

  async publish(documentId: string, ctx: MessageContext): Promise<PolicyDocument> {
    const doc = await this.prisma.$transaction(async (tx) => {
      const current = await this.documents.lockById(documentId, tx);
      if (!current) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId });
      if (current.status !== 'DRAFT') {
        throw new DomainError(ErrorCode.POLICY_DOCUMENT_ALREADY_PUBLISHED, undefined, { status: current.status });
      }
      const published = await this.documents.markPublished(documentId, tx);
      await this.documents.addVersion(published, tx);
      await addToOutbox(tx, documentPublished.make(publishedPayload(published), ctx));
      return published;
    });
    this.logger.log({ documentId: doc.id, version: doc.version }, 'policy document published');
    this.outbox.relay.nudge();
    return doc;
  }
}

function keepOverrides<D extends Pick<PolicyDocument, 'keywords' | 'topics' | 'topicConfidence'>>(derived: D, current: PolicyDocument | null): D {
  if (!current) return derived;
  return {
    ...derived,
    ...(current.keywordsOverridden ? { keywords: current.keywords } : {}),
    ...(current.topicsOverridden ? { topics: current.topics, topicConfidence: current.topicConfidence } : {}),
  };
}
