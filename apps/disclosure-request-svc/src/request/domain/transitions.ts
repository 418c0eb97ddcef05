import { type Actor, DomainError, type DisclosureAction, ErrorCode, isDeptOfficer, isGio } from '@govdisc/contracts';
import type { DisclosureStatus } from '@govdisc/contracts';
import { clockActions } from './clock-actions.js';
import { intakeActions } from './intake-actions.js';
import type { RequestState, RuleContext, Transition } from './model.js';
import { replyActions } from './reply-actions.js';
import { OPEN_STATUSES } from './statuses.js';

type Who = 'gio' | 'dept' | 'system' | 'applicant';

/** Spec §10: for each action, the states it may start from and who may perform it. */
export const GUARDS: Record<DisclosureAction['type'], { from: DisclosureStatus[]; who: Who[] }> = {
  CONFIRM_RECEIPT: { from: ['SUBMITTED'], who: ['gio'] },
  REQUEST_SUPPLEMENT: { from: ['RECEIVED', 'IN_PROGRESS'], who: ['gio'] },
  RECEIVE_SUPPLEMENT: { from: ['AWAITING_SUPPLEMENT'], who: ['gio'] },
  ABANDON_NO_SUPPLEMENT: { from: ['AWAITING_SUPPLEMENT'], who: ['gio', 'system'] },
  ACCEPT: { from: ['RECEIVED'], who: ['gio'] },
  START_CONSULTATION: { from: ['IN_PROGRESS'], who: ['gio', 'dept'] },
  END_CONSULTATION: { from: ['CONSULTING_THIRD_PARTY', 'CONSULTING_AGENCY'], who: ['gio', 'dept', 'system'] },
  EXTEND: { from: ['IN_PROGRESS'], who: ['gio'] },
  REQUEST_REASONS: { from: ['IN_PROGRESS'], who: ['gio'] },
  ASSESS_REASONS: { from: ['AWAITING_REASONS'], who: ['gio'] },
  ISSUE_FEE_NOTICE: { from: ['IN_PROGRESS'], who: ['gio'] },
  CONFIRM_PAYMENT: { from: ['AWAITING_FEE'], who: ['gio'] },
  CLOSE_FEE_UNPAID: { from: ['AWAITING_FEE'], who: ['gio', 'system'] },
  REPLY: { from: ['RECEIVED', 'IN_PROGRESS'], who: ['gio'] },
  WITHDRAW: { from: [...OPEN_STATUSES], who: ['gio', 'applicant'] },
};

function actsAs(actor: Actor, department: string | null, internal?: 'system' | 'applicant'): Who[] {
  const who: Who[] = [];
  if (isGio(actor)) who.push('gio');
  if (isOfficerOf(actor, department)) who.push('dept');
  if (internal) who.push(internal);
  return who;
}

/** A department officer of the department a request is assigned to (none assigned: nobody). */
const isOfficerOf = (actor: Actor, department: string | null): boolean =>
  isDeptOfficer(actor) && department !== null && actor.department === department;

/** The GIO sees every request; a department officer only those assigned to their department. */
export function canSee(actor: Actor, department: string | null): boolean {
  return isGio(actor) || isOfficerOf(actor, department);
}

/**
 * Staff asking for a request they may not see get exactly the answer for a number that does not
 * exist (same code, message, no details), so request numbers cannot be probed (issue 11.14).
 */
export function notVisible(): DomainError {
  return new DomainError(ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND, '未找到该政府信息公开申请，或该申请不在您的办理范围内。');
}

/** Wrong actor → DISCLOSURE_FORBIDDEN (403); wrong state → DISCLOSURE_INVALID_TRANSITION (409). */
export function guard(state: RequestState, action: DisclosureAction, actor: Actor, internal?: 'system' | 'applicant'): void {
  const rule = GUARDS[action.type];
  if (!actsAs(actor, state.department, internal).some((w) => rule.who.includes(w))) {
    throw new DomainError(ErrorCode.DISCLOSURE_FORBIDDEN, undefined, { action: action.type });
  }
  if (!rule.from.includes(state.status)) {
    throw new DomainError(ErrorCode.DISCLOSURE_INVALID_TRANSITION, undefined, {
      action: action.type,
      status: state.status,
      allowedFrom: rule.from,
    });
  }
}

export function applyAction(state: RequestState, action: DisclosureAction, ctx: RuleContext): Transition {
  guard(state, action, ctx.actor, ctx.internal);
  const handler = (intakeActions[action.type as keyof typeof intakeActions] ??
    clockActions[action.type as keyof typeof clockActions] ??
    replyActions[action.type as keyof typeof replyActions]) as
    ((s: RequestState, a: DisclosureAction, c: RuleContext) => Transition) | undefined;
  if (!handler) throw new Error(`no rule for ${action.type}`);
  return handler(state, action, ctx);
}
