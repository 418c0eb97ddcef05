import { Injectable } from '@nestjs/common';
import type { UpsertGuideBundleReq, z } from '@govdisc/contracts';
import { findPage } from '@govdisc/service-kit';
import { type GuideBundle, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export type Tx = Prisma.TransactionClient;
export type BundleContent = Omit<z.output<typeof UpsertGuideBundleReq>, 'code'>;

/** The only place that queries 一件事 bundles. */
@Injectable()
export class BundleRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(fn);
  }

  saveDraft(code: string, content: BundleContent, editedBy: string, tx: Tx): Promise<GuideBundle> {
    return tx.guideBundle.upsert({ where: { code }, create: { code, ...content, editedBy }, update: { ...content, editedBy } });
  }

  savePendingEdit(code: string, content: BundleContent, editedBy: string, tx: Tx): Promise<GuideBundle> {
    return tx.guideBundle.update({
      where: { code },
      data: { pendingEdit: content, pendingEditedBy: editedBy, pendingEditedAt: new Date() },
    });
  }

  markPublished(code: string, publishedBy: string, tx: Tx): Promise<GuideBundle> {
    return tx.guideBundle.update({ where: { code }, data: { status: 'PUBLISHED', publishedBy, publishedAt: new Date() } });
  }

  applyPendingEdit(current: GuideBundle, publishedBy: string, tx: Tx): Promise<GuideBundle> {
    return tx.guideBundle.update({
      where: { code: current.code },
      data: {
        ...(current.pendingEdit as unknown as BundleContent),
        editedBy: current.pendingEditedBy,
        publishedBy,
        publishedAt: new Date(),
        pendingEdit: Prisma.DbNull,
        pendingEditedBy: null,
        pendingEditedAt: null,
      },
    });
  }

  async lock(code: string, tx: Tx): Promise<GuideBundle | null> {
    await tx.$queryRawUnsafe('SELECT 1 FROM guide_bundle WHERE code = $1 FOR UPDATE', code);
    return tx.guideBundle.findUnique({ where: { code } });
  }

  find(code: string): Promise<GuideBundle | null> {
    return this.prisma.guideBundle.findUnique({ where: { code } });
  }

  /** Which of these matter codes exist (any status). */
  async existingMatterCodes(codes: readonly string[], tx: Tx): Promise<Set<string>> {
    const rows = await tx.guideMatter.findMany({ where: { code: { in: [...codes] } }, select: { code: true } });
    return new Set(rows.map((r) => r.code));
  }

  list(query: { page: number; pageSize: number; publishedOnly: boolean }) {
    return findPage(this.prisma.guideBundle, {
      where: query.publishedOnly ? { status: 'PUBLISHED' as const } : {},
      orderBy: [{ code: 'asc' }],
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
