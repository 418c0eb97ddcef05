import { DomainError, ErrorCode } from '@govdisc/contracts';
import { actDate } from './act-date.js';
import { LAW } from './assumptions.js';
import { replyDue, wdDeadline } from './deadlines.js';
import { computeFee } from './fees.js';
import { closing } from './intake-actions.js';
import type { ActionOf, RequestState, RuleContext, Transition } from './model.js';

const ART33 = '《政府信息公开条例》第三十三条';

/** WDs strictly after the pause start up to and including `until` are not counted (spec §5.3 convention). */
function resume(s: RequestState, until: string, ctx: RuleContext): Partial<RequestState> {
  const paused = s.pauseFrom ? ctx.calendar.countBetween(s.pauseFrom, until) : 0;
  return { pausedDays: s.pausedDays + paused, pauseFrom: null };
}

function startConsultation(s: RequestState, a: ActionOf<'START_CONSULTATION'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.clockStart);
  const received = actDate(a.letterReceivedOn ?? on, ctx, on); // a letter is received on or after the day it was sent
  const who = a.party === 'THIRD_PARTY' ? '第三方' : '其他机关';
  const due = wdDeadline(
    ctx.calendar,
    'CONSULTATION_DUE',
    received,
    LAW.consultationWd,
    `${who}答复期限（自收到征求意见函之日起15个工作日）`,
  );
  return {
    to: a.party === 'THIRD_PARTY' ? 'CONSULTING_THIRD_PARTY' : 'CONSULTING_AGENCY',
    patch: { pauseFrom: on, consultationDue: due.date },
    legalBasis: a.party === 'THIRD_PARTY' ? '《政府信息公开条例》第三十二条' : '《政府信息公开条例》第三十四条',
    details: { party: a.party, partyName: a.partyName, letterSentOn: on, letterReceivedOn: received, consultationDue: due.date },
    deadlines: [due],
  };
}

/** Opinion received (or window expired): resume, shifting the due date by the paused WDs. */
function endConsultation(s: RequestState, a: ActionOf<'END_CONSULTATION'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.pauseFrom);
  if (a.opinion === 'NO_REPLY' && s.consultationDue && on <= s.consultationDue) {
    throw new DomainError(ErrorCode.DISCLOSURE_INVALID_DATE, '征求意见期限尚未届满。', { consultationDue: s.consultationDue });
  }
  const agency = s.status === 'CONSULTING_AGENCY';
  const until = s.consultationDue && on > s.consultationDue ? s.consultationDue : on;
  if (a.publicInterestOverride) actDate(a.publicInterestOverride.thirdPartyNotifiedOn, ctx, s.pauseFrom);
  const effect =
    a.opinion === 'NO_REPLY'
      ? agency
        ? 'CONSENT_BY_SILENCE'
        : 'AGENCY_DECIDES'
      : a.opinion === 'OBJECTION' && a.publicInterestOverride
        ? 'PUBLIC_INTEREST_OVERRIDE'
        : a.opinion;
  return {
    to: 'IN_PROGRESS',
    patch: { ...resume(s, until, ctx), consultationDue: null },
    legalBasis: agency ? '《政府信息公开条例》第三十四条、第三十三条第三款' : '《政府信息公开条例》第三十二条、第三十三条第三款',
    details: { opinion: a.opinion, effect, pausedUntil: until, override: a.publicInterestOverride ?? null },
    deadlines: [],
  };
}

/**
 * One or more extensions of at most 20 WD in total, approved by the GIO head, applicant notified, before the due date.
 * The approver is the acting staff account (a GIO role, checked by the guard): a typed name proves nothing.
 */
function extend(s: RequestState, a: ActionOf<'EXTEND'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.clockStart);
  const due = replyDue(s, ctx.calendar)!;
  const reject = (reason: string) => new DomainError(ErrorCode.DISCLOSURE_EXTENSION_REJECTED, undefined, { reason, dueDate: due.date });
  if (a.approvedBy !== undefined && a.approvedBy !== ctx.actor.sub) {
    throw new DomainError(ErrorCode.DISCLOSURE_APPROVER_INVALID, undefined, { approvedBy: a.approvedBy });
  }
  if (!a.applicantNotifiedOn) throw reject('APPLICANT_NOT_NOTIFIED');
  actDate(a.applicantNotifiedOn, ctx, on); // the applicant is told on or after the approval, never in the future
  if (on > due.date || a.applicantNotifiedOn > due.date) throw reject('AFTER_DUE_DATE');
  if (s.extensionDays + a.days > LAW.maxExtensionWd) throw reject('EXCEEDS_20_WORKING_DAYS');
  return {
    to: 'IN_PROGRESS',
    patch: { extensionDays: s.extensionDays + a.days },
    legalBasis: ART33,
    details: {
      days: a.days,
      approvedBy: ctx.actor.sub,
      approverRoles: ctx.actor.roles,
      approvedOn: on,
      applicantNotifiedOn: a.applicantNotifiedOn,
      previousDue: due.date,
    },
  };
}

