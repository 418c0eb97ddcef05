import { Injectable } from '@nestjs/common';
import { type DocumentPublishedV1, type Envelope, type PairNeedsUpdateV1, documentPublished, pairNeedsUpdate, type z } from '@govdisc/contracts';
import { processOnce } from '@govdisc/messaging';
import { PrismaService } from '../infra/prisma.service.js';
import { NotificationRepository } from './notification.repository.js';

export const POLICY_PUBLISHED_CONSUMER = 'notify-svc__policy-document-published';
export const QA_NEEDS_UPDATE_CONSUMER = 'notify-svc__qa-pair-needs-update';

const REASONS: Record<z.output<typeof PairNeedsUpdateV1>['reason'], string> = { AMENDED: '已修改', REPEALED: '已废止', EXPIRED: '已失效' };

@Injectable()
export class NotificationService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifications: NotificationRepository,
  ) {}

  /** Records the in-app notice of a newly published document, exactly once per event. */
  onDocumentPublished(envelope: Envelope<z.output<typeof DocumentPublishedV1>>): Promise<boolean> {
    const { payload } = envelope;
    return this.prisma.$transaction((tx) =>
      processOnce(tx, POLICY_PUBLISHED_CONSUMER, envelope.id, async () => {
        await this.notifications.create(
          {
            eventId: envelope.id,
            eventType: documentPublished.type,
            title: `新政策发布：${payload.title}`,
            body: [payload.agency, payload.docNumber].filter(Boolean).join(' ') || payload.title,
          },
          tx,
        );
      }),
    );
  }

  /** Tells the answer's owning department that a policy it cites changed, exactly once per event. */
  onPairNeedsUpdate(envelope: Envelope<z.output<typeof PairNeedsUpdateV1>>): Promise<boolean> {
    const { payload } = envelope;
    const owner = payload.ownerDepartment ?? '问答编辑';
    return this.prisma.$transaction((tx) =>
      processOnce(tx, QA_NEEDS_UPDATE_CONSUMER, envelope.id, async () => {
        await this.notifications.create(
          {
            eventId: envelope.id,
            eventType: pairNeedsUpdate.type,
            title: `问答需更新：${payload.question}`.slice(0, 200),
            body: `致${owner}：该问答引用的政策${REASONS[payload.reason]}，已暂停对外展示，请核对后修改并重新提交审核。`,
          },
          tx,
        );
      }),
    );
  }

  list(query: { page: number; pageSize: number; eventId?: string }) {
    return this.notifications.list(query);
  }
}
