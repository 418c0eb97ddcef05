import { DomainError, type DisclosureOutcome, ErrorCode, type ReplyContent } from '@govdisc/contracts';
import { actDate } from './act-date.js';
import { resume } from './clock-actions.js';
import { replyDue } from './deadlines.js';
import type { ActionOf, RequestState, RuleContext, Transition } from './model.js';
import { CLOSING_OUTCOMES, MISSING_LABEL, legalBasisOf, missingReplyContent, remedyText } from './outcomes.js';

/** A reply: outcome + mandatory content + legal basis + remedy text (spec §6, §8). Reply date = delivery date. */
function replied(
  s: RequestState,
  outcome: DisclosureOutcome,
  content: ReplyContent,
  on: string,
  ctx: RuleContext,
  extra: Partial<RequestState> = {},
): Transition {
  const due = replyDue(s, ctx.calendar);
  const legalBasis = content.legalBasis ? `${legalBasisOf(outcome)}；${content.legalBasis}` : legalBasisOf(outcome);
  const reply = { outcome, ...content, legalBasis, remedy: remedyText(outcome, ctx.assumptions.reviewBody), replyDate: on };
  return {
    to: 'REPLIED',
    patch: { ...extra, outcome, reply, finishedDate: on, pauseFrom: null },
    legalBasis,
    details: { outcome, replyDate: on, dueDate: due?.date ?? null, onTime: !due || on <= due.date },
    deadlines: [],
    event: 'replied',
    outcome,
  };
}

function reply(s: RequestState, a: ActionOf<'REPLY'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.clockStart);
  if (CLOSING_OUTCOMES.includes(a.outcome) || a.outcome === 'EXCESSIVE_NO_REASON') {
    throw new DomainError(
      ErrorCode.DISCLOSURE_INVALID_TRANSITION,
      '该处理结果须通过相应程序办理（逾期不补正、未缴费、撤回或第三十五条说明理由）。',
      { outcome: a.outcome },
    );
  }
  if (a.outcome === 'STILL_UNCLEAR' && !s.supplementRequested) {
    throw new DomainError(ErrorCode.DISCLOSURE_INVALID_TRANSITION, '未经补正的申请不能以“补正后申请内容仍不明确”答复。', {
      outcome: a.outcome,
    });
  }
  const missing = missingReplyContent(a.outcome, a.content);
  if (missing.length) {
    const message = `答复缺少该处理结果必须载明的内容：${missing.map((m) => MISSING_LABEL[m] ?? m).join('；')}。`;
    throw new DomainError(ErrorCode.DISCLOSURE_REPLY_INCOMPLETE, message, { outcome: a.outcome, missing });
  }
  return replied(s, a.outcome, a.content, on, ctx);
}

/** Art. 35: unreasonable reasons → not processed; reasonable → continue, optionally with an agency-set later due date. */
function assessReasons(s: RequestState, a: ActionOf<'ASSESS_REASONS'>, ctx: RuleContext): Transition {
  const on = actDate(a.on, ctx, s.pauseFrom);
  if (!a.reasonable) {
    const content = { text: '经审查，您申请的数量、频次明显超过合理范围且说明的理由不合理，本机关不予处理。', reasons: [], enclosures: [] };
    return replied(s, 'EXCESSIVE_NO_REASON', content, on, ctx);
  }
  if (a.customDueDate && a.customDueDate < on)
    throw new DomainError(ErrorCode.DISCLOSURE_INVALID_DATE, undefined, { customDueDate: a.customDueDate });
  return {
    to: 'IN_PROGRESS',
    patch: { ...resume(s, on, ctx), customDueDate: a.customDueDate ?? null },
    legalBasis: '《政府信息公开条例》第三十五条',
    details: { reasonable: true, customDueDate: a.customDueDate ?? null },
  };
}

export const replyActions = { REPLY: reply, ASSESS_REASONS: assessReasons };