function requestReasons(s: RequestState, a: ActionOf<'REQUEST_REASONS'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.clockStart);
  return {
    to: 'AWAITING_REASONS',
    patch: { pauseFrom: ctx.assumptions.reasonsPauseClock ? on : null },
    legalBasis: '《政府信息公开条例》第三十五条',
    details: { requestedOn: on, clockPaused: ctx.assumptions.reasonsPauseClock },
  };
}

/** One fee basis and one notice per request (§7); a fee of 0 元 is no fee: no notice, no pause, no closure. */
function issueFeeNotice(s: RequestState, a: ActionOf<'ISSUE_FEE_NOTICE'>, ctx: RuleContext): Transition {
  if (s.feeBasis !== null || s.feePaid) {
    throw new DomainError(ErrorCode.DISCLOSURE_FEE_ALREADY_NOTIFIED, undefined, {
      basis: s.feeBasis,
      amount: s.feeAmount,
      paid: s.feePaid,
    });
  }
  const on = actDate(a.on, ctx, s.clockStart);
  const due = replyDue(s, ctx.calendar)!;
  if (on > due.date) throw new DomainError(ErrorCode.DISCLOSURE_FEE_NOTICE_TOO_LATE, undefined, { dueDate: due.date, on });
  const fee = computeFee(a.basis, ctx.monthlyIndex);
  if (fee.amount === 0) throw new DomainError(ErrorCode.DISCLOSURE_FEE_NOT_CHARGEABLE, undefined, { computation: fee.computation });
  const noticeReceivedOn = actDate(a.noticeReceivedOn ?? on, ctx, on);
  const payBy = wdDeadline(ctx.calendar, 'FEE_PAY_BY', noticeReceivedOn, LAW.feePaymentWd, '缴费期限（自收到收费通知次日起20个工作日）');
  return {
    to: 'AWAITING_FEE',
    patch: { feeBasis: a.basis.type, feeAmount: fee.amount, feePayBy: payBy.date, pauseFrom: ctx.assumptions.feePausesClock ? on : null },
    legalBasis: '《政府信息公开条例》第四十二条；国办函〔2020〕109号',
    details: { ...fee, basis: a.basis, noticeOn: on, payBy: payBy.date, clockPaused: ctx.assumptions.feePausesClock },
    deadlines: [payBy],
  };
}

function confirmPayment(s: RequestState, a: ActionOf<'CONFIRM_PAYMENT'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.pauseFrom);
  if (s.feePayBy && on > s.feePayBy) throw new DomainError(ErrorCode.DISCLOSURE_FEE_WINDOW_CLOSED, undefined, { payBy: s.feePayBy, on });
  return {
    to: 'IN_PROGRESS',
    patch: { ...resume(s, on, ctx), feePaid: true },
    legalBasis: '国办函〔2020〕109号',
    details: { paidOn: on, receiptNumber: a.receiptNumber },
    deadlines: [],
  };
}

function closeFeeUnpaid(s: RequestState, a: ActionOf<'CLOSE_FEE_UNPAID'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx);
  if (s.feePaid || !s.feeAmount)
    throw new DomainError(ErrorCode.DISCLOSURE_INVALID_TRANSITION, '该申请无应缴未缴的费用，不能按未缴费终止。', {
      paid: s.feePaid,
      amount: s.feeAmount,
    });
  if (!s.feePayBy || on <= s.feePayBy)
    throw new DomainError(ErrorCode.DISCLOSURE_INVALID_DATE, '缴费期限尚未届满。', { payBy: s.feePayBy });
  const notice = `本机关已向您发出信息处理费收费通知（${s.feeAmount}元），缴费期限至${s.feePayBy}。您逾期未缴纳，视为放弃申请，本机关不再处理该政府信息公开申请。`;
  return closing(
    'ABANDONED_FEE_UNPAID',
    on,
    '国办函〔2020〕109号',
    { payBy: s.feePayBy },
    { notice, reason: `逾期未缴纳信息处理费（${s.feeAmount}元）` },
    ctx,
  );
}

export const clockActions = {
  START_CONSULTATION: startConsultation,
  END_CONSULTATION: endConsultation,
  EXTEND: extend,
  REQUEST_REASONS: requestReasons,
  ISSUE_FEE_NOTICE: issueFeeNotice,
  CONFIRM_PAYMENT: confirmPayment,
  CLOSE_FEE_UNPAID: closeFeeUnpaid,
};
export { resume };
