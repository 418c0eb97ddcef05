import { Injectable } from '@nestjs/common';
import { findPage } from '@govdisc/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  append(entry: Prisma.AuditEntryCreateInput) {
    return this.prisma.auditEntry.create({ data: entry });
  }

  list(query: { page: number; pageSize: number; actorSub?: string }) {
    return findPage(this.prisma.auditEntry, {
      where: query.actorSub ? { actorSub: query.actorSub } : {},
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
