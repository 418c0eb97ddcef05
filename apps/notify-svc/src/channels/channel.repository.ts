import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma.service.js';
import type { PushChannel } from './channel-provider.port.js';

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
