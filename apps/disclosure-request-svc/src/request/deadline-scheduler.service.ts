import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Actor, type DisclosureAction, type MessageContext, requestDueSoon, requestOverdue } from '@govdisc/contracts';
import { addToOutbox } from '@govdisc/messaging';
import { APP_CONFIG, OutboxRelayHost, PeriodicTask, metricsRegistry } from '@govdisc/service-kit';
import { Gauge } from 'prom-client';
import { shanghaiDate } from '@govdisc/contracts';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { type AppConfig, SERVICE_NAME } from '../config/env.js';
import { dueColumns } from './domain/deadlines.js';
import { ActOnRequestUseCase } from './act-on-request.usecase.js';
import { Clock } from './clock.js';
import { RequestRepository, type RequestRow } from './request.repository.js';
import { OPEN_STATUSES } from './domain/statuses.js';
import { timelineEntry } from './timeline.js';

const SYSTEM: Actor = { sub: 'system:deadline-scheduler', roles: [] };

/** Set by every scan (each replica scans, so the alert takes the max across them). */
const overdueGauge = new Gauge({
  name: 'govdisc_disclosure_requests_overdue',
  help: 'Open disclosure requests past their reply due date (the statutory deadline), as of the last deadline scan',
  registers: [metricsRegistry],
});
const openGauge = new Gauge({
  name: 'govdisc_disclosure_requests_open',
  help: 'Disclosure requests not yet replied to or closed, as of the last deadline scan',
  registers: [metricsRegistry],
});
const CLOCK_RUNNING = ['RECEIVED', 'IN_PROGRESS'];

/**
 * Periodic scan: due-soon reminders (5 and 1 WD before due), overdue (from the day after the due date,
 * 24:00 rule), expired applicant/third-party windows, and re-computation after a calendar data update.
 * Each reminder is claimed by a primary key in the same transaction as its outbox row: emitted once.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineScheduler.name);
  private readonly task: PeriodicTask;
  private readonly intervalMs: number;

  constructor(
    private readonly requests: RequestRepository,
    private readonly act: ActOnRequestUseCase,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly outbox: OutboxRelayHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.intervalMs = config.DEADLINE_SCAN_INTERVAL_MS;
    this.task = new PeriodicTask({ label: 'deadline scan', everyMs: this.intervalMs, run: () => this.runOnce() });
  }

  /** Scans at start (reminders due while the service was down go out now) and every intervalMs; 0 = off (tests call runOnce). */
  onApplicationBootstrap() {
    if (this.intervalMs > 0) this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** One scan; returns how many events it queued. Safe to run concurrently and repeatedly. */
  async runOnce(): Promise<number> {
    const today = this.clock.today();
    const ctx: MessageContext = { source: SERVICE_NAME, correlationId: `deadline-scan-${today}` };
    let events = 0;
    const open = await this.requests.withStatus(OPEN_STATUSES);
    openGauge.set(open.length);
    overdueGauge.set(open.filter((r) => r.dueDate && CLOCK_RUNNING.includes(r.status) && today > r.dueDate).length);
    for (const r of open) {
      // One request the rules refuse (e.g. a legacy row) must not stop reminders for all the others.
      try {
        const current = r.calendarVersion === this.calendar.version ? r : await this.recompute(r);
        this.warnIfUnconfirmed(current, today);
        events += await this.remind(current, today, ctx);
        await this.expire(current, today, ctx);
      } catch (err) {
        this.logger.error({ err, requestNumber: r.requestNumber }, 'deadline scan skipped a request');
      }
    }
    if (events) this.outbox.relay.nudge();
    return events;
  }

  private async remind(r: RequestRow, today: string, ctx: MessageContext): Promise<number> {
    if (!r.dueDate || !CLOCK_RUNNING.includes(r.status)) return 0;
    const base = { requestNumber: r.requestNumber, agency: r.agency, department: r.department, dueDate: r.dueDate };
    const left = this.calendar.countBetween(today, r.dueDate);
    const plan =
      today > r.dueDate
        ? { kind: 'OVERDUE', event: requestOverdue.make({ ...base, overdueSince: nextDay(r.dueDate) }, ctx) }
        : left <= 1
          ? { kind: 'DUE_SOON_1', event: requestDueSoon.make({ ...base, workingDaysLeft: 1 }, ctx) }
          : left <= 5
            ? { kind: 'DUE_SOON_5', event: requestDueSoon.make({ ...base, workingDaysLeft: 5 }, ctx) }
            : null;
    if (!plan) return 0;
    return this.requests.transaction(async (tx) => {
      if (!(await this.requests.claimReminder({ requestId: r.id, kind: plan.kind, dueDate: r.dueDate! }, tx))) return 0;
      await addToOutbox(tx, plan.event);
      return 1;
    });
  }

  /** Spec §3.3: never let a request sit unconfirmed; alert after 1 WD (ordinary mail: same day). */
  private warnIfUnconfirmed(r: RequestRow, today: string) {
    if (r.status !== 'SUBMITTED') return;
    const waited = this.calendar.countBetween(shanghaiDate(r.submittedAt), today);
    if (waited >= 1 || (r.channel === 'LETTER_ORDINARY' && today > shanghaiDate(r.submittedAt))) {
      this.logger.warn(
        { requestNumber: r.requestNumber, channel: r.channel, waitedWd: waited },
        'disclosure request awaits receipt confirmation',
      );
    }
  }

  /** Windows that end by themselves (system actor): 补正 not supplied, fee not paid, consultation unanswered. */
  private async expire(r: RequestRow, today: string, ctx: MessageContext) {
    let action: DisclosureAction | null = null;
    if (r.status === 'AWAITING_SUPPLEMENT' && r.supplementDeadline && today > r.supplementDeadline)
      action = { type: 'ABANDON_NO_SUPPLEMENT' };
    // Only a fee actually owed closes a request as unpaid (§7): never a paid one, never one of 0 元 (issue 19.1/19.2).
    if (r.status === 'AWAITING_FEE' && r.feePayBy && today > r.feePayBy && !r.feePaid && (r.feeAmount ?? 0) > 0)
      action = { type: 'CLOSE_FEE_UNPAID' };
    if (r.status.startsWith('CONSULTING_') && r.consultationDue && today > r.consultationDue)
      action = { type: 'END_CONSULTATION', opinion: 'NO_REPLY' };
    if (action) await this.act.execute({ requestNumber: r.requestNumber, action, actor: SYSTEM, ctx, internal: 'system' });
  }

  /** Calendar data changed since the deadline was computed: recompute, keeping the old value in the timeline. */
  private recompute(r: RequestRow): Promise<RequestRow> {
    return this.requests.transaction(async (tx) => {
      const cols = dueColumns(r, this.calendar);
      const row = await this.requests.update(r.id, cols, tx);
      await this.requests.appendTimeline(
        timelineEntry({
          requestId: r.id,
          action: 'DEADLINES_RECOMPUTED',
          from: r.status,
          to: r.status,
          actor: SYSTEM,
          at: this.clock.now(),
          legalBasis: '工作日历数据更新',
          calendarVersion: this.calendar.version,
          details: { previousDue: r.dueDate, previousCalendar: r.calendarVersion, replyDue: cols.dueDate },
        }),
        tx,
      );
      return row;
    });
  }
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
