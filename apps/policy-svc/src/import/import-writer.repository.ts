import { Injectable } from '@nestjs/common';
import type { PolicyImportReport } from '@govdisc/contracts';
import type { DerivedFields } from '../analysis/document-analyzer.js';
import type { ImportJob } from '../generated/prisma/client.js';
import { BulkSql, type BulkTx } from '../infra/bulk-sql.service.js';
import type { ImportRecord } from './import-record.js';

/** One document of a batch as it is saved: the record's fields, what was derived, and its links. */
export interface DocumentWrite {
  id: string;
  record: ImportRecord;
  derived: DerivedFields;
  /** set when linked to a canonical document; null keeps a stored link */
  canonicalId: string | null;
  publish: boolean;
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
// row (same external id) is updated and its version bumped; an editor's keyword/topic override is kept.
const UPSERT = `
INSERT INTO policy_document AS d (
  id, external_id, title, doc_number, agency, publish_date, level, region, doc_type, body,
  effective_date, expiry_date, index_number, category, source_url,
  doc_number_key, agencies, content_hash, minhash, keywords, topics, topic_confidence, canonical_id,
  status, published_at, version, created_at, updated_at)
SELECT r.id, r.external_id, r.title, r.doc_number, r.agency, r.publish_date, r.level, r.region, r.doc_type, r.body,
  r.effective_date, r.expiry_date, r.index_number, r.category, r.source_url,
  r.doc_number_key, ARRAY(SELECT json_array_elements_text(r.agencies)), r.content_hash, r.minhash,
  ARRAY(SELECT json_array_elements_text(r.keywords)), ARRAY(SELECT json_array_elements_text(r.topics)),
  r.topic_confidence, r.canonical_id,
  (CASE WHEN r.publish THEN 'PUBLISHED' ELSE 'DRAFT' END)::"DocumentStatus", CASE WHEN r.publish THEN now() END, 1, now(), now()
FROM json_to_recordset($1::json) AS r(
  id uuid, external_id text, title text, doc_number text, agency text, publish_date text, level text, region text,
  doc_type text, body text, effective_date text, expiry_date text, index_number text, category text, source_url text,
  doc_number_key text, agencies json, content_hash text, minhash text, keywords json, topics json,
  topic_confidence double precision, canonical_id uuid, publish boolean)
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
  canonical_id = COALESCE(EXCLUDED.canonical_id, d.canonical_id),
  version = d.version + 1, updated_at = now()
RETURNING d.id, d.external_id AS "externalId", d.version, d.status::text AS status, d.title, d.doc_number AS "docNumber",
  d.agency, d.published_at AS "publishedAt", d.updated_at AS "updatedAt", (d.xmax = 0) AS created`;

const JOB_COLUMNS = `id, source, status, last_line AS "lastLine", report, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The only place that writes import batches: multi-row statements on the bulk connection. */
@Injectable()
export class ImportWriter {
  constructor(private readonly sql: BulkSql) {}

  /** Runs `fn` in one transaction: documents, their versions, their events and the job commit together. */
  transaction<T>(fn: (tx: BulkTx) => Promise<T>): Promise<T> {
    return this.sql.transaction(fn);
  }

  /** Inserts or updates the documents (external ids must be unique within one call). */
  async upsertDocuments(tx: BulkTx, docs: DocumentWrite[]): Promise<WrittenRow[]> {
    if (docs.length === 0) return [];
    const rows = docs.map(({ id, record: r, derived: d, canonicalId, publish }) => ({
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
      canonical_id: canonicalId,
      publish,
    }));
    return (await tx.query<WrittenRow>(UPSERT, [JSON.stringify(rows)])).rows;
  }

  /** A stored id differs from the one planned (another import created the row meanwhile): move links to it. */
  async relink(tx: BulkTx, moves: Array<{ from: string; to: string }>): Promise<void> {
    if (moves.length === 0) return;
    await tx.query(
      `UPDATE policy_document d SET canonical_id = m."to" FROM json_to_recordset($1::json) AS m("from" uuid, "to" uuid) WHERE d.canonical_id = m."from"`,
      [JSON.stringify(moves)],
    );
  }

  /** Records the rows' current state as versions; the bodies are copied inside the database. */
  async addVersions(tx: BulkTx, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      `INSERT INTO policy_document_version (document_id, version, title, body, validity)
       SELECT id, version, title, body, validity FROM policy_document WHERE id = ANY($1::uuid[])
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
