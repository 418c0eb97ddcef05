import type { QaPairView } from '@govdisc/contracts';
import type { PairWithCitations } from './pair.repository.js';

export function toView(p: PairWithCitations): QaPairView {
  return {
    id: p.id,
    externalId: p.externalId,
    question: p.question,
    alternatives: p.alternatives,
    answer: p.answer,
    audience: p.audience,
    topics: p.topics,
    ownerDepartment: p.ownerDepartment,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
    sourcePolicyId: p.sourcePolicyId,
    citations: p.citations.map((c) => ({
      documentId: c.documentId,
      documentVersion: c.documentVersion,
      anchor: c.anchor,
      quote: c.quote,
      state: c.state,
    })),
    status: p.status,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}
