import { Injectable } from '@nestjs/common';
import type { Actor } from '@govdisc/contracts';
import { findPage } from '@govdisc/service-kit';
import type { Notification, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import { type Recipient, recipientColumns, visibleTo } from './recipient.js';

export type Tx = Prisma.TransactionClient;
export type InboxRow = Notification & { read: boolean };
export interface NewNotice {
  eventId: string;
  eventType: string;
  recipient: Recipient;
  title: string;
  body: string;
}

/** The only place that queries the inbox tables. */
@Injectable()
export class InboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts notices; one that exists for the same (event, recipient) is skipped. Returns how many were new. */
  async add(notices: NewNotice[], tx: Tx): Promise<number> {
    if (notices.length === 0) return 0;
    const data = notices.map(({ recipient, ...n }) => ({ ...n, ...recipientColumns(recipient) }));
    return (await tx.notification.createMany({ data, skipDuplicates: true })).count;
  }

  async page(
    actor: Actor,
    q: { page: number; pageSize: number; eventId?: string; unreadOnly?: boolean },
  ): Promise<{ items: InboxRow[]; total: number }> {
    const where: Prisma.NotificationWhereInput = {
      AND: [visibleTo(actor), q.eventId ? { eventId: q.eventId } : {}, q.unreadOnly ? unreadBy(actor) : {}],
    };
    const delegate = {
      findMany: (args: Prisma.NotificationFindManyArgs) =>
        this.prisma.notification.findMany({ ...args, include: { reads: { where: { subject: actor.sub }, select: { subject: true } } } }),
      count: (args: { where?: Prisma.NotificationWhereInput }) => this.prisma.notification.count(args),
    };
    const result = await findPage(delegate, { where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], page: q.page, pageSize: q.pageSize });
    return { total: result.total, items: result.items.map(({ reads, ...n }) => ({ ...n, read: reads.length > 0 })) };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.prisma.notification.count({ where: { AND: [visibleTo(actor), unreadBy(actor)] } });
  }

  /** Whether the notice exists and the reader may see it (else it is "not found", never "forbidden"). */
  async isVisible(id: string, actor: Actor): Promise<boolean> {
    return (await this.prisma.notification.count({ where: { AND: [{ id }, visibleTo(actor)] } })) > 0;
  }

  async markRead(ids: string[], subject: string): Promise<number> {
    if (ids.length === 0) return 0;
    return (
      await this.prisma.notificationRead.createMany({
        data: ids.map((notificationId) => ({ notificationId, subject })),
        skipDuplicates: true,
      })
    ).count;
  }

  /** Ids of the reader's unread notices, oldest first, at most `limit`. */
  async unreadIds(actor: Actor, limit: number): Promise<string[]> {
    const rows = await this.prisma.notification.findMany({
      where: { AND: [visibleTo(actor), unreadBy(actor)] },
      select: { id: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map((r) => r.id);
  }
}

const unreadBy = (actor: Actor): Prisma.NotificationWhereInput => ({ reads: { none: { subject: actor.sub } } });
