import type { Actor, DisclosureStatus } from '@govdisc/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import { shanghaiDate } from '@govdisc/contracts';

/** One audit row: actor, UTC instant + Shanghai date, legal basis and the calendar version used (Art. 45). */
export function timelineEntry(e: {
  requestId: string;
  action: string;
  from: DisclosureStatus | null;
  to: DisclosureStatus;
  actor: Actor;
  at: Date;
  legalBasis: string;
  calendarVersion: string;
  details?: Record<string, unknown>;
}): Prisma.TimelineEntryUncheckedCreateInput {
  return {
    requestId: e.requestId,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    actor: e.actor.sub,
    actorRoles: e.actor.roles,
    at: e.at,
    shanghaiDate: shanghaiDate(e.at),
    legalBasis: e.legalBasis,
    calendarVersion: e.calendarVersion,
    details: (e.details ?? {}) as Prisma.InputJsonValue,
  };
}
