import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export type Tx = Prisma.TransactionClient;
export interface NewEmail {
  eventId: string;
  eventType: string;
  address: string;
  subject: string;
  body: string;
  messageId: string;
}
export interface ClaimedEmail {
  id: string;
  address: string;
  subject: string;
  body: string;
  messageId: string;
  attempts: number;
}

/** The only place that queries the email outbox and the unsubscribed addresses. */
@Injectable()
export class EmailRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Queues emails in the caller's transaction; an existing (event, address) is skipped. */
  async add(emails: NewEmail[], tx: Tx): Promise<number> {
    if (emails.length === 0) return 0;
    return (await tx.emailDelivery.createMany({ data: emails, skipDuplicates: true })).count;
  }

  /**
   * Leases due rows for `leaseMs`: a sender that dies mid-send leaves them to be claimed again when
   * the lease ends. SKIP LOCKED lets replicas claim side by side without taking the same row.
   */
  claimDue(limit: number, leaseMs: number): Promise<ClaimedEmail[]> {
    return this.prisma.$queryRawUnsafe<ClaimedEmail[]>(
      `UPDATE email_delivery SET claimed_until = now() + ($1::int * interval '1 millisecond')
        WHERE id IN (SELECT id FROM email_delivery
                      WHERE status = 'PENDING' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                      ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, address, subject, body, message_id AS "messageId", attempts`,
      leaseMs,
      limit,
    );
  }

  async markSent(id: string): Promise<void> {
    await this.prisma.emailDelivery.update({
      where: { id },
      data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, claimedUntil: null },
    });
  }

  async markFailedAttempt(id: string, q: { error: string; retryAt: Date | null }): Promise<void> {
    await this.prisma.emailDelivery.update({
      where: { id },
      data: {
        attempts: { increment: 1 },
        lastError: q.error.slice(0, 1000),
        claimedUntil: null,
        ...(q.retryAt ? { nextAttemptAt: q.retryAt } : { status: 'FAILED' }),
      },
    });
  }

  async markSuppressed(id: string): Promise<void> {
    await this.prisma.emailDelivery.update({ where: { id }, data: { status: 'SUPPRESSED', claimedUntil: null } });
  }

  async isUnsubscribed(address: string): Promise<boolean> {
    return (await this.prisma.emailUnsubscribe.count({ where: { address } })) > 0;
  }

  /**
   * Records the address, sets aside what is still waiting for it and switches the email channel of the policy push
   * preferences that use it off (so the person's settings say what happens), in one transaction.
   */
  async unsubscribe(address: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.emailUnsubscribe.upsert({ where: { address }, create: { address }, update: {} }),
      this.prisma.emailDelivery.updateMany({ where: { address, status: 'PENDING' }, data: { status: 'SUPPRESSED' } }),
      this.prisma.notificationPreference.updateMany({ where: { emailAddress: address }, data: { email: false } }),
    ]);
  }

  pendingCount(): Promise<number> {
    return this.prisma.emailDelivery.count({ where: { status: 'PENDING' } });
  }
}
