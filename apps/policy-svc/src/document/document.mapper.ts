import type { PolicyDocumentView, z } from '@govdisc/contracts';
import { authorshipView } from '@govdisc/contracts';
import type { PolicyDocumentDetail, PolicyDocumentSummary, PolicyValidity } from '@govdisc/contracts';
import { toParagraphs } from '@govdisc/text-analysis';
import type { PolicyDocument } from '../generated/prisma/client.js';

type Validity = z.infer<typeof PolicyValidity>;

export function toSummary(doc: PolicyDocument): z.input<typeof PolicyDocumentSummary> {
  return {
    id: doc.id,
    externalId: doc.externalId,
    title: doc.title,
    docNumber: doc.docNumber,
    agency: doc.agency,
    publishDate: doc.publishDate,
    status: doc.status,
    publishedAt: doc.publishedAt?.toISOString() ?? null,
    version: doc.version,
    topicCodes: doc.topicCodes,
  };
}

/** Who wrote and published the shown version, and an edit waiting for review: for staff eyes only. */
export function authorship(doc: PolicyDocument) {
  const pending = doc.pendingEdit as { title?: string } | null;
  return authorshipView(doc, pending ? { title: pending.title ?? doc.title } : null);
}

export function toStaffSummary(doc: PolicyDocument) {
  return { ...toSummary(doc), ...authorship(doc) };
}

export function toView(doc: PolicyDocument, staff = false): PolicyDocumentView {
  return {
    ...toSummary(doc),
    ...(staff ? authorship(doc) : {}),
    level: doc.level,
    region: doc.region,
    docType: doc.docType,
    body: doc.body,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** documentPublished payload for a document that is (re)published at its current version. */
export function publishedPayload(
  doc: Pick<
    PolicyDocument,
    'id' | 'docNumber' | 'title' | 'agency' | 'publishedAt' | 'updatedAt' | 'version' | 'region' | 'body' | 'topicCodes'
  >,
) {
  return {
    documentId: doc.id,
    docNumber: doc.docNumber,
    title: doc.title,
    agency: doc.agency,
    publishedAt: (doc.publishedAt ?? doc.updatedAt).toISOString(),
    version: doc.version,
    // What subscriptions match on (notify-svc's 政策推送): the region, and a summary for saved searches.
    region: doc.region,
    summary: summaryOf(doc.body),
    topicCodes: doc.topicCodes,
  };
}

/**
 * An amended / repealed / expired event: what happened, and what subscriptions match on (agency, region, summary,
 * topic codes — as on the published event), so the people subscribed to the agency hear of the change too.
 */
export function lifecyclePayload(
  doc: Pick<PolicyDocument, 'id' | 'externalId' | 'title' | 'agency' | 'version' | 'region' | 'body' | 'topicCodes'>,
  byDocumentId: string | null,
  at: Date,
) {
  return {
    documentId: doc.id,
    externalId: doc.externalId,
    title: doc.title,
    version: doc.version,
    byDocumentId,
    at: at.toISOString(),
    agency: doc.agency,
    region: doc.region,
    summary: summaryOf(doc.body),
    topicCodes: doc.topicCodes,
  };
}

/** The first non-empty paragraph, at most 300 characters: enough for a push message and keyword matching. */
export function summaryOf(body: string): string | null {
  const first = body
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean);
  return first ? first.slice(0, 300) : null;
}

export type VersionRow = { version: number; title: string; validity: string; createdAt: Date; editedBy: string | null };

/** The columns a detail shows (the reader's view reads only these: DocumentRepository.readerRow). */
export type DetailRow = Pick<
  PolicyDocument,
  | 'id'
  | 'externalId'
  | 'title'
  | 'docNumber'
  | 'docNumberKey'
  | 'agencies'
  | 'docType'
  | 'level'
  | 'region'
  | 'publishDate'
  | 'effectiveDate'
  | 'expiryDate'
  | 'validity'
  | 'amendedById'
  | 'repealedById'
  | 'canonicalId'
  | 'topics'
  | 'topicConfidence'
  | 'keywords'
  | 'keywordsOverridden'
  | 'topicsOverridden'
  | 'topicCodes'
  | 'topicCodesOverridden'
  | 'classifiedBy'
  | 'classifiedAt'
  | 'indexNumber'
  | 'category'
  | 'sourceUrl'
  | 'status'
  | 'version'
  | 'publishedAt'
  | 'body'
>;

/** The reader's view: structured body with clause anchors, validity, links and version history. */
export function toDetail(doc: PolicyDocument, versions: VersionRow[], staff = false): z.input<typeof PolicyDocumentDetail> {
  return { ...(staff ? authorship(doc) : {}), ...detailFields(doc, versions, staff) };
}

/** A detail without the authorship fields (all a reader sees). */
export function detailFields(doc: DetailRow, versions: VersionRow[], staff = false): z.input<typeof PolicyDocumentDetail> {
  return {
    id: doc.id,
    externalId: doc.externalId,
    title: doc.title,
    docNumber: doc.docNumber,
    docNumberKey: doc.docNumberKey,
    agencies: doc.agencies,
    docType: doc.docType,
    level: doc.level,
    region: doc.region,
    publishDate: doc.publishDate,
    effectiveDate: doc.effectiveDate,
    expiryDate: doc.expiryDate,
    validity: doc.validity as Validity,
    amendedById: doc.amendedById,
    repealedById: doc.repealedById,
    canonicalId: doc.canonicalId,
    topics: doc.topics,
    topicConfidence: doc.topicConfidence,
    keywords: doc.keywords,
    keywordsOverridden: doc.keywordsOverridden,
    topicsOverridden: doc.topicsOverridden,
    topicCodes: doc.topicCodes,
    topicCodesOverridden: doc.topicCodesOverridden,
    classifiedBy: doc.classifiedBy,
    classifiedAt: doc.classifiedAt?.toISOString() ?? null,
    indexNumber: doc.indexNumber,
    category: doc.category,
    sourceUrl: doc.sourceUrl,
    status: doc.status,
    version: doc.version,
    publishedAt: doc.publishedAt?.toISOString() ?? null,
    paragraphs: toParagraphs(doc.body),
    versions: versions.map(({ editedBy, ...v }) => ({ ...v, createdAt: v.createdAt.toISOString(), ...(staff ? { editedBy } : {}) })),
  };
}
