import { z } from 'zod';
import { IsoDate, IsoDateTime, Page, ServiceHealth, Uuid, pageOf } from '../common.js';
import { defineEvent, defineRpc } from '../define.js';
import { CONTENT_STAFF, PUBLIC, REVIEWERS } from '../roles.js';

export const QaPairStatus = z.enum(['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'NEEDS_UPDATE', 'RETIRED']);
export type QaPairStatus = z.infer<typeof QaPairStatus>;
export const QaAudience = z.enum(['INDIVIDUAL', 'ENTERPRISE', 'ALL']);

const line = (min: number, max: number) => z.string().trim().min(min).max(max);

/** A pointer into policy text: the document, its version, the clause and the quoted words. */
export const Citation = z.strictObject({
  documentId: line(1, 100).describe('policy document id (uuid) or its external id'),
  documentVersion: z.number().int().positive().optional(),
  anchor: line(1, 50).optional().describe('clause, e.g. 第三条'),
  quote: line(1, 4_000).describe('the cited words, verbatim'),
});
export const CitationView = Citation.extend({
  documentVersion: z.number().int().nullable(),
  anchor: z.string().nullable(),
  /** how a reader names the clause: 第5条, 第2章, 第4段 (the anchor's label on the policy page) */
  anchorLabel: z.string().nullable(),
  state: z.enum(['VERIFIED', 'UNVERIFIED', 'STALE']),
});

export const UpsertQaPairReq = z.strictObject({
  externalId: line(1, 100).optional().describe('ID in the source data; re-importing it updates the same pair'),
  question: line(2, 500).describe('标准问法'),
  alternatives: z.array(line(2, 300)).max(30).default([]).describe('相似问法'),
  answer: line(1, 20_000),
  audience: QaAudience.default('ALL'),
  topics: z
    .array(line(1, 50))
    .max(10)
    .nullable()
    .optional()
    .describe(
      "topic codes, e.g. housing-fund: the editor's choice, kept through later saves; omitted: the earlier choice, else computed from the text; null or []: computed again",
    ),
  ownerDepartment: line(1, 200).optional(),
  effectiveFrom: IsoDate.optional(),
  effectiveTo: IsoDate.optional(),
  sourcePolicyId: line(1, 100).optional().describe('shorthand citation: the source document, quoting the answer'),
  citations: z.array(Citation).max(10).default([]),
  publish: z
    .boolean()
    .default(false)
    .describe(
      'sign off a version someone else wrote (reviewers): refused with QA_SELF_REVIEW when the text is new, changed, or last edited by the caller',
    ),
});
export type UpsertQaPairReq = z.output<typeof UpsertQaPairReq>;

export const QaPairView = z.object({
  id: Uuid,
  externalId: z.string().nullable(),
  question: z.string(),
  alternatives: z.array(z.string()),
  answer: z.string(),
  audience: QaAudience,
  topics: z.array(z.string()),
  /** the topics were chosen by an editor (else computed by the shared topic classifier) */
  topicsOverridden: z.boolean(),
  ownerDepartment: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  sourcePolicyId: z.string().nullable(),
  citations: z.array(CitationView),
  /** every citation's quote was confirmed in its clause (and there is one): false = "引用待核对", for editors */
  citationVerified: z.boolean(),
  status: QaPairStatus,
  version: z.number().int(),
  updatedAt: IsoDateTime,
  /** staff only: who wrote the shown version, and an edit of the published pair waiting for a reviewer */
  lastEditorSub: z.string().optional(),
  pendingEdit: z.object({ question: z.string(), answer: z.string(), editorSub: z.string(), editedAt: IsoDateTime }).nullable().optional(),
});
export type QaPairView = z.infer<typeof QaPairView>;

export const upsertQaPair = defineRpc('rpc.qa.pair.upsert', { access: CONTENT_STAFF, request: UpsertQaPairReq, response: QaPairView });
export const getQaPair = defineRpc('rpc.qa.pair.get', {
  access: PUBLIC,
  request: z.strictObject({ pairId: Uuid }),
  response: QaPairView,
});
export const listQaPairs = defineRpc('rpc.qa.pair.list', {
  access: PUBLIC,
  request: Page.extend({
    status: QaPairStatus.optional(),
    topic: line(1, 50).optional(),
    audience: QaAudience.optional(),
    citation: z
      .enum(['VERIFIED', 'UNVERIFIED'])
      .optional()
      .describe('VERIFIED: every citation confirmed in its clause; UNVERIFIED: no citation, or one not confirmed in a clause'),
  }).strict(),
  response: pageOf(QaPairView),
});

/**
 * Edit a pair in place by its id (a pair written in the console has no externalId): the same rules as an upsert
 * without publish — a published pair's edit waits for a reviewer; a pair flagged after a policy change stays
 * flagged (NEEDS_UPDATE) until the fixed text is submitted and published.
 */
export const EditQaPairReq = UpsertQaPairReq.omit({ externalId: true, publish: true }).extend({ pairId: Uuid }).strict();
export const editQaPair = defineRpc('rpc.qa.pair.edit', { access: CONTENT_STAFF, request: EditQaPairReq, response: QaPairView });

export const QaAction = z.enum(['SUBMIT', 'APPROVE', 'REJECT', 'RETIRE']);
export const transitionQaPair = defineRpc('rpc.qa.pair.transition', {
  access: CONTENT_STAFF,
  request: z.strictObject({ pairId: Uuid, action: QaAction, note: line(1, 1_000).optional() }),
  response: QaPairView,
});

export const QaRevisionView = z.object({
  version: z.number().int(),
  action: z.string(),
  status: QaPairStatus,
  actorSub: z.string(),
  note: z.string().nullable(),
  at: IsoDateTime,
});
export const qaPairHistory = defineRpc('rpc.qa.pair.history', {
  access: CONTENT_STAFF,
  request: z.strictObject({ pairId: Uuid }),
  response: z.object({ items: z.array(QaRevisionView) }),
});

export const ImportQaPairsReq = z.strictObject({
  /** Raw records as read from a file; each is validated on its own so one bad line rejects only itself. */
  items: z
    .array(z.object({ line: z.number().int().positive(), record: z.unknown() }))
    .min(1)
    .max(500),
  /** as in an upsert: only signs off unchanged pairs someone else wrote (an editor imports, a reviewer re-runs with publish) */
  publish: z.boolean().default(false),
});
export const ImportReport = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), externalId: z.string().nullable(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const importQaPairs = defineRpc('rpc.qa.pair.import', { access: CONTENT_STAFF, request: ImportQaPairsReq, response: ImportReport });

/** Published pairs citing a policy document (by its id or externalId), for the policy's page. */
export const listPairsCitingDocument = defineRpc('rpc.qa.pair.citing-document', {
  access: PUBLIC,
  request: z.strictObject({
    documentId: Uuid,
    externalId: z.string().trim().min(1).max(100).nullable().default(null),
    limit: z.number().int().min(1).max(50).default(20),
  }),
  response: z.object({ items: z.array(z.object({ id: Uuid, question: z.string() })) }),
});

/**
 * Every document id or externalId a published pair cites or was drawn from (the ids listPairsCitingDocument matches,
 * whatever the pair's dates): policy-svc skips that call for a document outside it (ADR 0036).
 */
export const listDocumentsCitedByPairs = defineRpc('rpc.qa.pair.cited-documents', {
  access: PUBLIC,
  request: z.strictObject({}),
  response: z.object({ ids: z.array(z.string()) }),
});

/** The citation backfill: stored pairs without a verified clause citation get one where the library holds it. */
export const CitationBackfillView = z.object({
  state: z.enum(['IDLE', 'RUNNING', 'DONE', 'FAILED']),
  startedAt: IsoDateTime.nullable(),
  finishedAt: IsoDateTime.nullable(),
  startedBy: z.string().nullable(),
  /** pairs without a verified clause citation when the run started */
  total: z.number().int(),
  processed: z.number().int(),
  /** pairs that now have a verified clause citation */
  cited: z.number().int(),
  /** pairs whose citations changed but still need an editor (a clause found only by overlap, or a whole-document quote) */
  improved: z.number().int(),
  /** pairs left as they were: "citation unverified" */
  unverified: z.number().int(),
  error: z.string().nullable(),
});
export type CitationBackfillView = z.infer<typeof CitationBackfillView>;
export const startCitationBackfill = defineRpc('rpc.qa.citation.backfill.start', {
  access: REVIEWERS,
  request: z.strictObject({}),
  response: CitationBackfillView,
});
export const citationBackfillStatus = defineRpc('rpc.qa.citation.backfill.status', {
  access: CONTENT_STAFF,
  request: z.strictObject({}),
  response: CitationBackfillView,
});

export const qaHealth = defineRpc('rpc.qa.health.check', { access: PUBLIC, request: z.object({}), response: ServiceHealth });

export const PairNeedsUpdateV1 = z.object({
  pairId: Uuid,
  question: z.string(),
  ownerDepartment: z.string().nullable(),
  documentId: z.string(),
  reason: z.enum(['AMENDED', 'REPEALED', 'EXPIRED']),
});
export const pairNeedsUpdate = defineEvent('qa.pair.needs-update', { 1: PairNeedsUpdateV1 });
