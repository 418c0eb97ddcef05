import { Injectable } from '@nestjs/common';
import { findPage } from '@govdisc/service-kit';
import type { Prisma, WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export type Tx = Prisma.TransactionClient;
export type EndpointRow = WebhookEndpoint;
export type DeliveryRow = WebhookDelivery;
export interface NewDelivery {
  endpointId: string;
  eventId: string;
  eventType: string;
  requestNumber: string;
  payload: Prisma.InputJsonValue;
}
export type ClaimedDelivery = DeliveryRow & { endpoint: EndpointRow };

/** The only place that queries the webhook endpoints and their delivery outbox. */
@Injectable()
export class WebhookRepository {
  constructor(private readonly prisma: PrismaService) {}

  createEndpoint(data: Prisma.WebhookEndpointUncheckedCreateInput): Promise<EndpointRow> {
    return this.prisma.webhookEndpoint.create({ data });
  }

  findEndpoint(id: string): Promise<EndpointRow | null> {
    return this.prisma.webhookEndpoint.findUnique({ where: { id } });
  }

  pageEndpoints(q: { department?: string; page: number; pageSize: number }) {
    return findPage(this.prisma.webhookEndpoint, {
      where: q.department ? { department: q.department } : {},
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      page: q.page,
      pageSize: q.pageSize,
    });
  }

  updateEndpoint(id: string, data: Prisma.WebhookEndpointUpdateInput): Promise<EndpointRow> {
    return this.prisma.webhookEndpoint.update({ where: { id }, data });
  }

  async deleteEndpoint(id: string): Promise<void> {
    await this.prisma.webhookEndpoint.delete({ where: { id } });
  }

  /** The department's endpoints that want this event type (an empty filter wants all). */
  subscribers(department: string, eventType: string, tx: Tx): Promise<Array<{ id: string }>> {
    return tx.webhookEndpoint.findMany({
      where: { department, OR: [{ eventTypes: { isEmpty: true } }, { eventTypes: { has: eventType } }] },
      select: { id: true },
    });
  }

  /** Queues deliveries in the caller's transaction; an existing (event, endpoint) is skipped. */
  async addDeliveries(rows: NewDelivery[], tx: Tx): Promise<number> {
    if (rows.length === 0) return 0;
    return (await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true })).count;
  }

  /**
   * Leases due deliveries of enabled endpoints until `now + leaseMs`. Per request and endpoint, only
   * the earliest PENDING row (by arrival `seq`) is ever due: a later event waits until the earlier one
   * succeeded or was dead-lettered. SKIP LOCKED lets replicas claim side by side.
   */
  async claimDue(q: { now: Date; limit: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE webhook_delivery SET claimed_until = $1::timestamptz + ($2::int * interval '1 millisecond')
        WHERE id IN (
          SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
           WHERE d.status = 'PENDING' AND e.enabled AND d.next_attempt_at <= $1::timestamptz
             AND (d.claimed_until IS NULL OR d.claimed_until < $1::timestamptz)
             AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                              WHERE p.endpoint_id = d.endpoint_id AND p.request_number = d.request_number
                                AND p.status = 'PENDING' AND p.seq < d.seq)
           ORDER BY d.seq LIMIT $3 FOR UPDATE OF d SKIP LOCKED)
        RETURNING id::text AS id`,
      q.now,
      q.leaseMs,
      q.limit,
    );
    if (rows.length === 0) return [];
    return this.prisma.webhookDelivery.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      include: { endpoint: true },
      orderBy: { seq: 'asc' },
    });
  }

  async markSucceeded(d: { id: string; endpointId: string; statusCode: number; now: Date }): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.webhookDelivery.update({
        where: { id: d.id },
        data: { status: 'SUCCEEDED', attempts: { increment: 1 }, deliveredAt: d.now, lastStatusCode: d.statusCode, claimedUntil: null },
      }),
      this.prisma.webhookEndpoint.update({ where: { id: d.endpointId }, data: { failingSince: null, lastSuccessAt: d.now } }),
    ]);
  }

  /**
   * Records a failed attempt (retry at `retryAt`, or dead letter when null) and starts the endpoint's
   * failure run if none is open. Returns when that run began.
   */
  markFailed(d: { id: string; endpointId: string; error: string; statusCode: number | null; retryAt: Date | null; now: Date }) {
    return this.prisma.$transaction(async (tx) => {
      await tx.webhookDelivery.update({
        where: { id: d.id },
        data: {
          attempts: { increment: 1 },
          lastError: d.error.slice(0, 1000),
          lastStatusCode: d.statusCode,
          claimedUntil: null,
          ...(d.retryAt ? { nextAttemptAt: d.retryAt } : { status: 'DEAD' }),
        },
      });
      await tx.webhookEndpoint.updateMany({ where: { id: d.endpointId, failingSince: null }, data: { failingSince: d.now } });
      return (await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: d.endpointId }, select: { failingSince: true } })).failingSince!;
    });
  }

  /** Disables an enabled endpoint and runs `andThen` in the same transaction; false if it was already disabled. */
  disable(id: string, reason: string, andThen: (tx: Tx) => Promise<unknown>): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookEndpoint.updateMany({
        where: { id, enabled: true },
        data: { enabled: false, disabledReason: reason },
      });
      if (count === 1) await andThen(tx);
      return count === 1;
    });
  }

  pageDeliveries(q: { endpointId: string; status?: string; page: number; pageSize: number }) {
    return findPage(this.prisma.webhookDelivery, {
      where: { endpointId: q.endpointId, ...(q.status ? { status: q.status } : {}) },
      orderBy: [{ seq: 'desc' }],
      page: q.page,
      pageSize: q.pageSize,
    });
  }

  findDelivery(id: string, endpointId: string): Promise<DeliveryRow | null> {
    return this.prisma.webhookDelivery.findFirst({ where: { id, endpointId } });
  }

  /** Sends a dead letter again from the start of the schedule (only if it is still DEAD). */
  async replay(id: string, now: Date): Promise<DeliveryRow | null> {
    const { count } = await this.prisma.webhookDelivery.updateMany({
      where: { id, status: 'DEAD' },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, claimedUntil: null },
    });
    return count === 1 ? this.prisma.webhookDelivery.findUnique({ where: { id } }) : null;
  }

  async countsByStatus(endpointId: string): Promise<Record<string, number>> {
    const groups = await this.prisma.webhookDelivery.groupBy({ by: ['status'], where: { endpointId }, _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  }
}
