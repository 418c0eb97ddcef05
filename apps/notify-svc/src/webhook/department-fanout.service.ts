import { Injectable } from '@nestjs/common';
import { type Envelope, departmentSubject, newEnvelope, toDepartmentEvent } from '@govdisc/contracts';
import { addToOutbox } from '@govdisc/messaging';
import type { Prisma } from '../generated/prisma/client.js';
import { WebhookRepository, type Tx } from './webhook.repository.js';

/**
 * What a disclosure event becomes for its department, inside the consumer's transaction: one webhook
 * delivery per subscribed endpoint, and one copy on `dept.<department>.<type>` through the outbox
 * (published by the relay after commit). Both carry the department view: no applicant data.
 */
@Injectable()
export class DepartmentFanout {
  constructor(private readonly webhooks: WebhookRepository) {}

  /** Whether the event has a department view at all (otherwise nothing leaves for departments). */
  concerns(envelope: Envelope<unknown>): boolean {
    return toDepartmentEvent(envelope) !== null;
  }

  /** Returns how many webhook deliveries were queued. */
  async add(envelope: Envelope<unknown>, tx: Tx): Promise<number> {
    const event = toDepartmentEvent(envelope);
    if (!event) return 0;
    const endpoints = await this.webhooks.subscribers(event.department, event.type, tx);
    const queued = await this.webhooks.addDeliveries(
      endpoints.map((e) => ({
        endpointId: e.id,
        eventId: event.id,
        eventType: event.type,
        requestNumber: event.requestNumber,
        payload: event as unknown as Prisma.InputJsonValue,
      })),
      tx,
    );
    const copy = newEnvelope(departmentSubject(event.department, event.type), 1, event, {
      source: 'notify-svc',
      correlationId: envelope.correlationId,
      causationId: envelope.id,
    });
    await addToOutbox(tx, copy);
    return queued;
  }
}
