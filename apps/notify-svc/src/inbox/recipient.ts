import type { Actor, Role } from '@govdisc/contracts';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Who a notice is for. A person is their token's `sub`. A group is a role, optionally narrowed to a
 * department; it is expanded when someone reads their inbox, by matching the reader's token claims
 * (realm roles and the `department` claim). Expanding at read time means a new member of a
 * department sees its open notices, and nobody has to keep a copy of the identity provider's
 * membership lists.
 */
export type Recipient = { sub: string } | { role: Role; department?: string | null };

/** One string per recipient: with the event id it is the notice's unique key, so redelivery never duplicates. */
export function recipientKey(r: Recipient): string {
  if ('sub' in r) return `user:${r.sub}`;
  return r.department ? `role:${r.role}@${r.department}` : `role:${r.role}`;
}

export function recipientColumns(r: Recipient) {
  return 'sub' in r
    ? { recipientSub: r.sub, recipientRole: null, recipientDepartment: null, recipientKey: recipientKey(r) }
    : { recipientSub: null, recipientRole: r.role, recipientDepartment: r.department ?? null, recipientKey: recipientKey(r) };
}

/** The notices a reader may see: addressed to them, to a role they hold, or to such a role in their department. */
export function visibleTo(actor: Actor): Prisma.NotificationWhereInput {
  const roles = { in: [...actor.roles] };
  return {
    OR: [
      { recipientSub: actor.sub },
      { recipientRole: roles, recipientDepartment: null },
      ...(actor.department ? [{ recipientRole: roles, recipientDepartment: actor.department }] : []),
    ],
  };
}
