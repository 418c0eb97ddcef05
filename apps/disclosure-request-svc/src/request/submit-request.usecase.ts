import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ANONYMOUS,
  type Actor,
  type DisclosureStatus,
  DomainError,
  ErrorCode,
  type MessageContext,
  STAFF_REGISTERED_CHANNELS,
  isGio,
  type SubmitDisclosureRequestReq,
} from '@govdisc/contracts';
import { addToOutbox } from '@govdisc/messaging';
import { APP_CONFIG, OutboxRelayHost } from '@govdisc/service-kit';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SERVICE_NAME } from '../config/env.js';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import type { AppConfig } from '../config/env.js';
import { assumptionsFrom, type DisclosureAssumptions } from './domain/assumptions.js';
import { dueColumns, supplementNoticeBy } from './domain/deadlines.js';
import { reportingDate } from './domain/table3.js';
import { AttachmentStore, type CheckedFile } from './attachment-store.js';
import { Clock } from './clock.js';
import { RequestRepository, type RequestRow, type Tx } from './request.repository.js';
import { OPEN_STATUSES } from './domain/statuses.js';
import { submittedEventFor } from './request-events.js';
import { timelineEntry } from './timeline.js';

/** Unambiguous characters only (no 0/O, 1/I/L): applicants read tracking codes aloud on the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newTrackingCode(length = 12): string {
  return Array.from(randomBytes(length), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
export const applicantKeyOf = (a: { idType: string; idNumber: string }) => sha(`${a.idType}:${a.idNumber.trim().toUpperCase()}`);
export const contentHashOf = (i: { agency: string; title?: string; docNumber?: string; description: string }) =>
  sha([i.agency, i.title ?? '', i.docNumber ?? '', i.description].map((s) => s.replace(/\s+/g, '')).join('|'));

/** The account a request belongs to: the signed-in submitter (applicant, or staff registering a paper request); null = anonymous. */
export const ownerOf = (actor: Actor): string | null => (actor.sub === ANONYMOUS.sub ? null : actor.sub);

export interface SubmitResult {
  request: RequestRow;
  duplicateOf: RequestRow | null;
  /** The request was already stored under the caller's idempotency key: nothing new was written. */
  repeat?: boolean;
}

/** Intake (spec §3): receipt-date rule per channel, numbering, duplicate detection, attachments. */
@Injectable()
export class SubmitRequestUseCase {
  private readonly logger = new Logger(SubmitRequestUseCase.name);

  private readonly assumptions: DisclosureAssumptions;

  constructor(
    private readonly requests: RequestRepository,
    private readonly calendar: WorkingDayCalendar,
    private readonly attachments: AttachmentStore,
    private readonly clock: Clock,
    private readonly outbox: OutboxRelayHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.assumptions = assumptionsFrom(config);
  }

  /**
   * `idempotencyKey` (RpcMeta's, scoped to the caller by the gateway): a repeat gets the request already stored under
   * it (same number and tracking code), so a retry after a gateway timeout whose first attempt committed stores nothing twice.
   */
  async execute(
    input: SubmitDisclosureRequestReq,
    actor: Actor,
    ctx: MessageContext = { source: SERVICE_NAME, correlationId: randomUUID() },
    idempotencyKey?: string,
  ): Promise<SubmitResult> {
    const receiptDate = this.receiptDateOf(input, actor);
    if (idempotencyKey) {
      const stored = await this.storedUnder(idempotencyKey, input);
      if (stored) return stored;
    }
    const files = await Promise.all(input.attachments.map((f) => this.attachments.check(f)));
    const paths = await Promise.all(files.map((f) => this.attachments.store(f)));
    const result = await this.requests.transaction(async (tx) => {
      // Under the applicant's lock (create): a repeat racing the first attempt finds it here once that one committed.
      const created = await this.create(
        input,
        actor,
        receiptDate,
        tx,
        files.map((f, i) => ({ ...f, path: paths[i]! })),
        idempotencyKey,
      );
      if (created.repeat) return created;
      // The applicant's receipt (number + tracking code) commits with the request, or not at all.
      await addToOutbox(tx, submittedEventFor(created.request, ctx));
      return created;
    });
    if (result.repeat) return result;
    this.outbox.relay.nudge();
    this.logger.log(
      { requestNumber: result.request.requestNumber, duplicate: result.duplicateOf !== null },
      'disclosure request submitted',
    );
    return result;
  }

  /**
   * The request stored under the key, if any. The same key with another applicant or content is the caller reusing a
   * key for a different request: refused (422), as the gateway does while it still holds the key.
   */
  private async storedUnder(idempotencyKey: string, input: SubmitDisclosureRequestReq, tx?: Tx): Promise<SubmitResult | null> {
    const request = await this.requests.findByIdempotencyKey(idempotencyKey, tx);
    if (!request) return null;
    const agency = input.agency ?? this.assumptions.defaultAgency;
    if (request.applicantKey !== applicantKeyOf(input.applicant) || request.contentHash !== contentHashOf({ ...input, agency })) {
      throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    }
    const duplicateOf = request.duplicateOfId ? await this.requests.findById(request.duplicateOfId, tx) : null;
    this.logger.log({ requestNumber: request.requestNumber }, 'repeated submission answered with the stored request');
    return { request, duplicateOf, repeat: true };
  }

