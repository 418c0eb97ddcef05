import { DomainError, ErrorCode, departmentChoices, isDisclosureDepartment } from '@govdisc/contracts';
import { shanghaiDate } from '@govdisc/contracts';
import { LAW } from './assumptions.js';
import { replyDue, wdDeadline } from './deadlines.js';
import { legalBasisOf, remedyText } from './outcomes.js';
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

/**
 * One-time 补正 notice; late (after WD 7) is allowed but flagged; the reply clock is void meanwhile.
 * After the reply due date it is refused (ADR 0001): it would restart the clock and erase the lateness.
 */
function requestSupplement(s: RequestState, a: ActionOf<'REQUEST_SUPPLEMENT'>, ctx: RuleContext): Transition {
  if (s.supplementRequested) throw new DomainError(ErrorCode.DISCLOSURE_SUPPLEMENT_ALREADY_REQUESTED);
  const on = actDate(a.on, ctx, s.clockStart);
  const due = replyDue(s, ctx.calendar);
  if (due && on > due.date) throw new DomainError(ErrorCode.DISCLOSURE_SUPPLEMENT_AFTER_DUE, undefined, { dueDate: due.date, on });
  const noticeBy = ctx.calendar.add(s.clockStart!, LAW.supplementNoticeWd).date;
  const deadline = wdDeadline(
    ctx.calendar,
    'SUPPLEMENT_DEADLINE',
    on,
    ctx.assumptions.supplementWindowWd,
    '补正期限（机关确定的合理期限）',
  );
  return {
    to: 'AWAITING_SUPPLEMENT',
    patch: { supplementRequested: true, supplementNoticeOn: on, supplementDeadline: deadline.date, pauseFrom: null },
    legalBasis: ART30,
    details: { items: a.items, noticeBy, lateNotice: on > noticeBy, supplementDeadline: deadline.date },
    deadlines: [deadline],
  };
}

/** Supplement received: the 20-WD clock restarts in full from that day (not resumed). */
function receiveSupplement(s: RequestState, a: ActionOf<'RECEIVE_SUPPLEMENT'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.supplementNoticeOn ?? s.clockStart);
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
    throw new DomainError(ErrorCode.DISCLOSURE_INVALID_DATE, '补正期限尚未届满，不能按逾期不补正处理。', {
      supplementDeadline: s.supplementDeadline,
    });
  }
  const notice =
    `本机关已于${s.supplementNoticeOn ?? '此前'}一次性告知您补正申请内容，补正期限至${s.supplementDeadline}。` +
    '您逾期未补正，也未说明正当理由，视为放弃申请，本机关不再处理该政府信息公开申请。';
  return closing(
    'ABANDONED_NO_SUPPLEMENT',
    on,
    ART30,
    { supplementDeadline: s.supplementDeadline },
    { notice, reason: '逾期未补正且未说明正当理由' },
    ctx,
  );
}

/** The department must be one of the registry (contracts DISCLOSURE_DEPARTMENTS), else no queue would ever show it. */
function accept(s: RequestState, a: ActionOf<'ACCEPT'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.clockStart);
  if (!isDisclosureDepartment(a.department)) {
    throw new DomainError(
      ErrorCode.DISCLOSURE_DEPARTMENT_UNKNOWN,
      `承办部门“${a.department}”不存在，请从以下部门中选择：${departmentChoices()}。`,
      {
        department: a.department,
      },
    );
  }
  return {
    to: 'IN_PROGRESS',
    patch: { department: a.department },
    legalBasis: '《政府信息公开条例》第四条',
    details: { department: a.department, acceptedOn: on },
    event: 'assigned',
  };
}

/** A withdrawal cannot predate the application it withdraws. */
function withdraw(s: RequestState, a: ActionOf<'WITHDRAW'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.firstReceiptDate ?? shanghaiDate(s.submittedAt));
  const notice = `您于${on}撤回政府信息公开申请（撤回说明：${a.document}），本机关终止处理该申请。如仍需获取相关信息，可以重新提出申请。`;
  return closing('OTHER', on, '申请人撤回申请', { withdrawal: a.document }, { notice, reason: '申请人撤回申请' }, ctx);
}

type ClosingOutcome = 'ABANDONED_NO_SUPPLEMENT' | 'ABANDONED_FEE_UNPAID' | 'OTHER';

/** Ending without a substantive reply is still a written act (§6 "closing notice"): reasons, legal basis and remedies (§8). */
export function closing(
  outcome: ClosingOutcome,
  on: string,
  legalBasis: string,
  details: Record<string, unknown>,
  written: { notice: string; reason: string },
  ctx: RuleContext,
): Transition {
  const reply = {
    outcome,
    text: written.notice,
    reasons: [written.reason],
    enclosures: [],
    legalBasis: outcome === 'OTHER' ? legalBasis : legalBasisOf(outcome),
    remedy: remedyText(outcome, ctx.assumptions.reviewBody),
    replyDate: on,
    closingNotice: true,
  };
  return {
    to: 'CLOSED',
    patch: { outcome, reply, finishedDate: on, pauseFrom: null },
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
