import { Injectable } from '@nestjs/common';
import { type DocumentPublishedV1, type Envelope, documentPublished, type z } from '@govdisc/contracts';
import { processOnce } from '@govdisc/messaging';
import { PrismaService } from '../infra/prisma.service.js';
import { NotificationRepository } from './notification.repository.js';

export const POLICY_PUBLISHED_CONSUMER = 'notify-svc__policy-document-published';

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

  list(query: { page: number; pageSize: number; eventId?: string }) {
    return this.notifications.list(query);
  }
}
