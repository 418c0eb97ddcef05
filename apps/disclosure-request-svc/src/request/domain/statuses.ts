import { DisclosureStatus } from '@govdisc/contracts';

/** Requests still being handled (neither replied nor closed): the staff queue, the deadline scan and the duplicate check read these. */
export const OPEN_STATUSES: readonly DisclosureStatus[] = DisclosureStatus.exclude(['REPLIED', 'CLOSED']).options;
