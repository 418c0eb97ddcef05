import type { Deadline, DisclosureRequestView, z } from '@govdisc/contracts';
import type { DisclosureQueueItem, MyDisclosureRequestItem } from '@govdisc/contracts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { PAUSED_STATES, currentDeadlines } from './domain/deadlines.js';
import type { RequestRow, TimelineRow } from './request.repository.js';

/** Masks personal data for lists and for viewers who are neither the applicant nor assigned staff. */
export const mask = {
  name: (s: string) => (s.length <= 1 ? '*' : s[0] + '*'.repeat(Math.min(s.length - 1, 3))),
  id: (s: string) => (s.length <= 7 ? '*'.repeat(s.length) : `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`),
  phone: (s: string) => (s.length <= 7 ? '*'.repeat(s.length) : `${s.slice(0, 3)}****${s.slice(-4)}`),
  email: (s: string) => s.replace(/^(.)[^@]*(@.*)$/, '$1***$2'),
  address: (s: string) => `${s.slice(0, 6)}***`,
};

function applicantView(r: RequestRow, masked: boolean): z.input<typeof DisclosureRequestView>['applicant'] {
  const m = <T extends string | null>(v: T, f: (s: string) => string) => (masked && v ? f(v) : v);
  return {
    type: r.applicantType,
    name: masked ? mask.name(r.applicantName) : r.applicantName,
    idType: r.idType,
    idNumber: masked ? mask.id(r.idNumber) : r.idNumber,
    phone: m(r.phone, mask.phone),
    email: m(r.email, mask.email),
    address: m(r.address, mask.address),
    masked,
  };
}

export function deadlinesOf(r: RequestRow, calendar: WorkingDayCalendar): Deadline[] {
  return currentDeadlines(r, calendar, (r.deadlines ?? []) as Deadline[]);
}

export function toTimelineView(t: TimelineRow) {
  return {
    action: t.action,
    fromStatus: t.fromStatus,
    toStatus: t.toStatus,
    actor: t.actor,
    at: t.at.toISOString(),
    shanghaiDate: t.shanghaiDate,
    legalBasis: t.legalBasis,
    calendarVersion: t.calendarVersion,
    details: t.details,
  };
}

export function toView(
  r: RequestRow,
  o: { timeline: TimelineRow[]; masked: boolean; calendar: WorkingDayCalendar; duplicateOf: string | null },
) {
  return {
    requestNumber: r.requestNumber,
    status: r.status,
    channel: r.channel,
    agency: r.agency,
    department: r.department,
    applicant: applicantView(r, o.masked),
    description: r.description,
    submittedAt: r.submittedAt.toISOString(),
    receiptDate: r.clockStart,
    duplicateOf: o.duplicateOf,
    outcome: r.outcome,
    fee: r.feeBasis ? { basis: r.feeBasis, amount: r.feeAmount ?? 0, payBy: r.feePayBy, paid: r.feePaid } : null,
    reply: r.reply ?? null,
    deadlines: deadlinesOf(r, o.calendar),
    timeline: o.timeline.map(toTimelineView),
  } satisfies z.input<typeof DisclosureRequestView>;
}

/**
 * Queue clock: a paused request (consultation, Art. 35 reasons, fee notice) or one waiting for its 补正
 * (the clock restarts on the supplement) is never overdue and has no working days left. When overdue, workingDaysLeft is −n with
 * n the working days elapsed since the due date, at least 1: the non-working days right after the due date
 * are already overdue (24:00 rule) and must not read as 0 ("due today").
 */
export function queueClock(r: Pick<RequestRow, 'status' | 'dueDate'>, today: string, calendar: WorkingDayCalendar) {
  const paused = PAUSED_STATES.includes(r.status) || r.status === 'AWAITING_SUPPLEMENT';
  if (!r.dueDate || paused) return { paused, overdue: false, workingDaysLeft: null };
  if (today > r.dueDate) return { paused, overdue: true, workingDaysLeft: -Math.max(1, calendar.countBetween(r.dueDate, today)) };
  return { paused, overdue: false, workingDaysLeft: calendar.countBetween(today, r.dueDate) };
}

export function toQueueItem(r: RequestRow, today: string, calendar: WorkingDayCalendar): z.input<typeof DisclosureQueueItem> {
  return {
    requestNumber: r.requestNumber,
    status: r.status,
    department: r.department,
    applicantName: mask.name(r.applicantName),
    description: r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description,
    receiptDate: r.clockStart,
    dueDate: r.dueDate,
    dueProvisional: r.dueProvisional,
    ...queueClock(r, today, calendar),
  };
}

/** The owner's list row: the queue clock without the (their own) name, plus when they filed it and the outcome. */
export function toMyItem(r: RequestRow, today: string, calendar: WorkingDayCalendar): z.input<typeof MyDisclosureRequestItem> {
  const { applicantName: _name, ...item } = toQueueItem(r, today, calendar);
  return { ...item, submittedAt: r.submittedAt.toISOString(), outcome: r.outcome };
}
