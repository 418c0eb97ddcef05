import { Injectable } from '@nestjs/common';
import { type ChangeCursor, changedSince } from '@govdisc/service-kit';
import type { GuideBundle, GuideMatter } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

/** What the guide search index reads: matters and bundles changed since a cursor, oldest first. */
@Injectable()
export class GuideSearchRepository {
  constructor(private readonly prisma: PrismaService) {}

  mattersChangedSince(since: ChangeCursor, take: number): Promise<GuideMatter[]> {
    return this.prisma.guideMatter.findMany({ ...changedSince(since), take });
  }

  /** The published matters among these codes: what a bundle's document lists. */
  publishedMatters(codes: readonly string[]): Promise<Array<{ code: string; name: string; updatedAt: Date }>> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.prisma.guideMatter.findMany({
      where: { code: { in: [...codes] }, status: 'PUBLISHED' },
      select: { code: true, name: true, updatedAt: true },
    });
  }

  /** Bundles are keyed by code: the cursor's id is a bundle code here. */
  async bundlesChangedSince(since: ChangeCursor, take: number): Promise<Array<GuideBundle & { id: string }>> {
    const rows = await this.prisma.guideBundle.findMany({
      where: { OR: [{ updatedAt: { gt: since.at } }, { updatedAt: since.at, code: { gt: since.id } }] },
      orderBy: [{ updatedAt: 'asc' }, { code: 'asc' }],
      take,
    });
    return rows.map((b) => ({ ...b, id: b.code }));
  }
}
