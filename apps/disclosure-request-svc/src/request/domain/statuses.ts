import type { DisclosureStatus } from '@govdisc/contracts';

/** Requests still being handled (neither replied nor closed): the staff queue, the deadline scan and the duplicate check read these. */
export const OPEN_STATUSES: readonly DisclosureStatus[] = [
  'SUBMITTED',
  'RECEIVED',
  'AWAITING_SUPPLEMENT',
  'IN_PROGRESS',
  'CONSULTING_THIRD_PARTY',
  'CONSULTING_AGENCY',
  'AWAITING_REASONS',
  'AWAITING_FEE',
];
