import {
  type ApplicantAddress,
  type DisclosureActionType,
  type Envelope,
  type MessageContext,
  requestAccepted,
  requestAssigned,
  requestClosed,
  requestConsultationRequested,
  requestExtended,
  requestFeeNotified,
  requestReceived,
  requestReplied,
  requestSubmitted,
  requestSupplementRequested,
  requestWithdrawn,
  shanghaiDate,
} from '@govdisc/contracts';
import type { EventKind } from './domain/model.js';
import type { RequestRow } from './request.repository.js';

const baseOf = (r: RequestRow) => ({ requestNumber: r.requestNumber, agency: r.agency, department: r.department });
/**
 * Where the applicant hears about their request: the contact email given on it, and the submitting
 * account when the applicant filed it online themselves (a paper request's owner is the staff member
 * who registered it, who must not receive the applicant's notices).
 */
export const applicantOf = (r: RequestRow): ApplicantAddress => ({ sub: r.channel === 'ONLINE' ? r.ownerSub : null, email: r.email });

/** The envelope for a transition's event. A withdrawal's `closed` carries no applicant: they hear `withdrawn`. */
export function eventFor(
  kind: EventKind,
  r: RequestRow,
  details: Record<string, unknown>,
  ctx: MessageContext,
  action?: DisclosureActionType,
): Envelope {
  const base = baseOf(r);
  switch (kind) {
    case 'assigned':
      return requestAssigned.make({ ...base, department: r.department!, dueDate: r.dueDate!, dueProvisional: r.dueProvisional }, ctx);
    case 'replied':
      return requestReplied.make(
        { ...base, outcome: r.outcome!, replyDate: r.finishedDate!, onTime: details.onTime !== false, applicant: applicantOf(r) },
        ctx,
      );
    case 'closed':
      return requestClosed.make(
        { ...base, outcome: r.outcome!, closedDate: r.finishedDate!, ...(action === 'WITHDRAW' ? {} : { applicant: applicantOf(r) }) },
        ctx,
      );
  }
}

/**
 * The steps the applicant must be told about that have no event of their own in the workflow
 * rules: the envelope to write with the step, or null. Replies and closings are `eventFor`'s.
 */
export function applicantEventFor(
  action: DisclosureActionType,
  r: RequestRow,
  details: Record<string, unknown>,
  ctx: MessageContext,
): Envelope | null {
  const base = { ...baseOf(r), applicant: applicantOf(r) };
  switch (action) {
    case 'CONFIRM_RECEIPT':
      return requestReceived.make({ ...base, receiptDate: r.clockStart!, dueDate: r.dueDate }, ctx);
    case 'REQUEST_SUPPLEMENT':
      return requestSupplementRequested.make({ ...base, items: details.items as string[], supplementDeadline: r.supplementDeadline! }, ctx);
    case 'ACCEPT':
      return requestAccepted.make({ ...base, department: r.department!, dueDate: r.dueDate }, ctx);
    case 'EXTEND':
      return requestExtended.make({ ...base, days: details.days as number, dueDate: r.dueDate }, ctx);
    case 'ISSUE_FEE_NOTICE':
      return requestFeeNotified.make({ ...base, amountYuan: r.feeAmount!, payBy: r.feePayBy! }, ctx);
    case 'WITHDRAW':
      return requestWithdrawn.make({ ...base, withdrawnOn: r.finishedDate! }, ctx);
    default:
      return null;
  }
}

/** Steps only staff are told about (no applicant in them): 征求意见 for the department and the office. */
export function staffEventFor(
  action: DisclosureActionType,
  r: RequestRow,
  details: Record<string, unknown>,
  ctx: MessageContext,
): Envelope | null {
  switch (action) {
    case 'START_CONSULTATION':
      return requestConsultationRequested.make(
        {
          ...baseOf(r),
          party: details.party as 'THIRD_PARTY' | 'AGENCY',
          letterSentOn: details.letterSentOn as string,
          consultationDue: details.consultationDue as string,
        },
        ctx,
      );
    default:
      return null;
  }
}

/** A new request: the applicant gets its number and tracking code. */
export function submittedEventFor(r: RequestRow, ctx: MessageContext): Envelope {
  return requestSubmitted.make(
    {
      ...baseOf(r),
      trackingCode: r.trackingCode,
      submittedOn: shanghaiDate(r.submittedAt),
      receiptDate: r.clockStart,
      applicant: applicantOf(r),
    },
    ctx,
  );
}
