import { Injectable } from '@nestjs/common';
import type { UpsertGuideMatterReq, z } from '@govdisc/contracts';
import { type ChangeCursor, changedSince, findPage } from '@govdisc/service-kit';
import { type GuideMatter, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export type Tx = Prisma.TransactionClient;
/** A matter's editable fields (everything but its code), as an editor saves them. */
export type MatterContent = Omit<z.output<typeof UpsertGuideMatterReq>, 'code'>;

/** The only place that queries service matters. */
@Injectable()
export class MatterRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(fn);
  }

  /** Creates a draft, or overwrites a draft with the same code; `editedBy` wrote it. */
  saveDraft(input: z.output<typeof UpsertGuideMatterReq>, editedBy: string, tx: Tx = this.prisma): Promise<GuideMatter> {
    const { code, ...content } = input;
    return tx.guideMatter.upsert({ where: { code }, create: { ...input, editedBy }, update: { ...content, editedBy } });
  }

  /** Keeps an edit of a published matter aside; the published fields stay as they are. */
  savePendingEdit(id: string, content: MatterContent, editedBy: string, tx: Tx): Promise<GuideMatter> {
    return tx.guideMatter.update({
      where: { id },
      data: { pendingEdit: content, pendingEditedBy: editedBy, pendingEditedAt: new Date() },
    });
  }

  markPublished(id: string, publishedBy: string, tx: Tx): Promise<GuideMatter> {
    return tx.guideMatter.update({ where: { id }, data: { status: 'PUBLISHED', publishedBy, publishedAt: new Date() } });
  }

  /** The pending edit becomes the published version. */
  applyPendingEdit(current: GuideMatter, publishedBy: string, tx: Tx): Promise<GuideMatter> {
    return tx.guideMatter.update({
      where: { id: current.id },
      data: {
        ...(current.pendingEdit as unknown as MatterContent),
        editedBy: current.pendingEditedBy,
        publishedBy,
        publishedAt: new Date(),
        pendingEdit: Prisma.DbNull,
        pendingEditedBy: null,
        pendingEditedAt: null,
      },
    });
  }

  /** Locks the row for the rest of the transaction (a save and a publish serialise). */
  async lockByCode(code: string, tx: Tx): Promise<GuideMatter | null> {
    await tx.$queryRawUnsafe('SELECT 1 FROM guide_matter WHERE code = $1 FOR UPDATE', code);
    return tx.guideMatter.findUnique({ where: { code } });
  }

  findByCode(code: string): Promise<GuideMatter | null> {
    return this.prisma.guideMatter.findUnique({ where: { code } });
  }

  /** Matters changed after `since` (update time, then id), oldest first: keyset pages for a reader that keeps up. */
  changedSince(since: ChangeCursor, take: number): Promise<GuideMatter[]> {
    return this.prisma.guideMatter.findMany({ ...changedSince(since), take });
  }

  /** `publishedOnly` for everyone but staff. */
  list({ page, pageSize, department, publishedOnly }: { page: number; pageSize: number; department?: string; publishedOnly: boolean }) {
    return findPage(this.prisma.guideMatter, {
      where: { ...(department ? { department } : {}), ...(publishedOnly ? { status: 'PUBLISHED' as const } : {}) },
      orderBy: [{ code: 'asc' }],
      page,
      pageSize,
    });
  }
}
