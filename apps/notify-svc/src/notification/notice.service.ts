import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Envelope } from '@govdisc/contracts';
import { processOnce } from '@govdisc/messaging';
import { InboxRepository, type NewNotice } from '../inbox/inbox.repository.js';
import { PrismaService } from '../infra/prisma.service.js';
import { inboxRecipients } from '../templates/recipients.js';
import { type NoticeTemplate, checkTemplates, render } from '../templates/template-engine.js';
import { TEMPLATES } from '../templates/templates.js';

/**
 * Turns one event into its notices: every template of the event type, for every recipient of its
 * audience, rendered and stored with the consumer's processed-event marker in one transaction.
 */
@Injectable()
export class NoticeService implements OnModuleInit {
  private readonly byType = new Map<string, NoticeTemplate[]>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly inbox: InboxRepository,
  ) {
    for (const t of TEMPLATES) this.byType.set(t.event.type, [...(this.byType.get(t.event.type) ?? []), t]);
  }

  /** A template that names a variable its event lacks stops the service here, naming both. */
  onModuleInit() {
    checkTemplates(TEMPLATES);
  }

  /** Whether any template speaks about this event type (others are acknowledged without effect). */
  handles(type: string): boolean {
    return this.byType.has(type);
  }

  /** Exactly once per (consumer, event); each (event, recipient) row is unique besides. */
  deliver(consumer: string, envelope: Envelope<unknown>): Promise<boolean> {
    const notices = this.inboxNotices(envelope);
    return this.prisma.$transaction((tx) =>
      processOnce(tx, consumer, envelope.id, async () => {
        await this.inbox.add(notices, tx);
      }),
    );
  }

  private inboxNotices(envelope: Envelope<unknown>): NewNotice[] {
    const payload = envelope.payload as Parameters<typeof inboxRecipients>[1];
    return (this.byType.get(envelope.type) ?? [])
      .filter((t) => t.channel === 'inbox')
      .flatMap((t) => {
        const text = render(t, payload);
        return inboxRecipients(t.audience, payload).map((recipient) => ({ eventId: envelope.id, eventType: envelope.type, recipient, ...text }));
      });
  }
}
