import { z } from 'zod';
import { IsoDateTime, Uuid } from '../common.js';
import { defineRpc } from '../define.js';
import { RelatedPolicy } from './related.js';
import { PolicyValidity } from './search.js';
import { CONTENT_STAFF, PUBLIC, REVIEWERS } from '../roles.js';

/** One paragraph of the body; chapters and articles carry a stable anchor (ch-3, art-12) for citations. */
export const PolicyParagraph = z.object({
  anchor: z.string().nullable(),
  kind: z.enum(['chapter', 'section', 'article', 'text']),
  text: z.string(),
});

/** A document as readers see it: structured body with anchors, validity and its links. */
export const PolicyDocumentDetail = z.object({
  id: Uuid,
  externalId: z.string().nullable(),
  title: z.string(),
  docNumber: z.string().nullable(),
  docNumberKey: z.string().nullable(),
  agencies: z.array(z.string()),
  docType: z.string().nullable(),
  level: z.string().nullable(),
  region: z.string().nullable(),
  publishDate: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  validity: PolicyValidity,
  amendedById: Uuid.nullable(),
  repealedById: Uuid.nullable(),
  canonicalId: Uuid.nullable(),
  topics: z.array(z.string()),
  topicConfidence: z.number().nullable(),
  keywords: z.array(z.string()),
  /** set by an editor (PUT …/classification): kept through re-imports and re-analysis */
  keywordsOverridden: z.boolean(),
  topicsOverridden: z.boolean(),
  /** citizen topic services (qa_topic codes); `topicCodesOverridden` when an editor set them */
  topicCodes: z.array(z.string()),
  topicCodesOverridden: z.boolean(),
  classifiedBy: z.string().nullable(),
  classifiedAt: IsoDateTime.nullable(),
  /** 索引号 and 主题分类 as the source published them */
  indexNumber: z.string().nullable(),
  category: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  status: z.string(),
  version: z.number().int(),
  publishedAt: IsoDateTime.nullable(),
  paragraphs: z.array(PolicyParagraph),
  versions: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      validity: z.string(),
      createdAt: IsoDateTime,
      /** staff only: who wrote this version */
      editedBy: z.string().nullable().optional(),
    }),
  ),
  /** staff only: as in the summary */
  editedBy: z.string().nullable().optional(),
  publishedBy: z.string().nullable().optional(),
  pendingEdit: z.object({ title: z.string(), editedBy: z.string(), editedAt: IsoDateTime }).nullable().optional(),
});

/**
 * The public detail also lists what cites the document (看·问·办): published Q&A pairs and published
 * service guides whose legal basis names it (by id or externalId). Each part comes from its own service,
 * briefly cached; a part whose service does not answer in time is left empty, never failing the detail.
 */
export const PolicyDocumentDetailWithLinks = PolicyDocumentDetail.extend({
  qa: z.array(z.object({ id: Uuid, question: z.string() })),
  guides: z.array(z.object({ code: z.string(), name: z.string(), department: z.string(), clause: z.string().optional() })),
});
/**
 * How many related documents the detail brings along (0: none, the field is left out). The portal's policy page
 * always shows both: one call instead of two (one gateway request, one RPC), the same list as `related` gives.
 */
export const DetailRelatedLimit = z.coerce.number().int().min(0).max(20).default(0).describe('同时返回的相关政策条数（0–20）');
/** The detail's public query (the gateway's route): `citing` is for services only. */
export const PolicyDetailQuery = z.strictObject({ related: DetailRelatedLimit.optional() });
export const getPolicyDocumentDetail = defineRpc('rpc.policy.document.detail', {
  access: PUBLIC,
  request: z.strictObject({
    documentId: Uuid,
    /** false: qa and guides left empty, for services that need the text only (qa-svc checking a citation's clause) */
    citing: z.boolean().default(true),
    related: DetailRelatedLimit,
  }),
  response: PolicyDocumentDetailWithLinks.extend({
    /** with `related` > 0: the related documents, as rpc.policy.document.related lists them (empty if ranking failed) */
    related: z.array(RelatedPolicy).optional(),
  }),
});

/** amend / repeal: `byDocumentId` is the document that amended or repealed it. */
export const ChangeValidityReq = z.strictObject({
  documentId: Uuid,
  byDocumentId: Uuid.optional(),
});
export const amendPolicyDocument = defineRpc('rpc.policy.document.amend', {
  access: REVIEWERS,
  request: ChangeValidityReq,
  response: PolicyDocumentDetail,
});
export const repealPolicyDocument = defineRpc('rpc.policy.document.repeal', {
  access: REVIEWERS,
  request: ChangeValidityReq,
  response: PolicyDocumentDetail,
});
export const expirePolicyDocument = defineRpc('rpc.policy.document.expire', {
  access: REVIEWERS,
  request: z.strictObject({ documentId: Uuid }),
  response: PolicyDocumentDetail,
});

/** One saved version's text (or the edit waiting for a reviewer, `pending`), for staff comparing versions. */
export const PolicyVersionText = z.object({
  documentId: Uuid,
  /** null for the pending edit */
  version: z.number().int().nullable(),
  pending: z.boolean(),
  title: z.string(),
  body: z.string(),
  validity: z.string().nullable(),
  editedBy: z.string().nullable(),
  createdAt: IsoDateTime,
});
export const getPolicyDocumentVersion = defineRpc('rpc.policy.document.version', {
  access: CONTENT_STAFF,
  request: z.strictObject({
    documentId: Uuid,
    version: z
      .union([z.literal('pending'), z.coerce.number().int().positive().max(1_000_000)])
      .describe('版本号，或 pending（待审核的修改）'),
  }),
  response: PolicyVersionText,
});
