import { Injectable } from '@nestjs/common';
import {
  type Actor,
  type DisclosureSlaReport,
  DomainError,
  ErrorCode,
  isDeptOfficer,
  isDisclosureStaff,
  isGio,
  type z,
} from '@govdisc/contracts';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { Clock } from './clock.js';
import { PAUSED_STATES } from './domain/deadlines.js';
import { OPEN_STATUSES } from './domain/statuses.js';
import { RequestRepository } from './request.repository.js';

/** The longest range one report may cover (the query reads every reply in it). */
export const MAX_RANGE_YEARS = 3;

/** YYYY-MM-DD moved by whole years and days (UTC date arithmetic on a plain date: no time zone can shift it). */
export function shiftDate(date: string, years: number, days = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0); // 29 Feb → 28 Feb
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The range rules: `to` defaults to today, `from` to the day after `to` minus 12 months; from ≤ to and the
 * range at most 3 years (from ≥ to minus 3 years), else DISCLOSURE_REPORT_RANGE_INVALID (400).
 */
export function slaRange(q: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = q.to ?? today;
  const from = q.from ?? shiftDate(to, -1, 1);
  if (from > to) throw new DomainError(ErrorCode.DISCLOSURE_REPORT_RANGE_INVALID, '开始日期不能晚于结束日期。', { from, to });
  if (from < shiftDate(to, -MAX_RANGE_YEARS))
    throw new DomainError(ErrorCode.DISCLOSURE_REPORT_RANGE_INVALID, `统计期间不能超过${MAX_RANGE_YEARS}年。`, { from, to });
  return { from, to };
}

/** A request is overdue now when it is open, its reply clock runs (not paused, not waiting for a 补正) and today is past its due date. */
const RUNNING_STATUSES = OPEN_STATUSES.filter((s) => !PAUSED_STATES.includes(s) && s !== 'AWAITING_SUPPLEMENT');

/** Reply-deadline performance per department (console analytics): the GIO sees every department, an officer their own. */
@Injectable()
export class SlaReportUseCase {
  constructor(
    private readonly requests: RequestRepository,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(q: { from?: string; to?: string }, actor: Actor | null): Promise<z.input<typeof DisclosureSlaReport>> {
    if (!actor || !isDisclosureStaff(actor)) throw new DomainError(ErrorCode.DISCLOSURE_FORBIDDEN);
    if (!isGio(actor) && !actor.department) throw new DomainError(ErrorCode.DISCLOSURE_FORBIDDEN, '账号未关联部门。');
    const department = isGio(actor) && !isDeptOfficer(actor) ? null : (actor.department ?? null);
    const today = this.clock.today();
    const { from, to } = slaRange(q, today);
    const rows = await this.requests.slaByDepartment({
      from,
      to,
      today,
      department,
      openStatuses: OPEN_STATUSES,
      runningStatuses: RUNNING_STATUSES,
      holidays: this.calendar.data.holidays,
      makeUpWorkdays: this.calendar.data.makeUpWorkdays,
    });
    return { from, to, today, rows };
  }
}
