import { Inject, Injectable, Logger } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import {
  type Actor,
  type Deadline,
  type DisclosureAction,
  DomainError,
  ErrorCode,
  type MessageContext,
  isDisclosureStaff,
} from '@govdisc/contracts';
import { addToOutbox } from '@govdisc/messaging';
import { APP_CONFIG, OutboxRelayHost } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import type { Prisma } from '../generated/prisma/client.js';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { assumptionsFrom, type DisclosureAssumptions } from './domain/assumptions.js';
import { dueColumns } from './domain/deadlines.js';
import type { RequestState, Transition } from './domain/model.js';
import { reportingDate } from './domain/table3.js';
import { applyAction, canSee, notVisible } from './domain/transitions.js';
import { Clock } from './clock.js';
import { applicantEventFor, eventFor, staffEventFor } from './request-events.js';
import { RequestRepository, type RequestRow, type Tx } from './request.repository.js';
import { timelineEntry } from './timeline.js';

/** Every state change of spec §10: guard, apply the rule, persist row + timeline + event in one transaction. */
@Injectable()
export class ActOnRequestUseCase {
  private readonly logger = new Logger(ActOnRequestUseCase.name);

  private readonly assumptions: DisclosureAssumptions;

  constructor(
    private readonly requests: RequestRepository,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly outbox: OutboxRelayHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.assumptions = assumptionsFrom(config);
  }

  async execute(q: {
    requestNumber: string;
    action: DisclosureAction;
    actor: Actor;
    ctx: MessageContext;
    internal?: 'system' | 'applicant';
  }): Promise<RequestRow> {
    // Non-staff are refused before any lookup; staff outside the request's department get the unknown-number answer (11.14).
    if (!q.internal && !isDisclosureStaff(q.actor))
      throw new DomainError(ErrorCode.DISCLOSURE_FORBIDDEN, undefined, { action: q.action.type });
    const { row } = await this.requests.transaction(async (tx) => {
      const current = await this.requests.lockByNumber(q.requestNumber, tx);
      if (!current || (!q.internal && !canSee(q.actor, current.department))) throw notVisible();
      const monthlyIndex = q.action.type === 'ISSUE_FEE_NOTICE' ? await this.monthlyIndex(current, tx) : 0;
      const t = applyAction(current, q.action, {
        today: this.clock.today(),
        actor: q.actor,
        calendar: this.calendar,
        assumptions: this.assumptions,
        monthlyIndex,
        internal: q.internal,
      });
      return { row: await this.persist(current, t, q, tx), transition: t };
    });
    this.logger.log({ requestNumber: row.requestNumber, action: q.action.type, status: row.status }, 'disclosure request transition');
    if (row.dueProvisional)
      this.logger.warn(
        { requestNumber: row.requestNumber, dueDate: row.dueDate },
        'due date is provisional: holiday schedule not yet published',
      );
    this.outbox.relay.nudge();
    return row;
  }

  /**
   * The applicant withdraws (spec §10: any open → CLOSED(OTHER)) with the tracking code plus a second factor:
   * signed in as the owning account, or the last four digits of the contact phone given at submission (of the
   * ID number when no phone was given). A wrong factor answers exactly like an unknown code (no oracle).
   */
  async withdrawByApplicant(q: {
    trackingCode: string;
    document: string;
    contactLast4?: string;
    actor?: Actor | null;
    ctx: MessageContext;
  }): Promise<RequestRow> {
    const r = await this.requests.findByTrackingCode(q.trackingCode.trim().toUpperCase());
    const owner = !!r?.ownerSub && !!q.actor && q.actor.sub === r.ownerSub;
    if (!r || !(owner || sameLast4(r, q.contactLast4))) throw new DomainError(ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND);
    const applicant: Actor = { sub: `applicant:${r.requestNumber}`, roles: [] };
    return this.execute({
      requestNumber: r.requestNumber,
      action: { type: 'WITHDRAW', document: q.document },
      actor: applicant,
      ctx: q.ctx,
      internal: 'applicant',
    });
  }

  private async persist(
    current: RequestRow,
    t: Transition,
    q: { action: DisclosureAction; actor: Actor; ctx: MessageContext },
    tx: Tx,
  ): Promise<RequestRow> {
    const next: RequestState = { ...current, ...t.patch, status: t.to };
    const fixed = t.deadlines ?? ((current.deadlines ?? []) as Deadline[]);
    const report = this.reportDates(current, t);
    const row = await this.requests.update(
      current.id,
      {
        ...(t.patch as Prisma.DisclosureRequestUpdateInput),
        ...report,
        status: t.to,
        deadlines: fixed,
        ...dueColumns(next, this.calendar),
      },
      tx,
    );
    const details = {
      ...t.details,
      ...report,
      replyDue: row.dueDate,
      dueProvisional: row.dueProvisional,
      deadlines: fixed.map((d) => `${d.kind} ${d.date}`),
    };
    await this.requests.appendTimeline(
      timelineEntry({
        requestId: row.id,
        action: q.action.type,
        from: current.status,
        to: t.to,
        actor: q.actor,
        at: this.clock.now(),
        legalBasis: t.legalBasis,
        calendarVersion: this.calendar.version,
        details,
      }),
      tx,
    );
    if (t.event) await addToOutbox(tx, eventFor(t.event, row, t.details, q.ctx, q.action.type));
    const toApplicant = applicantEventFor(q.action.type, row, t.details, q.ctx);
    if (toApplicant) await addToOutbox(tx, toApplicant);
    const toStaff = staffEventFor(q.action.type, row, t.details, q.ctx);
    if (toStaff) await addToOutbox(tx, toStaff);
    return row;
  }

  /** Table 3 dates of a first receipt or a finishing act (ADR 0001: acts dated in a closed year count in the year recorded). */
  private reportDates(current: RequestRow, t: Transition): { reportReceiptDate?: string; reportFinishedDate?: string } {
    const today = this.clock.today();
    const out: { reportReceiptDate?: string; reportFinishedDate?: string } = {};
    if (!current.firstReceiptDate && t.patch.firstReceiptDate) out.reportReceiptDate = reportingDate(t.patch.firstReceiptDate, today);
    if (t.patch.finishedDate) out.reportFinishedDate = reportingDate(t.patch.finishedDate, today);
    return out;
  }

  /** Fees per item (§7): the n-th request of the applicant in the month this one was received. */
  private async monthlyIndex(r: RequestRow, tx: Tx): Promise<number> {
    const month = (r.firstReceiptDate ?? this.clock.today()).slice(0, 7);
    const ids = (await this.requests.receivedInMonth(r.applicantKey, month, tx)).map((x) => x.id);
    const i = ids.indexOf(r.id);
    return i === -1 ? ids.length + 1 : i + 1;
  }
}

/** Compares the second factor in constant time; a request without phone uses its ID number. */
function sameLast4(r: RequestRow, given: string | undefined): boolean {
  const digits = (r.phone ?? '').replace(/\D/g, '');
  const expected = (digits.length >= 4 ? digits : r.idNumber).slice(-4).toUpperCase();
  const actual = (given ?? '').trim().toUpperCase();
  return expected.length === 4 && actual.length === 4 && timingSafeEqual(Buffer.from(expected), Buffer.from(actual));
}
