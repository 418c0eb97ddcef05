import { Injectable } from '@nestjs/common';
import type { UpsertGuideMatterReq, z } from '@govdisc/contracts';
import { findPage } from '@govdisc/service-kit';
import type { GuideMatter } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

@Injectable()
export class MatterRepository {
  constructor(private readonly prisma: PrismaService) {}

  upsert(input: z.output<typeof UpsertGuideMatterReq>): Promise<GuideMatter> {
    const { code, ...data } = input;
    return this.prisma.guideMatter.upsert({ where: { code }, create: input, update: data });
  }

  findByCode(code: string): Promise<GuideMatter | null> {
    return this.prisma.guideMatter.findUnique({ where: { code } });
  }

  /** Matters changed after `since` (update time, then id), oldest first: keyset pages for a reader that keeps up. */
  changedSince(since: { at: Date; id: string }, take: number): Promise<GuideMatter[]> {
    return this.prisma.guideMatter.findMany({
      where: { OR: [{ updatedAt: { gt: since.at } }, { updatedAt: since.at, id: { gt: since.id } }] },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  list({ page, pageSize, department }: { page: number; pageSize: number; department?: string }) {
    return findPage(this.prisma.guideMatter, {
      where: department ? { department } : {},
      orderBy: [{ code: 'asc' }],
      page,
      pageSize,
    });
  }
}
