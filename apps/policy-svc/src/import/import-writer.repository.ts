import { Injectable } from '@nestjs/common';
import type { PolicyImportReport } from '@govdisc/contracts';
import type { DerivedFields } from '../analysis/document-analyzer.js';
import type { ImportJob } from '../generated/prisma/client.js';
import { BulkSql, type BulkTx } from '../infra/bulk-sql.service.js';
import type { ImportRecord } from './import-record.js';
import type { PendingEdit } from '../document/document.repository.js';

/** One document of a batch as it is saved: the record's fields, what was derived, and its links. */
export interface DocumentWrite {
  id: string;
  record: ImportRecord;
  derived: DerivedFields;
  /** set when linked to a canonical document; null keeps a stored link */
  canonicalId: string | null;
}

/** Who writes a batch, and for which job (a reviewer later publishes the job's drafts). */
export interface WriteAuthor {
  editedBy: string;
  jobId: string;
}

/** What a saved row reports back: enough for the published event and the import report. */
export interface WrittenRow {
  id: string;
  externalId: string;
  version: number;
  status: string;
  title: string;
  docNumber: string | null;
  agency: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  /** false when the row existed (an update) */
  created: boolean;
}

// One statement for the whole batch: the rows travel as one JSON parameter, bodies included. An existing
// draft (same external id) is updated and its version bumped; an editor's keyword/topic override is kept.
// Imports write drafts only: a document the public sees gets a pending edit instead (PENDING_EDIT).
const UPSERT = `
INSERT INTO policy_document AS d (
  id, external_id, title, doc_number, agency, publish_date, level, region, doc_type, body,
  effective_date, expiry_date, index_number, category, source_url,
  doc_number_key, agencies, content_hash, minhash, keywords, topics, topic_confidence, topic_codes, canonical_id,
  created_by, edited_by, import_job_id, version, created_at, updated_at)
SELECT r.id, r.external_id, r.title, r.doc_number, r.agency, r.publish_date, r.level, r.region, r.doc_type, r.body,
  r.effective_date, r.expiry_date, r.index_number, r.category, r.source_url,
  r.doc_number_key, ARRAY(SELECT json_array_elements_text(r.agencies)), r.content_hash, r.minhash,
  ARRAY(SELECT json_array_elements_text(r.keywords)), ARRAY(SELECT json_array_elements_text(r.topics)),
  r.topic_confidence, ARRAY(SELECT json_array_elements_text(r.topic_codes)), r.canonical_id,
  $2, $2, $3::uuid, 1, now(), now()
FROM json_to_recordset($1::json) AS r(
  id uuid, external_id text, title text, doc_number text, agency text, publish_date text, level text, region text,
  doc_type text, body text, effective_date text, expiry_date text, index_number text, category text, source_url text,
  doc_number_key text, agencies json, content_hash text, minhash text, keywords json, topics json,
  topic_confidence double precision, topic_codes json, canonical_id uuid)
ON CONFLICT (external_id) DO UPDATE SET
  title = EXCLUDED.title, doc_number = EXCLUDED.doc_number, agency = EXCLUDED.agency,
  publish_date = EXCLUDED.publish_date, level = EXCLUDED.level, region = EXCLUDED.region,
  doc_type = EXCLUDED.doc_type, body = EXCLUDED.body, effective_date = EXCLUDED.effective_date,
  expiry_date = EXCLUDED.expiry_date, index_number = EXCLUDED.index_number, category = EXCLUDED.category,
  source_url = EXCLUDED.source_url, doc_number_key = EXCLUDED.doc_number_key, agencies = EXCLUDED.agencies,
  content_hash = EXCLUDED.content_hash, minhash = EXCLUDED.minhash,
  keywords = CASE WHEN d.keywords_overridden THEN d.keywords ELSE EXCLUDED.keywords END,
  topics = CASE WHEN d.topics_overridden THEN d.topics ELSE EXCLUDED.topics END,
  topic_confidence = CASE WHEN d.topics_overridden THEN d.topic_confidence ELSE EXCLUDED.topic_confidence END,
  topic_codes = CASE WHEN d.topic_codes_overridden THEN d.topic_codes ELSE EXCLUDED.topic_codes END,
  canonical_id = COALESCE(EXCLUDED.canonical_id, d.canonical_id),
  edited_by = $2, import_job_id = $3::uuid, version = d.version + 1, updated_at = now()
  WHERE d.status = 'DRAFT'
RETURNING d.id, d.external_id AS "externalId", d.version, d.status::text AS status, d.title, d.doc_number AS "docNumber",
  d.agency, d.published_at AS "publishedAt", d.updated_at AS "updatedAt", (d.xmax = 0) AS created`;

// An edit of a non-draft document waits for a reviewer: the published columns stay as they are.
const PENDING_EDIT = `
UPDATE policy_document AS d SET pending_edit = e.edit, pending_edited_by = $2, pending_edited_at = now(),
  import_job_id = $3::uuid, updated_at = now()
FROM json_to_recordset($1::json) AS e(external_id text, edit jsonb)
WHERE d.external_id = e.external_id AND d.status <> 'DRAFT'
RETURNING d.id, d.external_id AS "externalId", d.version, d.status::text AS status, d.title, d.doc_number AS "docNumber",
  d.agency, d.published_at AS "publishedAt", d.updated_at AS "updatedAt", false AS created`;

