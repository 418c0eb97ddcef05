import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Envelope } from '@govdisc/contracts';
import { processOnce } from '@govdisc/messaging';
import { createHash } from 'node:crypto';
import { ChannelRepository, type PersonMessage } from '../channels/channel.repository.js';
import { fitSms } from '../channels/sms-text.js';
import { EmailRepository, type NewEmail, type Tx } from '../email/email.repository.js';
import { type EmailSettings, EMAIL_SETTINGS } from '../email/email.settings.js';
import { InboxRepository, type NewNotice } from '../inbox/inbox.repository.js';
import { PrismaService } from '../infra/prisma.service.js';
import { emailAddress, inboxRecipients } from '../templates/recipients.js';
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
    private readonly emails: EmailRepository,
    private readonly channels: ChannelRepository,
    @Inject(EMAIL_SETTINGS) private readonly email: EmailSettings,
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

  /**
   * Exactly once in effect per (event, recipient, channel): the consumer's processed-event marker,
   * the inbox rows, the queued emails and SMS/WeChat messages commit together, and (event, recipient) /
   * (event, address) / (event, person, channel) are unique keys besides. Emails are sent after commit by
   * EmailSender, SMS and WeChat messages by ChannelSender.
   */
  deliver(consumer: string, envelope: Envelope<unknown>, alsoInTx?: (tx: Tx) => Promise<unknown>): Promise<boolean> {
    const notices = this.inboxNotices(envelope);
    const emails = this.email.smtpUrl ? this.emailNotices(envelope) : [];
    const phone = this.phoneNotices(envelope);
    return this.prisma.$transaction((tx) =>
      processOnce(tx, consumer, envelope.id, async () => {
        await this.inbox.add(notices, tx);
        await this.emails.add(emails, tx);
        await this.channels.addPerPreferences(phone, tx);
        await alsoInTx?.(tx);
      }),
    );
  }

  private emailNotices(envelope: Envelope<unknown>): NewEmail[] {
    const payload = envelope.payload as Parameters<typeof emailAddress>[1];
    const host = new URL(this.email.publicBaseUrl).hostname;
    return (this.byType.get(envelope.type) ?? [])
      .filter((t) => t.channel === 'email')
      .flatMap((t) => {
        const address = emailAddress(t.audience, payload);
        if (!address) return [];
        const { title, body } = render(t, payload);
        // Stable across resends: the same event to the same address is the same message.
        const messageId = `<${envelope.id}.${createHash('sha256').update(address).digest('hex').slice(0, 16)}@${host}>`;
        return [{ eventId: envelope.id, eventType: envelope.type, address, subject: title, body, messageId }];
      });
  }

  /** SMS and WeChat messages for the people the event names (the applicant's account); their preferences decide. */
  private phoneNotices(envelope: Envelope<unknown>): PersonMessage[] {
    const payload = envelope.payload as Parameters<typeof inboxRecipients>[1];
    return (this.byType.get(envelope.type) ?? []).flatMap((t) => {
      const channel = t.channel;
      if (channel !== 'sms' && channel !== 'wechat') return [];
      const people = inboxRecipients(t.audience, payload).flatMap((r) => ('sub' in r ? [r.sub] : []));
      const text = render(t, payload);
      const body = channel === 'sms' ? fitSms(text.title, text.body) : text.body;
      return people.map((sub) => ({ eventId: envelope.id, eventType: envelope.type, sub, channel, title: text.title, body }));
    });
  }

  private inboxNotices(envelope: Envelope<unknown>): NewNotice[] {
    const payload = envelope.payload as Parameters<typeof inboxRecipients>[1];
    return (this.byType.get(envelope.type) ?? [])
      .filter((t) => t.channel === 'inbox')
      .flatMap((t) => {
        const text = render(t, payload);
        return inboxRecipients(t.audience, payload).map((recipient) => ({
          eventId: envelope.id,
          eventType: envelope.type,
          recipient,
          ...text,
        }));
      });
  }
}
