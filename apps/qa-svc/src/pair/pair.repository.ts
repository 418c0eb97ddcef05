import { Injectable } from '@nestjs/common';
import { findPage } from '@govdisc/service-kit';
import { type Audience, Prisma, type QaCitation, type QaPair, type QaStatus } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import type { CheckedCitation } from './citation-verifier.js';

export type Tx = Prisma.TransactionClient;
export type PairWithCitations = QaPair & { citations: QaCitation[] };
export type PairContent = Pick<
  QaPair,
  | 'question'
  | 'alternatives'
  | 'answer'
  | 'audience'
  | 'topics'
  | 'topicsOverridden'
  | 'ownerDepartment'
  | 'effectiveFrom'
  | 'effectiveTo'
  | 'sourcePolicyId'
>;

/** An edit of a published pair waiting for review (stored as JSON in `pending_edit`). */
export interface PendingEdit {
  content: PairContent;
  citations: CheckedCitation[];
}
/** Clears a pending edit along with an update. */
export const NO_PENDING_EDIT = { pendingEdit: Prisma.DbNull, pendingEditorSub: null, pendingEditedAt: null };
type PendingColumns = Partial<typeof NO_PENDING_EDIT>;

const withCitations = { citations: { orderBy: { position: 'asc' as const } } };

