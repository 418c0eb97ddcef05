import type { Deadline, DisclosureStatus } from '@govdisc/contracts';
import type { WorkingDayCalendar } from '../../calendar/working-day-calendar.js';
import { LAW } from './assumptions.js';
import type { RequestState } from './model.js';

/** A working-day deadline with its explanation and the calendar version it was computed with. */
export function wdDeadline(calendar: WorkingDayCalendar, kind: string, from: string, days: number, why: string): Deadline {
  const r = calendar.explain(from, days);
  return { kind, date: r.date, provisional: r.provisional, calendarVersion: calendar.version, computation: `${why}：${r.text}` };
}

/** States whose reply clock is paused (§10): the due date moves on when they end. */
export const PAUSED_STATES: readonly DisclosureStatus[] = [
  'CONSULTING_THIRD_PARTY',
  'CONSULTING_AGENCY',
  'AWAITING_REASONS',
  'AWAITING_FEE',
];

/**
 * The reply due date: addWD(clock start, 20 + extension + paused WDs), or the agency-set date
 * (Art. 35). Null while no clock runs (not yet received, waiting for a supplement, finished).
 */
/** What the reply due date depends on. */
export type ReplyDueInputs = Pick<RequestState, 'status' | 'clockStart' | 'customDueDate' | 'extensionDays' | 'pausedDays'>;

export function replyDue(state: ReplyDueInputs, calendar: WorkingDayCalendar): Deadline | null {
  if (!state.clockStart || ['SUBMITTED', 'AWAITING_SUPPLEMENT', 'REPLIED', 'CLOSED'].includes(state.status)) return null;
  if (state.customDueDate) {
    return {
      kind: 'REPLY_DUE',
      date: state.customDueDate,
      provisional: !calendar.covers(Number(state.customDueDate.slice(0, 4))),
      calendarVersion: calendar.version,
      computation: `依《政府信息公开条例》第三十五条，行政机关确定的合理答复期限 ${state.customDueDate}`,
    };
  }
  const total = LAW.replyWd + state.extensionDays + state.pausedDays;
  const parts = [`收到申请之日 ${state.clockStart} 起 ${LAW.replyWd} 个工作日`];
  if (state.extensionDays) parts.push(`延长 ${state.extensionDays} 个工作日`);
  if (state.pausedDays) parts.push(`征求意见/缴费等不计入期限 ${state.pausedDays} 个工作日`);
  const paused = PAUSED_STATES.includes(state.status) ? '（当前暂停计算，恢复后顺延）' : '';
  return wdDeadline(calendar, 'REPLY_DUE', state.clockStart, total, parts.join(' + ') + paused);
}

/** The 7-WD window for the one-time 补正 notice (Art. 30), while it can still be sent. */
export function supplementNoticeBy(state: RequestState, calendar: WorkingDayCalendar): Deadline | null {
  if (!state.clockStart || state.supplementRequested || !['RECEIVED', 'IN_PROGRESS'].includes(state.status)) return null;
  return wdDeadline(calendar, 'SUPPLEMENT_NOTICE_BY', state.clockStart, LAW.supplementNoticeWd, '补正告知期限（第三十条）');
}

/** All current deadlines: computed ones plus those fixed by earlier acts (supplement, consultation, fee). */
export function currentDeadlines(state: RequestState, calendar: WorkingDayCalendar, fixed: Deadline[]): Deadline[] {
  const computed = [replyDue(state, calendar), supplementNoticeBy(state, calendar)].filter((d): d is Deadline => d !== null);
  const kinds = new Set(computed.map((d) => d.kind));
  return [...computed, ...fixed.filter((d) => !kinds.has(d.kind))];
}

/** Columns kept on the row for queues and the scheduler: the current reply due date and its calendar. */
export function dueColumns(state: ReplyDueInputs, calendar: WorkingDayCalendar) {
  const due = replyDue(state, calendar);
  return { dueDate: due?.date ?? null, dueProvisional: due?.provisional ?? false, calendarVersion: calendar.version };
}
