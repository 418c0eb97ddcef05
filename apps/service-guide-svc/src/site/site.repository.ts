import { Injectable } from '@nestjs/common';
import type { UpsertServiceSiteReq, z } from '@govdisc/contracts';
import { findPage } from '@govdisc/service-kit';
import { Prisma, type ServiceSite } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export type Tx = Prisma.TransactionClient;
export type SiteContent = Omit<z.output<typeof UpsertServiceSiteReq>, 'id'>;

const toRow = (c: SiteContent) => ({ ...c, weeklyHours: c.weeklyHours as object[] });

/** The only place that queries service sites. */
@Injectable()
export class SiteRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(fn);
  }

  saveDraft(id: string, content: SiteContent, editedBy: string, tx: Tx): Promise<ServiceSite> {
    const row = toRow(content);
    return tx.serviceSite.upsert({ where: { id }, create: { id, ...row, editedBy }, update: { ...row, editedBy } });
  }

  savePendingEdit(id: string, content: SiteContent, editedBy: string, tx: Tx): Promise<ServiceSite> {
    return tx.serviceSite.update({ where: { id }, data: { pendingEdit: content, pendingEditedBy: editedBy, pendingEditedAt: new Date() } });
  }

  markPublished(id: string, publishedBy: string, tx: Tx): Promise<ServiceSite> {
    return tx.serviceSite.update({ where: { id }, data: { status: 'PUBLISHED', publishedBy, publishedAt: new Date() } });
  }

  applyPendingEdit(current: ServiceSite, publishedBy: string, tx: Tx): Promise<ServiceSite> {
    return tx.serviceSite.update({
      where: { id: current.id },
      data: {
        ...toRow(current.pendingEdit as unknown as SiteContent),
        editedBy: current.pendingEditedBy,
        publishedBy,
        publishedAt: new Date(),
        pendingEdit: Prisma.DbNull,
        pendingEditedBy: null,
        pendingEditedAt: null,
      },
    });
  }

  async lock(id: string, tx: Tx): Promise<ServiceSite | null> {
    await tx.$queryRawUnsafe('SELECT 1 FROM service_site WHERE id = $1 FOR UPDATE', id);
    return tx.serviceSite.findUnique({ where: { id } });
  }

  find(id: string): Promise<ServiceSite | null> {
    return this.prisma.serviceSite.findUnique({ where: { id } });
  }

  allPublished(): Promise<ServiceSite[]> {
    return this.prisma.serviceSite.findMany({ where: { status: 'PUBLISHED' }, orderBy: { id: 'asc' } });
  }

  list(query: { page: number; pageSize: number; district?: string; level?: string; publishedOnly: boolean }) {
    const where: Prisma.ServiceSiteWhereInput = {
      ...(query.district ? { district: query.district } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.publishedOnly ? { status: 'PUBLISHED' as const } : {}),
    };
    return findPage(this.prisma.serviceSite, { where, orderBy: [{ id: 'asc' }], page: query.page, pageSize: query.pageSize });
  }

  /** Published matters handled at a site (the matters name their sites). */
  publishedMattersAt(siteId: string): Promise<Array<{ code: string; name: string }>> {
    return this.prisma.guideMatter.findMany({
      where: { status: 'PUBLISHED', siteIds: { has: siteId } },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    });
  }

  /** The site ids a published matter names, or null when there is no such published matter. */
  async siteIdsOfPublishedMatter(code: string): Promise<string[] | null> {
    const row = await this.prisma.guideMatter.findFirst({ where: { code, status: 'PUBLISHED' }, select: { siteIds: true } });
    return row?.siteIds ?? null;
  }
}
