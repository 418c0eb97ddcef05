import { z } from 'zod';
import { IsoDate, IsoDateTime, Page, ServiceHealth, Uuid, pageOf } from '../common.js';
import { defineEvent, defineRpc } from '../define.js';
import type { Envelope } from '../envelope.js';
import { DomainError, ErrorCode } from '../errors.js';
import { EDITORS, PUBLIC, REVIEWERS } from '../roles.js';
import { CitizenTopicCode } from '../topics.js';

export const PolicyDocumentStatus = z.enum(['DRAFT', 'PUBLISHED', 'AMENDED', 'EXPIRED', 'REPEALED']);

const text = (max: number) => z.string().trim().min(1).max(max);

export const CreatePolicyDocumentReq = z.strictObject({
  externalId: text(100).optional().describe('ID in the source system; re-importing the same ID updates instead of duplicating'),
  title: text(500).describe('标题'),
  docNumber: text(100).optional().describe('发文字号, e.g. 长政发〔2022〕3号'),
  agency: text(200).optional().describe('发文机关'),
  publishDate: IsoDate.optional().describe('成文/发布日期 YYYY-MM-DD'),
  level: text(20).optional(),
  region: text(100).optional(),
  docType: text(50).optional(),
  body: z.string().min(1).max(2_000_000).describe('正文, one paragraph per line'),
});
export type CreatePolicyDocumentReq = z.infer<typeof CreatePolicyDocumentReq>;

export const PolicyDocumentSummary = z.object({
  id: Uuid,
  externalId: z.string().nullable(),
  title: z.string(),
  docNumber: z.string().nullable(),
  agency: z.string().nullable(),
  publishDate: z.string().nullable(),
  status: PolicyDocumentStatus,
  publishedAt: IsoDateTime.nullable(),
  version: z.number().int(),
  /** citizen topic services (qa_topic codes, e.g. housing-fund) */
  topicCodes: z.array(z.string()),
  /** staff only (absent for the public): who wrote the current version, who published it */
  editedBy: z.string().nullable().optional(),
  publishedBy: z.string().nullable().optional(),
  /** staff only: an edit of the published document waiting for a reviewer (the published text stays until then) */
  pendingEdit: z.object({ title: z.string(), editedBy: z.string(), editedAt: IsoDateTime }).nullable().optional(),
});
export const PolicyDocumentView = PolicyDocumentSummary.extend({
  level: z.string().nullable(),
  region: z.string().nullable(),
  docType: z.string().nullable(),
  body: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PolicyDocumentView = z.infer<typeof PolicyDocumentView>;

export const DocumentIdReq = z.strictObject({ documentId: Uuid });
export const ListPolicyDocumentsReq = Page.extend({
  status: PolicyDocumentStatus.optional(),
  topicCode: CitizenTopicCode.optional().describe('only documents of this citizen topic service'),
}).strict();

export const createPolicyDocument = defineRpc('rpc.policy.document.create', {
  access: EDITORS,
  request: CreatePolicyDocumentReq,
  response: PolicyDocumentView,
});
export const publishPolicyDocument = defineRpc('rpc.policy.document.publish', {
  access: REVIEWERS,
  request: DocumentIdReq,
  response: PolicyDocumentView,
});
export const getPolicyDocument = defineRpc('rpc.policy.document.get', {
  access: PUBLIC,
  request: DocumentIdReq,
  response: PolicyDocumentView,
});
export const listPolicyDocuments = defineRpc('rpc.policy.document.list', {
  access: PUBLIC,
  request: ListPolicyDocumentsReq,
  response: pageOf(PolicyDocumentSummary),
});
export const policyHealth = defineRpc('rpc.policy.health.check', { access: PUBLIC, request: z.object({}), response: ServiceHealth });

/**
 * What subscriptions (政策推送) match on besides the agency: optional, so older events and producers that do not
 * know them yet still parse. topicCodes are citizen topic codes (qa_topic: housing-fund, social-insurance…).
 */
const SubscriptionMatchFields = {
  /** citizen topic services (qa_topic codes) the document belongs to: computed or set by an editor */
  topicCodes: z.array(z.string()).optional(),
  region: z.string().nullable().optional(),
  /** A short summary (the first paragraph, ≤ 300 characters): saved searches match title + summary terms. */
  summary: z.string().nullable().optional(),
};

export const DocumentPublishedV1 = z.object({
  documentId: Uuid,
  docNumber: z.string().nullable(),
  title: z.string().min(1),
  agency: z.string().nullable(),
  publishedAt: IsoDateTime,
  version: z.number().int().positive(),
  ...SubscriptionMatchFields,
});
export const documentPublished = defineEvent('policy.document.published', { 1: DocumentPublishedV1 });

/** A published document changed: amended, repealed, or past its expiry date. Q&A citing it go stale. */
export const DocumentLifecycleV1 = z.object({
  documentId: Uuid,
  externalId: z.string().nullable(),
  title: z.string().min(1),
  version: z.number().int().positive(),
  /** The document that amended or repealed it, when known. */
  byDocumentId: Uuid.nullable(),
  at: IsoDateTime,
  agency: z.string().nullable().optional(),
  ...SubscriptionMatchFields,
});
export const documentAmended = defineEvent('policy.document.amended', { 1: DocumentLifecycleV1 });
export const documentRepealed = defineEvent('policy.document.repealed', { 1: DocumentLifecycleV1 });
export const documentExpired = defineEvent('policy.document.expired', { 1: DocumentLifecycleV1 });

export type PolicyLifecycleReason = 'AMENDED' | 'REPEALED' | 'EXPIRED';
const lifecycleEvents = {
  [documentAmended.type]: [documentAmended, 'AMENDED'],
  [documentRepealed.type]: [documentRepealed, 'REPEALED'],
  [documentExpired.type]: [documentExpired, 'EXPIRED'],
} as const;

/**
 * A policy.document.* event as a service whose content cites policies sees it: the change and why, or null for a
 * publication (nothing to check). Any other type is a malformed message (dead-lettered by the consumer).
 */
export function policyLifecycleChange(
  raw: unknown,
): { envelope: Envelope<z.output<typeof DocumentLifecycleV1>>; reason: PolicyLifecycleReason } | null {
  const type = (raw as { type?: unknown })?.type;
  if (type === documentPublished.type) return null;
  const entry = typeof type === 'string' ? lifecycleEvents[type as keyof typeof lifecycleEvents] : undefined;
  if (!entry) throw new DomainError(ErrorCode.MALFORMED_MESSAGE, `unexpected event type ${String(type)}`);
  const [contract, reason] = entry;
  return { envelope: contract.parse(raw), reason };
}

export const getPolicyDocumentByExternalId = defineRpc('rpc.policy.document.get-by-external-id', {
  access: PUBLIC,
  request: z.strictObject({ externalId: z.string().trim().min(1).max(100) }),
  response: PolicyDocumentView,
});
