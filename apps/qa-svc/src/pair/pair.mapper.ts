import type { QaPairView } from '@govdisc/contracts';
import { clauseLabel } from '@govdisc/text-analysis';
import type { PairWithCitations } from './pair.repository.js';

/** `staff` adds who wrote the version and the pending edit (never shown to the public). */
export function toView(p: PairWithCitations, staff = false): QaPairView {
  return {
    id: p.id,
    externalId: p.externalId,
    question: p.question,
    alternatives: p.alternatives,
    answer: p.answer,
    audience: p.audience,
    topics: p.topics,
    topicsOverridden: p.topicsOverridden,
    ownerDepartment: p.ownerDepartment,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
    sourcePolicyId: p.sourcePolicyId,
    citations: p.citations.map((c) => ({
      documentId: c.documentId,
      documentVersion: c.documentVersion,
      anchor: c.anchor,
      anchorLabel: c.anchor ? clauseLabel(c.anchor) : null,
      quote: c.quote,
      state: c.state,
    })),
    citationVerified: isCitationVerified(p.citations),
    status: p.status,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
    ...(staff ? { lastEditorSub: p.lastEditorSub, pendingEdit: pendingView(p) } : {}),
  };
}

function pendingView(p: PairWithCitations) {
  const edit = p.pendingEdit as { content?: { question: string; answer: string } } | null;
  if (!edit?.content || !p.pendingEditorSub || !p.pendingEditedAt) return null;
  return {
    question: edit.content.question,
    answer: edit.content.answer,
    editorSub: p.pendingEditorSub,
    editedAt: p.pendingEditedAt.toISOString(),
  };
}

/** At least one citation, and every one's quote confirmed in its clause (the list filter `citation` uses the same rule). */
export function isCitationVerified(citations: ReadonlyArray<{ state: string; anchor: string | null }>): boolean {
  return citations.length > 0 && citations.every((c) => c.state === 'VERIFIED' && c.anchor !== null);
}