/** The only place that queries Q&A pairs, their citations and their history. */
@Injectable()
export class PairRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string, tx: Tx = this.prisma): Promise<PairWithCitations | null> {
    return tx.qaPair.findUnique({ where: { id }, include: withCitations });
  }

  findByExternalId(externalId: string, tx: Tx): Promise<PairWithCitations | null> {
    return tx.qaPair.findUnique({ where: { externalId }, include: withCitations });
  }

  /** Locks the row for the rest of the transaction (concurrent edits and sign-offs serialise). */
  async lock(id: string, tx: Tx): Promise<PairWithCitations | null> {
    await tx.$queryRawUnsafe('SELECT 1 FROM qa_pair WHERE id = $1::uuid FOR UPDATE', id);
    return this.findById(id, tx);
  }

  create(data: PairContent & { externalId: string | null; status: QaStatus; lastEditorSub: string }, citations: CheckedCitation[], tx: Tx) {
    return tx.qaPair.create({ data: { ...data, citations: { create: positioned(citations) } }, include: withCitations });
  }

  async update(
    id: string,
    data: Partial<PairContent> & { status: QaStatus; lastEditorSub?: string } & PendingColumns,
    citations: CheckedCitation[] | undefined,
    tx: Tx,
  ) {
    if (citations) await tx.qaCitation.deleteMany({ where: { pairId: id } });
    return tx.qaPair.update({
      where: { id },
      data: { ...data, version: { increment: 1 }, ...(citations ? { citations: { create: positioned(citations) } } : {}) },
      include: withCitations,
    });
  }

  /** Keeps an edit of a published pair aside: the published text and citations stay as they are. */
  savePendingEdit(id: string, edit: PendingEdit, editorSub: string, tx: Tx): Promise<PairWithCitations> {
    return tx.qaPair.update({
      where: { id },
      data: {
        pendingEdit: JSON.parse(JSON.stringify(edit)) as Prisma.InputJsonObject,
        pendingEditorSub: editorSub,
        pendingEditedAt: new Date(),
      },
      include: withCitations,
    });
  }

  addRevision(pair: PairWithCitations, entry: { action: string; actorSub: string; note?: string | null }, tx: Tx) {
    const { citations, ...rest } = pair;
    const snapshot = JSON.parse(JSON.stringify({ ...rest, citations })) as Prisma.InputJsonValue;
    return tx.qaRevision.create({
      data: {
        pairId: pair.id,
        version: pair.version,
        status: pair.status,
        action: entry.action,
        actorSub: entry.actorSub,
        note: entry.note ?? null,
        snapshot,
      },
    });
  }

  history(pairId: string) {
    return this.prisma.qaRevision.findMany({ where: { pairId }, orderBy: { id: 'asc' } });
  }

  list(q: {
    page: number;
    pageSize: number;
    status?: QaStatus;
    topic?: string;
    audience?: Audience;
    citation?: 'VERIFIED' | 'UNVERIFIED';
  }) {
    return findPage(this.prisma.qaPair, {
      where: {
        ...(q.citation ? (q.citation === 'VERIFIED' ? CLAUSE_VERIFIED : { NOT: CLAUSE_VERIFIED }) : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.topic ? { topics: { has: q.topic } } : {}),
        ...(q.audience ? { audience: { in: [q.audience, 'ALL' as const] } } : {}),
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      page: q.page,
      pageSize: q.pageSize,
    }).then(async (page) => ({ ...page, items: await this.attachCitations(page.items) }));
  }

  /** Pairs (not yet retired) whose citations or source point at any of these document ids. */
  findCiting(documentIds: string[], tx: Tx): Promise<PairWithCitations[]> {
    return tx.qaPair.findMany({
      where: {
        status: { not: 'RETIRED' },
        OR: [{ citations: { some: { documentId: { in: documentIds } } } }, { sourcePolicyId: { in: documentIds } }],
      },
      include: withCitations,
    });
  }

  /** Every document id or externalId findPublishedCiting can match: cited by, or the source of, a published pair. */
  async publishedCitedIds(): Promise<string[]> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT c.document_id AS id FROM qa_citation c JOIN qa_pair p ON p.id = c.pair_id WHERE p.status = 'PUBLISHED'
       UNION SELECT source_policy_id FROM qa_pair WHERE status = 'PUBLISHED' AND source_policy_id IS NOT NULL`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Published pairs citing any of these document ids (citation or source policy), oldest first; callers check dates.
   * Every policy page asks: one raw query on the two indexes (document_id, source_policy_id), which plans in a
   * fraction of what Prisma's relation filter did, and only the columns the page and the date check need.
   */
  findPublishedCiting(documentIds: string[], take: number): Promise<CitingPair[]> {
    return this.prisma.$queryRawUnsafe<CitingPair[]>(
      `SELECT id, question, status::text AS status, effective_from AS "effectiveFrom", effective_to AS "effectiveTo"
         FROM qa_pair
        WHERE status = 'PUBLISHED'
          AND id IN (SELECT pair_id FROM qa_citation WHERE document_id = ANY($1::text[])
                     UNION SELECT id FROM qa_pair WHERE source_policy_id = ANY($1::text[]))
        ORDER BY created_at, id
        LIMIT $2`,
      documentIds,
      Math.trunc(take),
    );
  }

  /** The next pairs (by id, after `afterId`) not retired and without a verified clause citation: the backfill's work. */
  citationBacklog(afterId: string | null, take: number): Promise<PairWithCitations[]> {
    return this.prisma.qaPair.findMany({
      where: { status: { not: 'RETIRED' }, NOT: CLAUSE_VERIFIED, ...(afterId ? { id: { gt: afterId } } : {}) },
      include: withCitations,
      orderBy: { id: 'asc' },
      take,
    });
  }

  countCitationBacklog(): Promise<number> {
    return this.prisma.qaPair.count({ where: { status: { not: 'RETIRED' }, NOT: CLAUSE_VERIFIED } });
  }

  /**
   * Replaces a pair's citations without changing its text or version (a located clause is evidence, not content);
   * `updatedAt` moves so the ask index, which follows it, serves the new citations.
   */
  async replaceCitations(pairId: string, citations: CheckedCitation[], tx: Tx): Promise<PairWithCitations> {
    await tx.qaCitation.deleteMany({ where: { pairId } });
    return tx.qaPair.update({
      where: { id: pairId },
      data: { updatedAt: new Date(), citations: { create: positioned(citations) } },
      include: withCitations,
    });
  }

  markCitationsStale(pairId: string, documentIds: string[], tx: Tx) {
    return tx.qaCitation.updateMany({ where: { pairId, documentId: { in: documentIds } }, data: { state: 'STALE' } });
  }

  private async attachCitations(items: QaPair[]): Promise<PairWithCitations[]> {
    const citations = await this.prisma.qaCitation.findMany({
      where: { pairId: { in: items.map((p) => p.id) } },
      orderBy: { position: 'asc' },
    });
    return items.map((p) => ({ ...p, citations: citations.filter((c) => c.pairId === p.id) }));
  }
}

/** At least one citation, and every one confirmed in a clause (the rule of `citationVerified` in the pair view). */
const CLAUSE_VERIFIED = {
  citations: { some: {}, every: { state: 'VERIFIED' as const, anchor: { not: null } } },
} satisfies Prisma.QaPairWhereInput;

function positioned(citations: CheckedCitation[]) {
  return citations.map((c, position) => ({ ...c, position }));
}

/** A pair as the policy page's 相关问答 lists it, with what tells whether it is public today. */
export type CitingPair = Pick<QaPair, 'id' | 'question' | 'status' | 'effectiveFrom' | 'effectiveTo'>;
