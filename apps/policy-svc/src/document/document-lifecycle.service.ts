import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, type MessageContext, documentAmended, documentExpired, documentRepealed } from '@govdisc/contracts';
import { addToOutbox } from '@govdisc/messaging';
import { OutboxRelayHost } from '@govdisc/service-kit';
import type { DocumentStatus, PolicyDocument } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import { lifecyclePayload } from './document.mapper.js';
import { DocumentRepository } from './document.repository.js';

type Change = 'amend' | 'repeal' | 'expire';

/** What each change does: new status, validity (时效性) and event. */
const CHANGES = {
  amend: { status: 'AMENDED', validity: '已修改', event: documentAmended, link: 'amendedById' },
  repeal: { status: 'REPEALED', validity: '废止', event: documentRepealed, link: 'repealedById' },
  expire: { status: 'EXPIRED', validity: '失效', event: documentExpired, link: null },
} as const;

/** Which statuses each change may start from: an amended document can still be repealed or expire. */
const ALLOWED_FROM: Record<Change, readonly DocumentStatus[]> = {
  amend: ['PUBLISHED', 'AMENDED'],
  repeal: ['PUBLISHED', 'AMENDED'],
  expire: ['PUBLISHED', 'AMENDED'],
};

/** Published → amended / repealed / expired. The change and its event commit together (outbox). */
@Injectable()
export class DocumentLifecycleService {
  private readonly logger = new Logger(DocumentLifecycleService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly documents: DocumentRepository,
    private readonly outbox: OutboxRelayHost,
  ) {}

  async change(input: { documentId: string; change: Change; byDocumentId?: string | null; ctx: MessageContext }): Promise<PolicyDocument> {
    const { documentId, change, ctx } = input;
    const rule = CHANGES[change];
    const byDocumentId = input.byDocumentId ?? null;
    const doc = await this.prisma.$transaction(async (tx) => {
      const current = await this.documents.lockById(documentId, tx);
      if (!current) throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId });
      if (!ALLOWED_FROM[change].includes(current.status)) {
        throw new DomainError(ErrorCode.POLICY_INVALID_TRANSITION, undefined, { status: current.status, action: change });
      }
      if (byDocumentId && !(await this.documents.findById(byDocumentId, tx))) {
        throw new DomainError(ErrorCode.POLICY_DOCUMENT_NOT_FOUND, undefined, { documentId: byDocumentId });
      }
      const changed = await this.documents.changeValidity(
        { id: documentId, status: rule.status, validity: rule.validity, ...(rule.link ? { [rule.link]: byDocumentId } : {}) },
        tx,
      );
      await this.documents.addVersion(changed, tx);
      await addToOutbox(tx, rule.event.make(lifecyclePayload(changed, byDocumentId, new Date()), ctx));
      return changed;
    });
    this.logger.log({ documentId, version: doc.version, change }, 'policy document validity changed');
    this.outbox.relay.nudge();
    return doc;
  }

  /** Scheduled expiry: every published document past its expiry date becomes 失效. */
  async expireDue(today: string, ctx: MessageContext): Promise<number> {
    const due = await this.documents.dueForExpiry(today);
    let done = 0;
    for (const { id } of due) {
      await this.change({ documentId: id, change: 'expire', ctx }).then(
        () => done++,
        (error: unknown) => this.logger.warn({ documentId: id, err: error }, 'scheduled expiry failed; retried next run'),
      );
    }
    return done;
  }
}
