import { Injectable } from '@nestjs/common';
import { type DocumentPublishedV1, type Envelope, type PairNeedsUpdateV1, Role, documentPublished, pairNeedsUpdate, type z } from '@govdisc/contracts';
import { processOnce } from '@govdisc/messaging';
import { PrismaService } from '../infra/prisma.service.js';
import { InboxRepository } from '../inbox/inbox.repository.js';

export const POLICY_PUBLISHED_CONSUMER = 'notify-svc__policy-document-published';
export const QA_NEEDS_UPDATE_CONSUMER = 'notify-svc__qa-pair-needs-update';

const REASONS: Record<z.output<typeof PairNeedsUpdateV1>['reason'], string> = { AMENDED: '已修改', REPEALED: '已废止', EXPIRED: '已失效' };

@Injectable()
export class NotificationService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly inbox: InboxRepository,
  ) {}

  /**
   * Records the in-app notice of a newly published document, exactly once per event. Addressed to
   * admins until subscriptions exist: nobody else asked for every new policy in their inbox.
   */
  onDocumentPublished(envelope: Envelope<z.output<typeof DocumentPublishedV1>>): Promise<boolean> {
    const { payload } = envelope;
    return this.prisma.$transaction((tx) =>
      processOnce(tx, POLICY_PUBLISHED_CONSUMER, envelope.id, async () => {
        await this.inbox.add(
          [{
            eventId: envelope.id,
            eventType: documentPublished.type,
            recipient: { role: Role.Admin },
            title: `新政策发布：${payload.title}`,
            body: [payload.agency, payload.docNumber].filter(Boolean).join(' ') || payload.title,
          }],
          tx,
        );
      }),
    );
  }

  /**
   * Tells the editors that a policy an answer cites changed, exactly once per event. The owning
   * department is named in the text: editors carry no department claim yet, so all editors get it.
   */
  onPairNeedsUpdate(envelope: Envelope<z.output<typeof PairNeedsUpdateV1>>): Promise<boolean> {
    const { payload } = envelope;
    const owner = payload.ownerDepartment ?? '问答编辑';
    return this.prisma.$transaction((tx) =>
      processOnce(tx, QA_NEEDS_UPDATE_CONSUMER, envelope.id, async () => {
        await this.inbox.add(
          [{
            eventId: envelope.id,
            eventType: pairNeedsUpdate.type,
            recipient: { role: Role.Editor },
            title: `问答需更新：${payload.question}`.slice(0, 200),
            body: `致${owner}：该问答引用的政策${REASONS[payload.reason]}，已暂停对外展示，请核对后修改并重新提交审核。`,
          }],
          tx,
        );
      }),
    );
  }
}
