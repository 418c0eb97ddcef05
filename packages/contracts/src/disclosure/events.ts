import { z } from 'zod';
import { IsoDate } from '../common.js';
import { defineEvent } from '../define.js';

// Department-facing facts carry no personal data: request number, department and dates only.
const base = { requestNumber: z.string(), agency: z.string(), department: z.string().nullable() };

/**
 * Where the applicant is told about their own request: the submitting account (its token `sub`;
 * null for an anonymous request) and the contact email given on the request (null if none). Only
 * facts the applicant must hear carry it, and its presence is what addresses them (notify-svc).
 * Whoever forwards these events outside the platform (department systems) must drop it.
 */
export const ApplicantAddress = z.object({
  sub: z.string().nullable(),
  email: z.string().nullable(),
});
export type ApplicantAddress = z.infer<typeof ApplicantAddress>;
const applicant = { applicant: ApplicantAddress };

export const RequestAssignedV1 = z.object({ ...base, department: z.string(), dueDate: IsoDate, dueProvisional: z.boolean() });
export const requestAssigned = defineEvent('disclosure.request.assigned', { 1: RequestAssignedV1 });

/**
 * 征求意见 (Art. 32/34): the request waits for a third party's or another agency's opinion; the reply clock is
 * stopped until `consultationDue` at the latest. For the department and the office only: no party name (a third
 * party may be a person).
 */
export const RequestConsultationRequestedV1 = z.object({
  ...base,
  party: z.enum(['THIRD_PARTY', 'AGENCY']),
  letterSentOn: IsoDate,
  consultationDue: IsoDate,
});
export const requestConsultationRequested = defineEvent('disclosure.request.consultation-requested', {
  1: RequestConsultationRequestedV1,
});

export const RequestDueSoonV1 = z.object({ ...base, dueDate: IsoDate, workingDaysLeft: z.number().int().positive() });
export const requestDueSoon = defineEvent('disclosure.request.due-soon', { 1: RequestDueSoonV1 });

export const RequestOverdueV1 = z.object({ ...base, dueDate: IsoDate, overdueSince: IsoDate });
export const requestOverdue = defineEvent('disclosure.request.overdue', { 1: RequestOverdueV1 });

/** `applicant` added later (optional, same version): absent on a closing the applicant hears about otherwise (withdrawal). */
export const RequestRepliedV1 = z.object({
  ...base,
  outcome: z.string(),
  replyDate: IsoDate,
  onTime: z.boolean(),
  applicant: ApplicantAddress.optional(),
});
export const requestReplied = defineEvent('disclosure.request.replied', { 1: RequestRepliedV1 });

export const RequestClosedV1 = z.object({ ...base, outcome: z.string(), closedDate: IsoDate, applicant: ApplicantAddress.optional() });
export const requestClosed = defineEvent('disclosure.request.closed', { 1: RequestClosedV1 });

/** A new request was filed (online: awaiting receipt confirmation; registered by staff: received that day). */
export const RequestSubmittedV1 = z.object({
  ...base,
  trackingCode: z.string().describe("the applicant's private tracking code (only ever sent to the applicant)"),
  submittedOn: IsoDate,
  receiptDate: IsoDate.nullable(),
  ...applicant,
});
export const requestSubmitted = defineEvent('disclosure.request.submitted', { 1: RequestSubmittedV1 });

/** Receipt confirmed (Art. 31): the reply period runs from here. */
export const RequestReceivedV1 = z.object({ ...base, receiptDate: IsoDate, dueDate: IsoDate.nullable(), ...applicant });
export const requestReceived = defineEvent('disclosure.request.received', { 1: RequestReceivedV1 });

/** The one-time 补正 notice (Art. 30): what to supplement and by when. */
export const RequestSupplementRequestedV1 = z.object({
  ...base,
  items: z.array(z.string()).min(1),
  supplementDeadline: IsoDate,
  ...applicant,
});
export const requestSupplementRequested = defineEvent('disclosure.request.supplement-requested', { 1: RequestSupplementRequestedV1 });

/** Accepted and handed to a department (the department hears `assigned`). */
export const RequestAcceptedV1 = z.object({ ...base, department: z.string(), dueDate: IsoDate.nullable(), ...applicant });
export const requestAccepted = defineEvent('disclosure.request.accepted', { 1: RequestAcceptedV1 });

/** Reply period extended (Art. 33). */
export const RequestExtendedV1 = z.object({ ...base, days: z.number().int().positive(), dueDate: IsoDate.nullable(), ...applicant });
export const requestExtended = defineEvent('disclosure.request.extended', { 1: RequestExtendedV1 });

/** Fee notice (§7): amount in yuan and the day to pay by. */
export const RequestFeeNotifiedV1 = z.object({ ...base, amountYuan: z.number().int().positive(), payBy: IsoDate, ...applicant });
export const requestFeeNotified = defineEvent('disclosure.request.fee-notified', { 1: RequestFeeNotifiedV1 });

/** The applicant withdrew (the request is also `closed`, without the applicant's address). */
export const RequestWithdrawnV1 = z.object({ ...base, withdrawnOn: IsoDate, ...applicant });
export const requestWithdrawn = defineEvent('disclosure.request.withdrawn', { 1: RequestWithdrawnV1 });
