import { Injectable } from '@nestjs/common';
import type { CreatePolicyDocumentReq } from '@govdisc/contracts';
import { Prisma, type PolicyDocument, type DocumentStatus } from '../generated/prisma/client.js';
import { findPage } from '@govdisc/service-kit';
import type { DerivedFields } from '../analysis/document-analyzer.js';
import type { DetailRow, VersionRow } from './document.mapper.js';
import { PrismaService } from '../infra/prisma.service.js';
import { TickBatch } from '../infra/tick-batch.js';

export type Tx = Prisma.TransactionClient;
export type StoredHeader = Omit<PolicyDocument, 'body'>;

/** The fields a document is saved with (editor input or an import record). */
type Nullable<T> = { [K in keyof T]: T[K] | null };
export type DocumentFields = Pick<CreatePolicyDocumentReq, 'title' | 'body' | 'externalId'> &
  Partial<Nullable<Omit<CreatePolicyDocumentReq, 'title' | 'body' | 'externalId'>>> & {
    effectiveDate?: string | null;
    expiryDate?: string | null;
    sourceUrl?: string | null;
  };

export interface ValidityChange {
  id: string;
  status: DocumentStatus;
  validity: string;
  amendedById?: string | null;
  repealedById?: string | null;
}

export interface ClassificationChange {
  keywords?: string[];
  keywordsOverridden?: boolean;
  topics?: string[];
  topicConfidence?: number | null;
  topicsOverridden?: boolean;
  topicCodes?: string[];
  topicCodesOverridden?: boolean;
  classifiedBy: string;
  classifiedAt: Date;
}

export type DocumentStamp = Pick<PolicyDocument, 'id' | 'status' | 'version' | 'updatedAt' | 'validity'>;

/** The only place that queries policy documents. */
@Injectable()
export class DocumentRepository {
  private publicWrites = 0;
  /**
   * Stamps asked in the same tick, read by one query: a second visit of a policy page asks its own stamp (the held
   * reader view) and its related list's (the held list) at once, and each query costs more in round trip and
   * statement than in rows (ADR 0039). Like the page's other hot reads (readerRow, relatedSource, candidateStamps)
   * it is sent without Prisma's query compiler (SqlReads).
   */
  private readonly stampReads = new TickBatch<DocumentStamp>(
    (ids) =>
      this.prisma.sql.rows<DocumentStamp>(
        `SELECT id, status::text AS status, version, updated_at AS "updatedAt", validity FROM policy_document WHERE id = ANY($1::uuid[])`,
        [ids],
      ),
    (row) => row.id,
  );

  constructor(private readonly prisma: PrismaService) {}

  /**
   * Writes through this process that can change what a public document is related by (publish, its edit's
   * publication, classification, amend/repeal/expire): RelatedRows reads the changed rows before its next choice
   * (ADR 0038). Counted when the statement is sent, before its transaction commits.
   */
  get publicWriteCount(): number {
    return this.publicWrites;
  }

  /** Inserts, or updates the draft with the same external id (re-save), bumping its version; `editedBy` wrote it. */
  upsert(input: DocumentFields, derived: SaveOptions, tx: Tx = this.prisma): Promise<PolicyDocument> {
    const { externalId, create, update } = upsertArgs(input, derived);
    if (!externalId) return tx.policyDocument.create({ data: create });
    return tx.policyDocument.upsert({ where: { externalId }, create, update });
  }

  /** Keeps an edit of a non-draft document aside: the published columns stay as they are. */
  savePendingEdit(id: string, edit: { fields: PendingEdit; editedBy: string }, tx: Tx): Promise<PolicyDocument> {
    return tx.policyDocument.update({
      where: { id },
      data: { pendingEdit: edit.fields, pendingEditedBy: edit.editedBy, pendingEditedAt: new Date() },
    });
  }

  /** The pending edit becomes the published version (an editor's keyword/topic override is kept). */
  applyPendingEdit(current: PolicyDocument, publishedBy: string, tx: Tx): Promise<PolicyDocument> {
    this.publicWrites++;
    const edit = current.pendingEdit as unknown as PendingEdit;
    const { keywords, topics, topicConfidence, topicCodes, ...rest } = edit;
    return tx.policyDocument.update({
      where: { id: current.id },
      data: {
        ...rest,
        ...(current.keywordsOverridden ? {} : { keywords }),
        ...(current.topicsOverridden ? {} : { topics, topicConfidence }),
        ...(current.topicCodesOverridden ? {} : { topicCodes }),
        editedBy: current.pendingEditedBy,
        publishedBy,
        publishedAt: new Date(),
        pendingEdit: Prisma.DbNull,
        pendingEditedBy: null,
        pendingEditedAt: null,
        version: { increment: 1 },
      },
    });
  }

