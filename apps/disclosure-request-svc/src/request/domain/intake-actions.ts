import { DomainError, ErrorCode } from '@govdisc/contracts';
import { shanghaiDate } from '@govdisc/contracts';
import { LAW } from './assumptions.js';
import { wdDeadline } from './deadlines.js';
import type { ActionOf, RequestState, RuleContext, Transition } from './model.js';
import { actDate } from './act-date.js';

const ART30 = '《政府信息公开条例》第三十条';

/** Online / fax / ordinary mail: receipt = the day both sides confirm (Art. 31). */
function confirmReceipt(s: RequestState, a: ActionOf<'CONFIRM_RECEIPT'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, shanghaiDate(s.submittedAt));
  return {
    to: 'RECEIVED',
    patch: { firstReceiptDate: s.firstReceiptDate ?? on, clockStart: on },
    legalBasis: '《政府信息公开条例》第三十一条',
    details: { receiptDate: on },
  };
}

/** One-time 补正 notice; late (after WD 7) is allowed but flagged; the reply clock is void meanwhile. */
function requestSupplement(s: RequestState, a: ActionOf<'REQUEST_SUPPLEMENT'>, ctx: RuleContext): Transition {
  if (s.supplementRequested) throw new DomainError(ErrorCode.DISCLOSURE_SUPPLEMENT_ALREADY_REQUESTED);
  const on = actDate(a.on, ctx, s.clockStart);
  const noticeBy = ctx.calendar.add(s.clockStart!, LAW.supplementNoticeWd).date;
  const deadline = wdDeadline(ctx.calendar, 'SUPPLEMENT_DEADLINE', on, ctx.assumptions.supplementWindowWd, '补正期限（机关确定的合理期限）');
  return {
    to: 'AWAITING_SUPPLEMENT',
    patch: { supplementRequested: true, supplementDeadline: deadline.date, pauseFrom: null },
    legalBasis: ART30,
    details: { items: a.items, noticeBy, lateNotice: on > noticeBy, supplementDeadline: deadline.date },
    deadlines: [deadline],
  };
}

/** Supplement received: the 20-WD clock restarts in full from that day (not resumed). */
function receiveSupplement(s: RequestState, a: ActionOf<'RECEIVE_SUPPLEMENT'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.clockStart);
  const late = s.supplementDeadline !== null && on > s.supplementDeadline;
  if (late && !a.justifiedReason) {
    throw new DomainError(ErrorCode.DISCLOSURE_SUPPLEMENT_LATE, undefined, { supplementDeadline: s.supplementDeadline, on });
  }
  return {
    to: 'RECEIVED',
    patch: { clockStart: on, extensionDays: 0, pausedDays: 0, pauseFrom: null, customDueDate: null },
    legalBasis: ART30,
    details: { supplementReceivedOn: on, late, justifiedReason: a.justifiedReason ?? null },
    deadlines: [],
  };
}

function abandonNoSupplement(s: RequestState, a: ActionOf<'ABANDON_NO_SUPPLEMENT'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx);
  if (!s.supplementDeadline || on <= s.supplementDeadline) {
    throw new DomainError(ErrorCode.DISCLOSURE_INVALID_DATE, '补正期限尚未届满，不能按逾期不补正处理。', { supplementDeadline: s.supplementDeadline });
  }
  return closing('ABANDONED_NO_SUPPLEMENT', on, ART30, { supplementDeadline: s.supplementDeadline });
}

function accept(s: RequestState, a: ActionOf<'ACCEPT'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.clockStart);
  return {
    to: 'IN_PROGRESS',
    patch: { department: a.department },
    legalBasis: '《政府信息公开条例》第四条',
    details: { department: a.department, acceptedOn: on },
    event: 'assigned',
  };
}

function withdraw(s: RequestState, a: ActionOf<'WITHDRAW'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx);
  return closing('OTHER', on, '申请人撤回申请', { withdrawal: a.document });
}

export function closing(outcome: 'ABANDONED_NO_SUPPLEMENT' | 'ABANDONED_FEE_UNPAID' | 'OTHER', on: string, legalBasis: string, details: Record<string, unknown>): Transition {
  return {
    to: 'CLOSED',
    patch: { outcome, finishedDate: on, pauseFrom: null },
    legalBasis,
    details: { ...details, outcome, closedOn: on },
    deadlines: [],
    event: 'closed',
    outcome,
  };
}

export const intakeActions = {
  CONFIRM_RECEIPT: confirmReceipt,
  REQUEST_SUPPLEMENT: requestSupplement,
  RECEIVE_SUPPLEMENT: receiveSupplement,
  ABANDON_NO_SUPPLEMENT: abandonNoSupplement,
  ACCEPT: accept,
  WITHDRAW: withdraw,
};
