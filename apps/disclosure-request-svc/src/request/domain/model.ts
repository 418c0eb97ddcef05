import type { Actor, Deadline, DisclosureAction, DisclosureOutcome, DisclosureStatus } from '@govdisc/contracts';
import type { WorkingDayCalendar } from '../../calendar/working-day-calendar.js';
import type { DisclosureAssumptions } from './assumptions.js';

/** The fields of a request the workflow rules read and write (a subset of the database row). */
export interface RequestState {
  status: DisclosureStatus;
  department: string | null;
  submittedAt: Date;
  firstReceiptDate: string | null;
  clockStart: string | null;
  extensionDays: number;
  pausedDays: number;
  pauseFrom: string | null;
  customDueDate: string | null;
  supplementRequested: boolean;
  supplementNoticeOn: string | null;
  supplementDeadline: string | null;
  consultationDue: string | null;
  feeBasis: string | null;
  feeAmount: number | null;
  feePayBy: string | null;
  feePaid: boolean;
  dueDate: string | null;
  outcome: string | null;
  reply: unknown;
  finishedDate: string | null;
  deadlines: unknown;
}

export interface RuleContext {
  today: string;
  actor: Actor;
  calendar: WorkingDayCalendar;
  assumptions: DisclosureAssumptions;
  /** The applicant's n-th request in the month of this request's receipt (fees per item). */
  monthlyIndex: number;
  /** Set only by in-process callers (scheduler, tracking-code withdrawal), never from an RPC actor. */
  internal?: 'system' | 'applicant';
}

export type EventKind = 'assigned' | 'replied' | 'closed';

/** What one action does: new status, changed fields, the audit facts and the event to emit. */
export interface Transition {
  to: DisclosureStatus;
  patch: Partial<RequestState>;
  legalBasis: string;
  details: Record<string, unknown>;
  deadlines?: Deadline[];
  event?: EventKind;
  outcome?: DisclosureOutcome;
}

export type ActionOf<T extends DisclosureAction['type']> = Extract<DisclosureAction, { type: T }>;
