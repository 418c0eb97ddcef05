import { Injectable } from '@nestjs/common';
import { type ChangeCursor, changedSince, findPage } from '@govdisc/service-kit';
import { type GuideMatter, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import { type MatterContent, toMatterRow } from './matter.mapper.js';

export type Tx = Prisma.TransactionClient;
const NO_NEEDS_UPDATE = { needsUpdate: false, needsUpdateReason: null, needsUpdatePolicyId: null, needsUpdateAt: null };
export type { MatterContent };

type SiteRef = { id: string; name: string; address: string; district: string };
/** How long guide details may show the published sites as last read. */
const SITES_FRESH_MS = 2_000;

/** The only place that queries service matters. */
@Injectable()
export class MatterRepository {
  private sites: { at: number; byId: Map<string, SiteRef> } | null = null;

  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(fn);
  }

  /** Creates a draft, or overwrites a draft with the same code; `editedBy` wrote it. */
  saveDraft(code: string, content: MatterContent, editedBy: string, tx: Tx = this.prisma): Promise<GuideMatter> {
    const row = toMatterRow(content);
    return tx.guideMatter.upsert({ where: { code }, create: { code, ...row, editedBy }, update: { ...row, editedBy } });
  }

  /** Keeps an edit of a published matter aside (the next version); the published fields stay as they are. */
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
        ...toMatterRow(current.pendingEdit as unknown as MatterContent),
        version: { increment: 1 },
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

  findByCodes(codes: readonly string[]): Promise<GuideMatter[]> {
    return this.prisma.guideMatter.findMany({ where: { code: { in: [...codes] } } });
  }

  /** Matters whose legal basis cites any of these policy ids (published only when `publishedOnly`), by code. */
  findCiting(policyIds: readonly string[], opts: { publishedOnly: boolean; take?: number }, tx: Tx = this.prisma): Promise<GuideMatter[]> {
    return tx.guideMatter.findMany({
      where: { policyRefs: { hasSome: [...policyIds] }, ...(opts.publishedOnly ? { status: 'PUBLISHED' as const } : {}) },
      orderBy: [{ code: 'asc' }],
      ...(opts.take ? { take: opts.take } : {}),
    });
  }

  /** Every policy id or externalId findPublishedCiting can match: named by a published matter's legal basis. */
  async publishedPolicyRefs(): Promise<string[]> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT DISTINCT unnest(policy_refs) AS id FROM guide_matter WHERE status = 'PUBLISHED'`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Published matters whose legal basis names any of these policy ids, by code: what a policy page's 怎么办理 lists.
   * Every policy page asks: one raw query on the policy_refs index (Prisma plans each findMany anew, at several times
   * the cost), reading the legal basis rather than the whole row.
   */
  findPublishedCiting(policyIds: readonly string[], take: number): Promise<CitingMatter[]> {
    return this.prisma.$queryRawUnsafe<CitingMatter[]>(
      `SELECT code, name, department, coalesce(detail->'legalBasis', '[]'::jsonb) AS "legalBasis"
         FROM guide_matter
        WHERE status = 'PUBLISHED' AND policy_refs && $1::text[]
        ORDER BY code
        LIMIT $2`,
      [...policyIds],
      Math.trunc(take),
    );
  }

  /** Number of published matters per topic code (codes without any are absent). */
  async publishedTopicCounts(): Promise<Record<string, number>> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ code: string; n: bigint }>>(
      `SELECT t AS code, count(*) AS n FROM guide_matter, unnest(topics) AS t WHERE status = 'PUBLISHED' GROUP BY t`,
    );
    return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]));
  }

  /** Flags a matter: a policy of its legal basis changed (`reason`). */
  markNeedsUpdate(id: string, flag: { reason: string; policyId: string }, tx: Tx): Promise<GuideMatter> {
    return tx.guideMatter.update({
      where: { id },
      data: { needsUpdate: true, needsUpdateReason: flag.reason, needsUpdatePolicyId: flag.policyId, needsUpdateAt: new Date() },
    });
  }

  /** An editor saved the matter again: whatever flagged it has been looked at. */
  clearNeedsUpdate(id: string, tx: Tx): Promise<GuideMatter> {
    return tx.guideMatter.update({ where: { id }, data: NO_NEEDS_UPDATE });
  }

  /** Which of these site ids exist (any status). */
  async existingSiteIds(ids: readonly string[], tx: Tx = this.prisma): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await tx.serviceSite.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The published sites among these ids, in the given order. All published sites (a few hundred short rows)
   * are kept for SITES_FRESH_MS, so a guide detail costs one query; a site published meanwhile shows after that.
   */
  async publishedSites(ids: readonly string[]): Promise<SiteRef[]> {
    if (ids.length === 0) return [];
    if (!this.sites || Date.now() - this.sites.at >= SITES_FRESH_MS) {
      const rows = await this.prisma.serviceSite.findMany({
        where: { status: 'PUBLISHED' },
        select: { id: true, name: true, address: true, district: true },
      });
      this.sites = { at: Date.now(), byId: new Map(rows.map((r) => [r.id, r])) };
    }
    const byId = this.sites.byId;
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  /** Matters changed after `since` (update time, then id), oldest first: keyset pages for a reader that keeps up. */
  changedSince(since: ChangeCursor, take: number): Promise<GuideMatter[]> {
    return this.prisma.guideMatter.findMany({ ...changedSince(since), take });
  }

  /** `publishedOnly` for everyone but staff; `q` matches name or code (substring). */
  list(query: {
    page: number;
    pageSize: number;
    q?: string;
    topic?: string;
    department?: string;
    needsUpdate?: boolean;
    publishedOnly: boolean;
  }) {
    const where: Prisma.GuideMatterWhereInput = {
      ...(query.needsUpdate !== undefined ? { needsUpdate: query.needsUpdate } : {}),
      ...(query.department ? { department: query.department } : {}),
      ...(query.topic ? { topics: { has: query.topic } } : {}),
      ...(query.q ? { OR: [{ name: { contains: query.q } }, { code: { contains: query.q, mode: 'insensitive' as const } }] } : {}),
      ...(query.publishedOnly ? { status: 'PUBLISHED' as const } : {}),
    };
    return findPage(this.prisma.guideMatter, { where, orderBy: [{ code: 'asc' }], page: query.page, pageSize: query.pageSize });
  }
}

/** A matter as a policy page lists it, with its legal basis (which clause of the policy it cites). */
export type CitingMatter = Pick<GuideMatter, 'code' | 'name' | 'department'> & { legalBasis: MatterContent['legalBasis'] };
