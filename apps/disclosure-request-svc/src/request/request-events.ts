import { type Envelope, type MessageContext, requestAssigned, requestClosed, requestReplied } from '@govdisc/contracts';
import type { EventKind } from './domain/model.js';
import type { RequestRow } from './request.repository.js';

/** The envelope for a transition's event (no personal data: numbers, department and dates only). */
export function eventFor(kind: EventKind, r: RequestRow, details: Record<string, unknown>, ctx: MessageContext): Envelope {
  const base = { requestNumber: r.requestNumber, agency: r.agency, department: r.department };
  switch (kind) {
    case 'assigned':
      return requestAssigned.make({ ...base, department: r.department!, dueDate: r.dueDate!, dueProvisional: r.dueProvisional }, ctx);
    case 'replied':
      return requestReplied.make({ ...base, outcome: r.outcome!, replyDate: r.finishedDate!, onTime: details.onTime !== false }, ctx);
    case 'closed':
      return requestClosed.make({ ...base, outcome: r.outcome!, closedDate: r.finishedDate! }, ctx);
  }
}
