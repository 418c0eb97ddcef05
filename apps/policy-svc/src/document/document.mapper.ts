import type { PolicyDocumentView, z } from '@govdisc/contracts';
import type { PolicyDocumentSummary } from '@govdisc/contracts';
import type { PolicyDocument } from '../generated/prisma/client.js';

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
  };
}

export function toView(doc: PolicyDocument): PolicyDocumentView {
  return {
    ...toSummary(doc),
    level: doc.level,
    region: doc.region,
    docType: doc.docType,
    body: doc.body,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