const JOB_COLUMNS = `id, source, status, last_line AS "lastLine", report, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The only place that writes import batches: multi-row statements on the bulk connection. */
@Injectable()
export class ImportWriter {
  constructor(private readonly sql: BulkSql) {}

  /** Runs `fn` in one transaction: documents, their versions, their events and the job commit together. */
  transaction<T>(fn: (tx: BulkTx) => Promise<T>): Promise<T> {
    return this.sql.transaction(fn);
  }

  /**
   * Inserts new documents, updates drafts, and keeps edits of non-draft documents as pending edits
   * (external ids must be unique within one call). Nothing is published here.
   */
  async upsertDocuments(tx: BulkTx, docs: DocumentWrite[], author: WriteAuthor): Promise<WrittenRow[]> {
    if (docs.length === 0) return [];
    const { rows: live } = await tx.query<{ externalId: string }>(
      `SELECT external_id AS "externalId" FROM policy_document WHERE external_id = ANY($1::text[]) AND status <> 'DRAFT' FOR UPDATE`,
      [docs.map((d) => d.record.id)],
    );
    const liveIds = new Set(live.map((r) => r.externalId));
    const edits = docs.filter((d) => liveIds.has(d.record.id));
    const drafts = docs.filter((d) => !liveIds.has(d.record.id));
    return [...(await this.savePendingEdits(tx, edits, author)), ...(await this.upsertDrafts(tx, drafts, author))];
  }

  private async savePendingEdits(tx: BulkTx, docs: DocumentWrite[], author: WriteAuthor): Promise<WrittenRow[]> {
    if (docs.length === 0) return [];
    const edits = docs.map(({ record: r, derived: d, canonicalId }) => ({ external_id: r.id, edit: pendingEditOf(r, d, canonicalId) }));
    return (await tx.query<WrittenRow>(PENDING_EDIT, [JSON.stringify(edits), author.editedBy, author.jobId])).rows;
  }

  private async upsertDrafts(tx: BulkTx, docs: DocumentWrite[], author: WriteAuthor): Promise<WrittenRow[]> {
    if (docs.length === 0) return [];
    const rows = docs.map(({ id, record: r, derived: d, canonicalId }) => ({
      id,
      external_id: r.id,
      title: r.title,
      doc_number: r.docNumber,
      agency: r.agency,
      publish_date: r.publishDate,
      level: r.level,
      region: r.region,
      doc_type: r.docType,
      body: r.body,
      effective_date: r.effectiveDate,
      expiry_date: r.expiryDate,
      index_number: r.indexNumber,
      category: r.category,
      source_url: r.sourceUrl,
      doc_number_key: d.docNumberKey,
      agencies: d.agencies,
      content_hash: d.contentHash,
      minhash: d.minhash,
      keywords: d.keywords,
      topics: d.topics,
      topic_confidence: d.topicConfidence,
      topic_codes: d.topicCodes,
      canonical_id: canonicalId,
    }));
    return (await tx.query<WrittenRow>(UPSERT, [JSON.stringify(rows), author.editedBy, author.jobId])).rows;
  }

  /** A stored id differs from the one planned (another import created the row meanwhile): move links to it. */
  async relink(tx: BulkTx, moves: Array<{ from: string; to: string }>): Promise<void> {
    if (moves.length === 0) return;
    await tx.query(
      `UPDATE policy_document d SET canonical_id = m."to", updated_at = now() FROM json_to_recordset($1::json) AS m("from" uuid, "to" uuid) WHERE d.canonical_id = m."from"`,
      [JSON.stringify(moves)],
    );
  }

  /** Records the rows' current state as versions; the bodies are copied inside the database. */
  async addVersions(tx: BulkTx, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      `INSERT INTO policy_document_version (document_id, version, title, body, validity, edited_by)
       SELECT id, version, title, body, validity, edited_by FROM policy_document WHERE id = ANY($1::uuid[])
       ON CONFLICT DO NOTHING`,
      [ids],
    );
  }

  /** Locks the job row for the rest of the transaction (two batches of one job never interleave). */
  async lockJob(tx: BulkTx, id: string): Promise<ImportJob | null> {
    return (await tx.query<ImportJob>(`SELECT ${JOB_COLUMNS} FROM import_job WHERE id = $1::uuid FOR UPDATE`, [id])).rows[0] ?? null;
  }

  async updateJob(tx: BulkTx, id: string, data: { lastLine: number; report: PolicyImportReport }): Promise<ImportJob> {
    const { rows } = await tx.query<ImportJob>(
      `UPDATE import_job SET last_line = $2, report = $3::jsonb, updated_at = now() WHERE id = $1::uuid RETURNING ${JOB_COLUMNS}`,
      [id, data.lastLine, JSON.stringify(data.report)],
    );
    return rows[0]!;
  }
}

/** The content columns of a pending edit, named as the document's fields (see DocumentRepository.applyPendingEdit). */
function pendingEditOf(r: ImportRecord, d: DerivedFields, canonicalId: string | null): PendingEdit {
  return {
    title: r.title,
    docNumber: r.docNumber,
    agency: r.agency,
    publishDate: r.publishDate,
    level: r.level,
    region: r.region,
    docType: r.docType,
    body: r.body,
    effectiveDate: r.effectiveDate,
    expiryDate: r.expiryDate,
    indexNumber: r.indexNumber,
    category: r.category,
    sourceUrl: r.sourceUrl,
    docNumberKey: d.docNumberKey,
    agencies: d.agencies,
    contentHash: d.contentHash,
    minhash: d.minhash,
    keywords: d.keywords,
    topics: d.topics,
    topicConfidence: d.topicConfidence,
    topicCodes: d.topicCodes,
    ...(canonicalId ? { canonicalId } : {}),
  };
}
