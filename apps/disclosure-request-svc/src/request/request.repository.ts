import { Injectable } from '@nestjs/common';
import type { DisclosureStatus } from '@govdisc/contracts';
import type { Table3Row } from './domain/table3.js';
import type { DisclosureRequest, Prisma, TimelineEntry } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export type Tx = Prisma.TransactionClient;
export type RequestRow = DisclosureRequest;
export type TimelineRow = TimelineEntry;
export interface SlaRow {
  department: string | null;
  assigned: number;
  replied: number;
  onTime: number;
  late: number;
  extended: number;
  medianWorkingDays: number | null;
  openNow: number;
  overdueNow: number;
}

/** The only place that queries disclosure requests, their timeline, attachments and reminders; which statuses count as open, answered or reportable is the callers' rule. */
@Injectable()
export class RequestRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Every submission takes the year's counter row, so concurrent submissions queue behind each other: Prisma's
   * defaults (2 s to get a connection, 5 s in all) turned a burst of sixteen writers into 500s on a loaded machine.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(fn, { maxWait: 10_000, timeout: 20_000 });
  }

  /** Next number of the year; the counter row is locked by the upsert until the transaction ends. */
  async nextNumber(year: number, tx: Tx): Promise<number> {
    const counter = await tx.requestCounter.upsert({ where: { year }, create: { year, value: 1 }, update: { value: { increment: 1 } } });
    return counter.value;
  }

  /** Serialises submissions of one applicant, so two concurrent duplicates cannot both count as new. */
  async lockApplicant(applicantKey: string, tx: Tx): Promise<void> {
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `disclosure-applicant:${applicantKey}`);
  }

  create(data: Prisma.DisclosureRequestCreateInput, tx: Tx): Promise<RequestRow> {
    return tx.disclosureRequest.create({ data });
  }

  /** The earliest original (not itself a duplicate) of the same account + applicant + content submitted since `since`, in one of `statuses`. */
  findEarliestSame(
    q: { ownerSub: string; applicantKey: string; contentHash: string; since: Date; statuses: readonly DisclosureStatus[] },
    tx: Tx,
  ): Promise<RequestRow | null> {
    return tx.disclosureRequest.findFirst({
      where: {
        ownerSub: q.ownerSub,
        applicantKey: q.applicantKey,
        contentHash: q.contentHash,
        submittedAt: { gte: q.since },
        duplicateOfId: null,
        status: { in: [...q.statuses] },
      },
      orderBy: { submittedAt: 'asc' },
    });
  }

  /** The latest request of the same account + applicant + content in `status`. */
  findLatestSame(
    q: { ownerSub: string; applicantKey: string; contentHash: string; status: DisclosureStatus },
    tx: Tx,
  ): Promise<RequestRow | null> {
    return tx.disclosureRequest.findFirst({ where: q, orderBy: { submittedAt: 'desc' } });
  }

  /** The request stored under a caller's scoped idempotency key (RpcMeta.idempotencyKey), if any. */
  findByIdempotencyKey(idempotencyKey: string, tx: Tx = this.prisma): Promise<RequestRow | null> {
    return tx.disclosureRequest.findUnique({ where: { idempotencyKey } });
  }

  findByTrackingCode(trackingCode: string): Promise<RequestRow | null> {
    return this.prisma.disclosureRequest.findUnique({ where: { trackingCode } });
  }

  findByNumber(requestNumber: string, tx: Tx = this.prisma): Promise<RequestRow | null> {
    return tx.disclosureRequest.findUnique({ where: { requestNumber } });
  }

  findById(id: string, tx: Tx = this.prisma): Promise<RequestRow | null> {
    return tx.disclosureRequest.findUnique({ where: { id } });
  }

  /** Locks the row for the rest of the transaction, so two transitions cannot both pass the state check. */
  async lockByNumber(requestNumber: string, tx: Tx): Promise<RequestRow | null> {
    await tx.$queryRawUnsafe('SELECT 1 FROM disclosure_request WHERE request_number = $1 FOR UPDATE', requestNumber);
    return this.findByNumber(requestNumber, tx);
  }

  update(id: string, data: Prisma.DisclosureRequestUpdateInput, tx: Tx): Promise<RequestRow> {
    return tx.disclosureRequest.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  }

  appendTimeline(data: Prisma.TimelineEntryUncheckedCreateInput, tx: Tx): Promise<TimelineRow> {
    return tx.timelineEntry.create({ data });
  }

  timelineOf(requestId: string): Promise<TimelineRow[]> {
    return this.prisma.timelineEntry.findMany({ where: { requestId }, orderBy: { seq: 'asc' } });
  }

  /** The applicant's requests received in a month (YYYY-MM), in receipt order, duplicates excluded. */
  receivedInMonth(applicantKey: string, month: string, tx: Tx): Promise<Array<{ id: string }>> {
    return tx.disclosureRequest.findMany({
      where: { applicantKey, duplicateOfId: null, firstReceiptDate: { startsWith: month } },
      orderBy: [{ firstReceiptDate: 'asc' }, { submittedAt: 'asc' }],
      select: { id: true },
    });
  }

  /** Staff queue: requests in `statuses` (of one department, or all for null), earliest due first (no due date last). */
  queue(q: { department: string | null; statuses: readonly DisclosureStatus[]; page: number; pageSize: number }) {
    const where: Prisma.DisclosureRequestWhereInput = {
      ...(q.department === null ? {} : { department: q.department }),
      status: { in: [...q.statuses] },
    };
    return Promise.all([
      this.prisma.disclosureRequest.findMany({
        where,
        orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { requestNumber: 'asc' }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
      this.prisma.disclosureRequest.count({ where }),
    ]).then(([items, total]) => ({ items, total }));
  }

  /** One account's requests (filed while signed in), newest first. */
  ownedBy(q: { ownerSub: string; page: number; pageSize: number }) {
    const where: Prisma.DisclosureRequestWhereInput = { ownerSub: q.ownerSub };
    return Promise.all([
      this.prisma.disclosureRequest.findMany({
        where,
        orderBy: [{ submittedAt: 'desc' }, { requestNumber: 'desc' }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
      this.prisma.disclosureRequest.count({ where }),
    ]).then(([items, total]) => ({ items, total }));
  }

  withStatus(statuses: readonly DisclosureStatus[]): Promise<RequestRow[]> {
    return this.prisma.disclosureRequest.findMany({ where: { status: { in: [...statuses] } } });
  }

  /** An agency's requests received (by reporting date, else first receipt date) up to `yearEnd`, with the columns Table 3 reads. */
  table3Records(agency: string, yearEnd: string): Promise<Table3Row[]> {
    return this.prisma.disclosureRequest.findMany({
      where: {
        agency,
        OR: [{ reportReceiptDate: { lte: yearEnd } }, { reportReceiptDate: null, firstReceiptDate: { not: null, lte: yearEnd } }],
      },
      select: {
        applicantType: true,
        firstReceiptDate: true,
        finishedDate: true,
        reportReceiptDate: true,
        reportFinishedDate: true,
        outcome: true,
        duplicateOfId: true,
      },
    });
  }

  /**
   * Reply-deadline figures per department (null: unassigned), aggregated in PostgreSQL: received in [from, to]; replied in
   * [from, to] split by the reply due date recorded with the reply act (timeline `details.dueDate`; none recorded = no clock
   * ran = on time, as the act itself judged); the median working days from clock start to reply minus paused days, counted
   * on the calendar passed in; open and overdue now. Which statuses are open or have a running clock is the caller's rule.
   */
  async slaByDepartment(q: {
    from: string;
    to: string;
    today: string;
    department: string | null;
    openStatuses: readonly DisclosureStatus[];
    runningStatuses: readonly DisclosureStatus[];
    holidays: readonly string[];
    makeUpWorkdays: readonly string[];
  }): Promise<SlaRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<SlaRow[]>(
      // No shared CTE over the table: a CTE used three times is materialised (a full scan), and then no index applies.
      `WITH replies AS (
         SELECT coalesce(r.department, '') AS k, r.clock_start, r.finished_date, r.extension_days, r.paused_days,
                (SELECT t.details->>'dueDate' FROM timeline_entry t
                  WHERE t.request_id = r.id AND t.to_status = 'REPLIED' ORDER BY t.seq DESC LIMIT 1) AS due_at_reply
           FROM disclosure_request r
          WHERE r.status = 'REPLIED' AND r.finished_date >= $1 AND r.finished_date <= $2 AND ($4::text IS NULL OR r.department = $4)
       ), days AS (
         SELECT d::date AS day,
                sum(CASE WHEN d::date = ANY($8::date[]) OR (extract(isodow FROM d) < 6 AND NOT d::date = ANY($7::date[])) THEN 1 ELSE 0 END)
                  OVER (ORDER BY d) AS ord
           FROM generate_series((SELECT min(clock_start)::date FROM replies), $2::date, interval '1 day') d
       ), a AS (
         SELECT coalesce(department, '') AS k, count(*)::int AS assigned
           FROM disclosure_request
          WHERE first_receipt_date >= $1 AND first_receipt_date <= $2 AND ($4::text IS NULL OR department = $4)
          GROUP BY 1
       ), r AS (
         SELECT rp.k,
                count(*)::int AS replied,
                count(*) FILTER (WHERE rp.due_at_reply IS NULL OR rp.finished_date <= rp.due_at_reply)::int AS on_time,
                count(*) FILTER (WHERE rp.finished_date > rp.due_at_reply)::int AS late,
                count(*) FILTER (WHERE rp.extension_days > 0)::int AS extended,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(f.ord - s.ord - rp.paused_days, 0))::float8 AS median_wd
           FROM replies rp
           LEFT JOIN days s ON s.day = rp.clock_start::date
           LEFT JOIN days f ON f.day = rp.finished_date::date
          GROUP BY rp.k
       ), o AS (
         SELECT coalesce(department, '') AS k,
                count(*)::int AS open_now,
                count(*) FILTER (WHERE status::text = ANY($6::text[]) AND due_date < $3)::int AS overdue_now
           FROM disclosure_request
          WHERE status::text = ANY($5::text[]) AND ($4::text IS NULL OR department = $4)
          GROUP BY 1
       )
       SELECT nullif(k, '') AS department,
              coalesce(a.assigned, 0) AS assigned, coalesce(r.replied, 0) AS replied, coalesce(r.on_time, 0) AS "onTime",
              coalesce(r.late, 0) AS late, coalesce(r.extended, 0) AS extended, r.median_wd AS "medianWorkingDays",
              coalesce(o.open_now, 0) AS "openNow", coalesce(o.overdue_now, 0) AS "overdueNow"
         FROM a FULL JOIN r USING (k) FULL JOIN o USING (k)
        ORDER BY k`,
      q.from,
      q.to,
      q.today,
      q.department,
      [...q.openStatuses],
      [...q.runningStatuses],
      [...q.holidays],
      [...q.makeUpWorkdays],
    );
    return rows;
  }

  /** Records a reminder; false when it was already sent (the primary key makes the scheduler idempotent). */
  async claimReminder(r: { requestId: string; kind: string; dueDate: string }, tx: Tx): Promise<boolean> {
    const res = await tx.deadlineReminder.createMany({ data: [r], skipDuplicates: true });
    return res.count === 1;
  }

  addAttachment(data: Prisma.RequestAttachmentUncheckedCreateInput, tx: Tx) {
    return tx.requestAttachment.create({ data });
  }
}
