import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import type { PushChannel } from './channel-provider.port.js';

/** A message for one person on one channel; it goes out only if their preferences say so (see addPerPreferences). */
export interface PersonMessage {
  eventId: string;
  eventType: string;
  sub: string;
  channel: PushChannel;
  title: string;
  body: string;
}

export interface ClaimedMessage {
  id: string;
  channel: PushChannel;
  address: string;
  title: string;
  body: string;
  attempts: number;
}

/** The only place that queries the SMS/WeChat delivery log. */
@Injectable()
export class ChannelRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Queues the messages, in the caller's transaction, for the people whose preferences switch the channel on
   * with its contact (phone / WeChat OpenID) and who have not opted out; the rest are skipped. Inside their
   * quiet hours (Asia/Shanghai) a message waits until the hours end. (event, person, channel) is unique.
   */
  async addPerPreferences(messages: PersonMessage[], tx: Prisma.TransactionClient): Promise<number> {
    if (messages.length === 0) return 0;
    return tx.$executeRawUnsafe(
      `INSERT INTO channel_delivery (id, event_id, event_type, recipient_sub, channel, address, title, body, next_attempt_at)
       SELECT gen_random_uuid(), m.event_id, m.event_type, m.sub, m.channel,
              CASE m.channel WHEN 'sms' THEN p.phone ELSE p.wechat_open_id END, m.title, m.body,
              quiet_until(p.quiet_start, p.quiet_end, now())
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
              AS m(event_id, event_type, sub, channel, title, body)
         JOIN notification_preference p ON p.subscriber_sub = m.sub
        WHERE NOT p.opted_out
          AND CASE m.channel WHEN 'sms' THEN p.sms AND p.phone IS NOT NULL ELSE p.wechat AND p.wechat_open_id IS NOT NULL END
       ON CONFLICT DO NOTHING`,
      messages.map((m) => m.eventId),
      messages.map((m) => m.eventType),
      messages.map((m) => m.sub),
      messages.map((m) => m.channel),
      messages.map((m) => m.title),
      messages.map((m) => m.body),
    );
  }

  /** Leases due rows (SKIP LOCKED: replicas claim side by side); a sender that dies leaves them for the lease's end. */
  claimDue(limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
    return this.prisma.$queryRawUnsafe<ClaimedMessage[]>(
      `UPDATE channel_delivery SET claimed_until = now() + ($1::int * interval '1 millisecond')
        WHERE id IN (SELECT id FROM channel_delivery
                      WHERE status = 'PENDING' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                      ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, channel, address, title, body, attempts`,
      leaseMs,
      limit,
    );
  }

  async markSent(id: string, q: { provider: string; providerMessageId: string }): Promise<void> {
    await this.prisma.channelDelivery.update({
      where: { id },
      data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, claimedUntil: null, ...q },
    });
  }

  async markFailedAttempt(id: string, q: { provider: string; error: string; retryAt: Date | null }): Promise<void> {
    await this.prisma.channelDelivery.update({
      where: { id },
      data: {
        attempts: { increment: 1 },
        provider: q.provider,
        lastError: q.error.slice(0, 1000),
        claimedUntil: null,
        ...(q.retryAt ? { nextAttemptAt: q.retryAt } : { status: 'FAILED' }),
      },
    });
  }
}
