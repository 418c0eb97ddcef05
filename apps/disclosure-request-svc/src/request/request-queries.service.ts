import { Injectable } from '@nestjs/common';
import { type Actor, type DisclosureStatus, DomainError, ErrorCode, isDeptOfficer, isDisclosureStaff, isGio } from '@govdisc/contracts';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { canSee, notVisible } from './domain/transitions.js';
import { Clock } from './clock.js';
import { RequestRepository, type RequestRow } from './request.repository.js';
import { OPEN_STATUSES } from './domain/statuses.js';
import { ownerOf } from './submit-request.usecase.js';
import { toMyItem, toQueueItem, toView } from './request.views.js';

/** Reads: the applicant's view (tracking code), staff views and the department queue. */
@Injectable()
export class RequestQueries {
  constructor(
    private readonly requests: RequestRepository,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  /** The applicant, identified by the private tracking code, sees their own data unmasked. */
  async track(trackingCode: string) {
    const r = await this.requests.findByTrackingCode(trackingCode.trim().toUpperCase());
    if (!r) throw new DomainError(ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND);
    return this.view(r, false);
  }

  /**
   * Staff: the GIO and the assigned department see personal data; nobody else gets the request.
   * Non-staff are refused before any lookup, and a request outside an officer's department answers
   * exactly like an unknown number: neither can learn which numbers exist.
   */
  async get(requestNumber: string, actor: Actor | null) {
    if (!actor || !isDisclosureStaff(actor)) throw new DomainError(ErrorCode.DISCLOSURE_FORBIDDEN);
    const r = await this.requests.findByNumber(requestNumber);
    if (!r || !canSee(actor, r.department)) throw notVisible();
    return this.view(r, false);
  }

  async view(r: RequestRow, masked: boolean) {
    const [timeline, original] = await Promise.all([
      this.requests.timelineOf(r.id),
      r.duplicateOfId ? this.requests.findById(r.duplicateOfId) : Promise.resolve(null),
    ]);
    return toView(r, { timeline, masked, calendar: this.calendar, duplicateOf: original?.requestNumber ?? null });
  }

  /** Department officers see their department; the GIO sees all (or one department); names are masked. */
  async queue(q: { actor: Actor | null; status?: DisclosureStatus; page: number; pageSize: number }) {
    const actor = q.actor;
    if (!actor || !isDisclosureStaff(actor)) throw new DomainError(ErrorCode.DISCLOSURE_FORBIDDEN);
    if (!isGio(actor) && !actor.department) throw new DomainError(ErrorCode.DISCLOSURE_FORBIDDEN, '账号未关联部门。');
    const department = isGio(actor) && !isDeptOfficer(actor) ? null : (actor.department ?? null);
    const page = await this.requests.queue({
      department,
      statuses: q.status ? [q.status] : OPEN_STATUSES,
      page: q.page,
      pageSize: q.pageSize,
    });
    const today = this.clock.today();
    return { items: page.items.map((r) => toQueueItem(r, today, this.calendar)), total: page.total, page: q.page, pageSize: q.pageSize };
  }

  /** "My requests": only what the caller filed while signed in; anonymous callers have none. */
  async mine(q: { actor: Actor | null; page: number; pageSize: number }) {
    const ownerSub = q.actor ? ownerOf(q.actor) : null;
    if (!ownerSub) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const page = await this.requests.ownedBy({ ownerSub, page: q.page, pageSize: q.pageSize });
    const today = this.clock.today();
    return { items: page.items.map((r) => toMyItem(r, today, this.calendar)), total: page.total, page: q.page, pageSize: q.pageSize };
  }

  /** One of the caller's own requests, unmasked; anybody else's (or an unknown number) answers the same 404. */
  async mineOne(requestNumber: string, actor: Actor | null) {
    const ownerSub = actor ? ownerOf(actor) : null;
    const r = ownerSub ? await this.requests.findByNumber(requestNumber) : null;
    if (!r || r.ownerSub !== ownerSub)
      throw new DomainError(ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND, '未找到该申请，或该申请不属于您的账号。');
    return this.view(r, false);
  }
}
