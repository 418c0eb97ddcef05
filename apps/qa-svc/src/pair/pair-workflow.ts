import { type Actor, DomainError, ErrorCode, REVIEWERS, isReviewer, type QaPairStatus, type z, type QaAction } from '@govdisc/contracts';

type Action = z.infer<typeof QaAction>;

/** Editorial workflow: draft → in review → published → needs-update → retired, with sign-off. */
const transitions: Record<Action, { from: readonly QaPairStatus[]; to: QaPairStatus; reviewer: boolean }> = {
  SUBMIT: { from: ['DRAFT', 'NEEDS_UPDATE'], to: 'IN_REVIEW', reviewer: false },
  APPROVE: { from: ['IN_REVIEW'], to: 'PUBLISHED', reviewer: true },
  REJECT: { from: ['IN_REVIEW'], to: 'DRAFT', reviewer: true },
  RETIRE: { from: ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'NEEDS_UPDATE'], to: 'RETIRED', reviewer: true },
};

/**
 * The status an action leads to, or a DomainError: wrong state → QA_TRANSITION_NOT_ALLOWED,
 * sign-off without the reviewer role → FORBIDDEN, approving one's own edit → QA_SELF_REVIEW
 * (admins too: whoever wrote a version never publishes it).
 */
export function nextStatus(input: { status: QaPairStatus; action: Action; actor: Actor; lastEditorSub: string }): QaPairStatus {
  const rule = transitions[input.action];
  if (!rule.from.includes(input.status)) {
    throw new DomainError(ErrorCode.QA_TRANSITION_NOT_ALLOWED, undefined, { status: input.status, action: input.action });
  }
  if (rule.reviewer && !isReviewer(input.actor)) {
    throw new DomainError(ErrorCode.FORBIDDEN, undefined, { required: REVIEWERS });
  }
  // Whoever wrote a version never publishes it: no exception, admins included (issue 11.2).
  if (input.action === 'APPROVE' && input.actor.sub === input.lastEditorSub) throw new DomainError(ErrorCode.QA_SELF_REVIEW);
  return rule.to;
}