  /** In person / oral / signed-for post: the hand-in or signing day (staff only). Other channels wait for confirmation. */
  private receiptDateOf(input: SubmitDisclosureRequestReq, actor: Actor): string | null {
    if (!isGio(actor) && input.channel !== 'ONLINE') {
      throw new DomainError(ErrorCode.DISCLOSURE_FORBIDDEN, '信件、传真、当面等渠道的申请由政府信息公开工作机构登记。', {
        channel: input.channel,
      });
    }
    if (!STAFF_REGISTERED_CHANNELS.includes(input.channel)) return null;
    const day = input.receivedOn ?? this.clock.today();
    if (day > this.clock.today()) throw new DomainError(ErrorCode.DISCLOSURE_INVALID_DATE, undefined, { receivedOn: day });
    return day;
  }

  private async create(
    input: SubmitDisclosureRequestReq,
    actor: Actor,
    receiptDate: string | null,
    tx: Tx,
    files: Array<CheckedFile & { path: string }>,
    idempotencyKey: string | undefined,
  ): Promise<SubmitResult> {
    const now = this.clock.now();
    const agency = input.agency ?? this.assumptions.defaultAgency;
    const applicantKey = applicantKeyOf(input.applicant);
    const contentHash = contentHashOf({ ...input, agency });
    // Duplicates and repeats are judged within one account only: an ID number is not proof of identity, so a
    // stranger typing yours must neither close your request nor learn its number; anonymous requests are never linked.
    const ownerSub = ownerOf(actor);
    await this.requests.lockApplicant(applicantKey, tx);
    const stored = idempotencyKey ? await this.storedUnder(idempotencyKey, input, tx) : null;
    if (stored) return stored;
    const since = new Date(now.getTime() - this.assumptions.duplicateWindowMinutes * 60_000);
    const same = ownerSub ? { ownerSub, applicantKey, contentHash } : null;
    // A live duplicate is a still-open request: asking again after a reply or a close (withdrawn, abandoned) is a new request.
    const duplicateOf = same ? await this.requests.findEarliestSame({ ...same, since, statuses: OPEN_STATUSES }, tx) : null;
    // Already answered (Art. 36(6) 重复申请): a hint for staff, never automatic.
    const answered = same && !duplicateOf ? await this.requests.findLatestSame({ ...same, status: 'REPLIED' }, tx) : null;
    const year = Number(this.clock.today().slice(0, 4));
    const n = await this.requests.nextNumber(year, tx);
    const status: DisclosureStatus = duplicateOf ? 'CLOSED' : receiptDate ? 'RECEIVED' : 'SUBMITTED';
    const base = {
      status,
      clockStart: duplicateOf ? null : receiptDate,
      extensionDays: 0,
      pausedDays: 0,
      customDueDate: null,
      submittedAt: now,
    };
    const request = await this.requests.create(
      {
        ...this.toRow(input, { agency, applicantKey, contentHash, year, n }),
        ownerSub,
        idempotencyKey: idempotencyKey ?? null,
        duplicateOfId: duplicateOf?.id ?? null,
        firstReceiptDate: base.clockStart,
        reportReceiptDate: base.clockStart ? reportingDate(base.clockStart, this.clock.today()) : null,
        ...base,
        ...dueColumns(base, this.calendar),
      },
      tx,
    );
    for (const f of files) {
      await this.requests.addAttachment(
        { requestId: request.id, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256, storagePath: f.path },
        tx,
      );
    }
    await this.requests.appendTimeline(this.entry(request, actor, duplicateOf, answered), tx);
    return { request, duplicateOf };
  }

  private toRow(
    input: SubmitDisclosureRequestReq,
    k: { agency: string; applicantKey: string; contentHash: string; year: number; n: number },
  ) {
    const a = input.applicant;
    return {
      requestNumber: `${k.year}-${String(k.n).padStart(6, '0')}`,
      trackingCode: newTrackingCode(),
      agency: k.agency,
      channel: input.channel,
      applicantType: a.type,
      applicantName: a.name,
      idType: a.idType,
      idNumber: a.idNumber.toUpperCase(),
      phone: a.phone ?? null,
      email: a.email ?? null,
      address: a.address ?? null,
      applicantKey: k.applicantKey,
      contentHash: k.contentHash,
      title: input.title ?? null,
      docNumber: input.docNumber ?? null,
      description: input.description,
      purpose: input.purpose ?? null,
      deliveryForm: input.deliveryForm,
    };
  }

  private entry(r: RequestRow, actor: Actor, duplicateOf: RequestRow | null, answered: RequestRow | null) {
    const notice = r.clockStart ? supplementNoticeBy({ ...r, status: 'RECEIVED' }, this.calendar) : null;
    return timelineEntry({
      requestId: r.id,
      action: duplicateOf ? 'LINKED_AS_DUPLICATE' : r.clockStart ? 'REGISTERED' : 'SUBMITTED',
      from: null,
      to: r.status,
      actor,
      at: r.submittedAt,
      legalBasis: '《政府信息公开条例》第二十九条、第三十一条',
      calendarVersion: this.calendar.version,
      details: {
        channel: r.channel,
        receiptDate: r.clockStart,
        duplicateOf: duplicateOf?.requestNumber ?? null,
        possibleRepeatOf: answered?.requestNumber ?? null,
        replyDue: r.dueDate,
        supplementNoticeBy: notice?.date ?? null,
      },
    });
  }
}