  /** Number of published (in force) documents per citizen topic code (codes without any are absent). */
  async publishedTopicCounts(): Promise<Record<string, number>> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ code: string; n: bigint }>>(
      `SELECT t AS code, count(*) AS n FROM policy_document, unnest(topic_codes) AS t WHERE status = 'PUBLISHED' GROUP BY t`,
    );
    return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]));
  }

  /** Drafts and pending edits an import job left, in id order. */
  publishableOfJob(jobId: string): Promise<Array<Pick<PolicyDocument, 'id' | 'externalId'>>> {
    return this.prisma.policyDocument.findMany({
      where: { importJobId: jobId, OR: [{ status: 'DRAFT' }, { pendingEditedBy: { not: null } }] },
      select: { id: true, externalId: true },
      orderBy: { id: 'asc' },
    });
  }

  findById(id: string, tx: Tx = this.prisma): Promise<PolicyDocument | null> {
    return tx.policyDocument.findUnique({ where: { id } });
  }

  /**
   * A reader's view of a document in one query, its versions included: Prisma's findUnique and findMany cost a
   * millisecond or more of CPU each to plan (every call), a raw query a fraction, and the statement sent without
   * Prisma (SqlReads) less again; every first visit of a policy page reads this (ADR 0039). Only the columns a detail
   * shows (no MinHash, pending edit or authorship).
   */
  async readerRow(id: string): Promise<{ doc: DetailRow; versions: VersionRow[]; updatedAt: Date } | null> {
    type Row = DetailRow & { updatedAt: Date; versions: Array<Omit<VersionRow, 'createdAt'> & { createdAt: string }> };
    const rows = await this.prisma.sql.rows<Row>(
      `SELECT id, external_id AS "externalId", title, doc_number AS "docNumber", doc_number_key AS "docNumberKey", agencies,
              doc_type AS "docType", level, region, publish_date AS "publishDate", effective_date AS "effectiveDate",
              expiry_date AS "expiryDate", validity, amended_by_id AS "amendedById", repealed_by_id AS "repealedById",
              canonical_id AS "canonicalId", topics, topic_confidence AS "topicConfidence", keywords,
              keywords_overridden AS "keywordsOverridden", topics_overridden AS "topicsOverridden", topic_codes AS "topicCodes",
              topic_codes_overridden AS "topicCodesOverridden", classified_by AS "classifiedBy", classified_at AS "classifiedAt",
              index_number AS "indexNumber", category, source_url AS "sourceUrl", status::text AS status, version,
              published_at AS "publishedAt", updated_at AS "updatedAt", body,
              (SELECT coalesce(json_agg(json_build_object('version', v.version, 'title', v.title, 'validity', v.validity,
                                                          'createdAt', v.created_at, 'editedBy', v.edited_by) ORDER BY v.version), '[]')
                 FROM policy_document_version v WHERE v.document_id = d.id) AS versions
         FROM policy_document d WHERE id = $1::uuid`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const { versions, updatedAt, ...doc } = row;
    return { doc, updatedAt, versions: versions.map((v) => ({ ...v, createdAt: new Date(v.createdAt) })) };
  }

  /**
   * What a reader's view of a document is built from, without the text: every change to a document bumps its
   * version or updated_at (Prisma's @updatedAt, the import's SQL sets it too), so the pair tells a held view is current.
   */
  async stamp(id: string): Promise<DocumentStamp | null> {
    return (await this.stamps([id]))[0] ?? null;
  }

  /**
   * The stamps of several documents, with their validity (what a held related list re-reads); those asked in the same
   * tick are read together (`stampReads`).
   */
  stamps(ids: readonly string[]): Promise<DocumentStamp[]> {
    return this.stampReads.get(ids);
  }

  findByExternalId(externalId: string, tx: Tx = this.prisma): Promise<PolicyDocument | null> {
    return tx.policyDocument.findUnique({ where: { externalId } });
  }

  /** Rows without their bodies (an import compares content hashes, not texts). */
  findByExternalIds(externalIds: string[]): Promise<StoredHeader[]> {
    return this.prisma.policyDocument.findMany({ where: { externalId: { in: externalIds } }, omit: { body: true } });
  }

  findByContentHashes(hashes: string[]): Promise<Array<{ id: string; contentHash: string | null; externalId: string | null }>> {
    return this.prisma.policyDocument.findMany({
      where: { contentHash: { in: hashes } },
      select: { id: true, contentHash: true, externalId: true },
    });
  }

  /** MinHash signatures of documents changed after `since` (all when null), oldest change first. */
  signaturesSince(since: Date | null): Promise<Array<{ id: string; minhash: string | null; canonicalId: string | null; updatedAt: Date }>> {
    return this.prisma.policyDocument.findMany({
      where: { minhash: { not: null }, ...(since ? { updatedAt: { gt: since } } : {}) },
      select: { id: true, minhash: true, canonicalId: true, updatedAt: true },
      orderBy: { updatedAt: 'asc' },
    });
  }

  /** Locks the row for the rest of the transaction, so two publishes cannot both pass the status check. */
  async lockById(id: string, tx: Tx): Promise<PolicyDocument | null> {
    await tx.$queryRawUnsafe('SELECT 1 FROM policy_document WHERE id = $1::uuid FOR UPDATE', id);
    return this.findById(id, tx);
  }

  markPublished(id: string, publishedBy: string, tx: Tx): Promise<PolicyDocument> {
    this.publicWrites++;
    return tx.policyDocument.update({
      where: { id },
      data: { status: 'PUBLISHED', publishedAt: new Date(), publishedBy, version: { increment: 1 } },
    });
  }

  /** An editor's keywords/topics (or their removal), with who and when; bumps the version like any change. */
  setClassification(id: string, change: ClassificationChange, tx: Tx): Promise<PolicyDocument> {
    this.publicWrites++;
    return tx.policyDocument.update({ where: { id }, data: { ...change, version: { increment: 1 } } });
  }

  changeValidity(change: ValidityChange, tx: Tx): Promise<PolicyDocument> {
    this.publicWrites++;
    const { id, ...data } = change;
    return tx.policyDocument.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  }

  /** Records the row's current state as a version; copies the body inside the database. */
  addVersion(doc: { id: string; version: number }, tx: Tx): Promise<number> {
    return tx.$executeRawUnsafe(
      `INSERT INTO policy_document_version (document_id, version, title, body, validity, edited_by)
       SELECT id, version, title, body, validity, edited_by FROM policy_document WHERE id = $1::uuid AND version = $2
       ON CONFLICT DO NOTHING`,
      doc.id,
      doc.version,
    );
  }

  /** One saved version with its text. */
  versionText(documentId: string, version: number) {
    return this.prisma.policyDocumentVersion.findUnique({ where: { documentId_version: { documentId, version } } });
  }

  versions(documentId: string) {
    return this.prisma.policyDocumentVersion.findMany({
      where: { documentId },
      select: { version: true, title: true, validity: true, createdAt: true, editedBy: true },
      orderBy: { version: 'asc' },
    });
  }

  /** Published documents whose expiry date (YYYY-MM-DD) is before `today`. */
  dueForExpiry(today: string): Promise<Array<{ id: string }>> {
    return this.prisma.policyDocument.findMany({
      where: { status: 'PUBLISHED', expiryDate: { lt: today, not: null } },
      select: { id: true },
      take: 500,
    });
  }

  /** Non-draft documents in id order, a page at a time (rebuilding the read model). */
  searchablePage(afterId: string | null, take: number): Promise<PolicyDocument[]> {
    return this.prisma.policyDocument.findMany({
      where: { status: { not: 'DRAFT' }, ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: 'asc' },
      take,
    });
  }

  /** What the search lexicon needs of non-draft documents, in id order, a page at a time (no bodies). */
  lexiconPage(afterId: string | null, take: number): Promise<LexiconRow[]> {
    return this.prisma.policyDocument.findMany({
      where: { status: { not: 'DRAFT' }, ...(afterId ? { id: { gt: afterId } } : {}) },
      select: { id: true, version: true, title: true, keywords: true, topics: true, agencies: true },
      orderBy: { id: 'asc' },
      take,
    });
  }

  /** Result-row fields of the given non-draft documents, with the opening of the body for a snippet. */
  searchRows(ids: readonly string[]): Promise<SearchRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.$queryRawUnsafe<SearchRow[]>(
      `SELECT ${SEARCH_ROW_COLUMNS}, left(body, ${BODY_HEAD_CHARS}) AS "bodyHead"
         FROM policy_document WHERE id = ANY($1::uuid[]) AND status <> 'DRAFT'`,
      ids,
    );
  }

  /**
   * What ranking a document's related list reads of it: no body, MinHash or pending edit (a ranked document's full
   * row was read beside its reader view, twice the text for nothing).
   */
  async relatedSource(id: string): Promise<RelatedSource | null> {
    const rows = await this.prisma.sql.rows<RelatedSource>(
      `SELECT id, title, keywords, topics, canonical_id AS "canonicalId", amended_by_id AS "amendedById",
              repealed_by_id AS "repealedById", status::text AS status, version, updated_at AS "updatedAt"
         FROM policy_document WHERE id = $1::uuid`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Candidates for "related documents": non-draft documents sharing a keyword or topic with the
   * source, linked to it by amendment/repeal, or listed in `extraIds`; most shared keywords first. Only their ids and
   * stamps (stampKey's form), as one row: their rows are held per stamp (RelatedRows), and reading 200 full rows
   * was most of a first visit's database work in policy-svc. RelatedCandidates chooses the same list from the held
   * rows and uses this only until they are complete (ADR 0038): a change here must be made there too.
   */
  async relatedCandidates(source: RelatedSourceRow, extraIds: readonly string[], take: number): Promise<CandidateStamp[]> {
    // Most candidates come by a shared topic and share no keyword: the overlap test (no subquery) keeps the
    // intersection, a subquery per row and most of the query's CPU, for the few that do (ADR 0036).
    const sharedKeywords =
      'CASE WHEN keywords && $2::text[] THEN cardinality(ARRAY(SELECT unnest(keywords) INTERSECT SELECT unnest($2::text[]))) ELSE 0 END';
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ stamps: string | null }>>(
      `SELECT string_agg(c.id::text || ' ' || c.stamp, ',' ORDER BY c.n) AS stamps FROM (
         SELECT id, ${STAMP} AS stamp,
                row_number() OVER (ORDER BY ${sharedKeywords} DESC, id) AS n
           FROM policy_document
          WHERE status <> 'DRAFT' AND id <> $1::uuid
            AND (keywords && $2::text[] OR topics && $3::text[] OR amended_by_id = $1::uuid OR repealed_by_id = $1::uuid
                 OR id = ANY($4::uuid[]))
          ORDER BY ${sharedKeywords} DESC, id
          LIMIT ${Math.trunc(take)}) c`,
      source.id,
      source.keywords,
      source.topics,
      [...extraIds, ...[source.amendedById, source.repealedById].filter((id): id is string => !!id)],
    );
    return parseStamps(row?.stamps);
  }

  /**
   * The current stamps (stampKey's form, drafts too) of the given documents, as one text row like relatedCandidates:
   * 200 rows mapped through Prisma cost policy-svc more than the statement costs PostgreSQL (ADR 0038).
   */
  async candidateStamps(ids: readonly string[]): Promise<CandidateStamp[]> {
    const [row] = await this.prisma.sql.rows<{ stamps: string | null }>(
      `SELECT string_agg(id::text || ' ' || ${STAMP}, ',') AS stamps FROM policy_document WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return parseStamps(row?.stamps);
  }

  /** The rows of these non-draft documents as related lists rank and show them, with their stamps' columns. */
  relatedRows(ids: readonly string[]): Promise<RelatedRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.$queryRawUnsafe<RelatedRow[]>(`${RELATED_ROWS} WHERE id = ANY($1::uuid[]) AND status <> 'DRAFT'`, ids);
  }

  /** A page of every non-draft document's related row, by id (RelatedRows fills itself from these at start). */
  relatedRowsPage(afterId: string | null, take: number): Promise<RelatedRow[]> {
    return this.prisma.$queryRawUnsafe<RelatedRow[]>(
      `${RELATED_ROWS} WHERE status <> 'DRAFT' AND id > $1::uuid ORDER BY id LIMIT ${Math.trunc(take)}`,
      afterId ?? '00000000-0000-0000-0000-000000000000',
    );
  }

  /**
   * Every document's related row changed after `since`, drafts included (a document turned draft leaves the held
   * rows). Every write sets updated_at (Prisma's @updatedAt; the import's and the relink's SQL set it too).
   */
  relatedRowsChangedSince(since: Date): Promise<RelatedRow[]> {
    return this.prisma.$queryRawUnsafe<RelatedRow[]>(
      `${RELATED_ROWS} WHERE updated_at > $1::timestamptz ORDER BY updated_at, id`,
      since.toISOString(),
    );
  }

  /** The database's clock (what updated_at is compared with). */
  async databaseNow(): Promise<Date> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ now: Date | string }>>('SELECT now() AS now');
    return new Date(row!.now);
  }

  /** `publicOnly` leaves drafts out; `nothing` matches no row (an outsider asking for drafts). */
  list({
    page,
    pageSize,
    status,
    topicCode,
    publicOnly,
    nothing,
  }: {
    page: number;
    pageSize: number;
    status?: DocumentStatus;
    topicCode?: string;
    publicOnly?: boolean;
    nothing?: boolean;
  }) {
    const where: Prisma.PolicyDocumentWhereInput = nothing
      ? { id: { in: [] } }
      : {
          ...(publicOnly ? { status: { not: 'DRAFT' } } : {}),
          ...(status ? { status } : {}),
          ...(topicCode ? { topicCodes: { has: topicCode } } : {}),
        };
    return findPage(this.prisma.policyDocument, {
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      page,
      pageSize,
    });
  }
}

export type LexiconRow = Pick<PolicyDocument, 'id' | 'version' | 'title' | 'keywords' | 'topics' | 'agencies'>;

const BODY_HEAD_CHARS = 600;
const SEARCH_ROW_COLUMNS = `id, external_id AS "externalId", title, doc_number AS "docNumber", agencies, agency,
  publish_date AS "publishDate", validity`;

/** A search result row read from the table (pinned documents are not necessarily among the ranked hits). */
export type SearchRow = Pick<
  PolicyDocument,
  'id' | 'externalId' | 'title' | 'docNumber' | 'agencies' | 'agency' | 'publishDate' | 'validity'
> & {
  bodyHead: string;
};

export type RelatedSourceRow = Pick<PolicyDocument, 'id' | 'keywords' | 'topics' | 'amendedById' | 'repealedById'>;
export type RelatedSource = RelatedSourceRow & Pick<PolicyDocument, 'title' | 'canonicalId' | 'status' | 'version' | 'updatedAt'>;
export type RelatedRow = Omit<SearchRow, 'bodyHead'> &
  Pick<PolicyDocument, 'keywords' | 'topics' | 'canonicalId' | 'amendedById' | 'repealedById' | 'status' | 'version' | 'updatedAt'>;

/** A related-list candidate: its id and stampKey. */
export interface CandidateStamp {
  id: string;
  stamp: string;
}

/** A row's stampKey computed in SQL. */
const STAMP = `status::text || '|' || version || '|' || (extract(epoch FROM updated_at) * 1000)::bigint`;

/** "id stamp,id stamp,…" (one aggregated text row: cheaper to read than a row per document). */
function parseStamps(text: string | null | undefined): CandidateStamp[] {
  if (!text) return [];
  return text.split(',').map((pair) => {
    const [id, stamp] = pair.split(' ') as [string, string];
    return { id, stamp };
  });
}

const RELATED_ROWS = `SELECT ${SEARCH_ROW_COLUMNS}, keywords, topics, canonical_id AS "canonicalId",
       amended_by_id AS "amendedById", repealed_by_id AS "repealedById", status::text AS status, version,
       updated_at AS "updatedAt"
  FROM policy_document`;

/** What a save adds to the editor's fields: derived data, a canonical link, and who wrote it. */
export type SaveOptions = DerivedFields & { canonicalId?: string | null; editedBy: string };

/** The content columns of an edit waiting for review (stored as JSON in `pending_edit`). */
export type PendingEdit = ReturnType<typeof contentColumns> & { indexNumber?: string | null; category?: string | null };

export function contentColumns(input: DocumentFields, derived: DerivedFields & { canonicalId?: string | null }) {
  return {
    title: input.title,
    docNumber: input.docNumber ?? null,
    agency: input.agency ?? null,
    publishDate: input.publishDate ?? null,
    level: input.level ?? null,
    region: input.region ?? null,
    docType: input.docType ?? null,
    body: input.body,
    effectiveDate: input.effectiveDate ?? null,
    expiryDate: input.expiryDate ?? null,
    sourceUrl: input.sourceUrl ?? null,
    docNumberKey: derived.docNumberKey,
    agencies: derived.agencies,
    contentHash: derived.contentHash,
    minhash: derived.minhash,
    keywords: derived.keywords,
    topics: derived.topics,
    topicConfidence: derived.topicConfidence,
    topicCodes: derived.topicCodes,
    ...(derived.canonicalId !== undefined ? { canonicalId: derived.canonicalId } : {}),
  };
}

function upsertArgs(input: DocumentFields, derived: SaveOptions) {
  const data = { ...contentColumns(input, derived), editedBy: derived.editedBy };
  return {
    externalId: input.externalId,
    create: { ...data, createdBy: derived.editedBy, ...(input.externalId ? { externalId: input.externalId } : {}) },
    update: { ...data, version: { increment: 1 } },
  };
}
