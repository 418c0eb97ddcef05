import { Injectable } from '@nestjs/common';
import type { Notification, Prisma } from '../generated/prisma/client.js';
import { findPage } from '@govdisc/service-kit';
import { PrismaService } from '../infra/prisma.service.js';

export type Tx = Prisma.TransactionClient;

@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { eventId: string; eventType: string; title: string; body: string }, tx: Tx): Promise<Notification> {
    return tx.notification.create({ data });
  }

  list({ page, pageSize, eventId }: { page: number; pageSize: number; eventId?: string }) {
    return findPage(this.prisma.notification, {
      where: eventId ? { eventId } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      page,
      pageSize,
    });
  }
}
