import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Envelope,
  parseOrThrow,
  requestAccepted,
  requestAssigned,
  requestClosed,
  requestConsultationRequested,
  requestDueSoon,
  requestExtended,
  requestFeeNotified,
  requestOverdue,
  requestReceived,
  requestReplied,
  requestSubmitted,
  requestSupplementRequested,
  requestWithdrawn,
} from '@govdisc/contracts';
import { ConsumerDeps, EventConsumerHost, OutboxRelayHost } from '@govdisc/service-kit';
import { DepartmentFanout } from '../webhook/department-fanout.service.js';
import { WebhookSender } from '../webhook/webhook-sender.service.js';
import { NoticeService } from './notice.service.js';

export const DISCLOSURE_EVENTS_CONSUMER = 'notify-svc__disclosure-request-events';

const CONTRACTS = new Map(
  [
    requestSubmitted,
    requestReceived,
    requestSupplementRequested,
    requestAccepted,
    requestAssigned,
    requestConsultationRequested,
    requestExtended,
    requestFeeNotified,
    requestDueSoon,
    requestOverdue,
    requestReplied,
    requestClosed,
    requestWithdrawn,
  ].map((c) => [c.type, c as { parse(raw: unknown): Envelope<unknown> }]),
);

/**
 * disclosure.request.> → the applicant's and the departments' notices, the department systems'
 * webhook deliveries and the `dept.<department>.…` copy, in stream order (one consumer for all of
 * them, so a request's webhooks are queued in the order its events happened). A valid envelope of a type nobody is told about is acknowledged
 * without effect; one that fails its contract is dead-lettered.
 */
@Injectable()
export class DisclosureEventsConsumer extends EventConsumerHost {
  protected readonly consumerName = DISCLOSURE_EVENTS_CONSUMER;

  constructor(
    deps: ConsumerDeps,
    private readonly notices: NoticeService,
    private readonly departments: DepartmentFanout,
    private readonly webhooks: WebhookSender,
    private readonly outbox: OutboxRelayHost,
  ) {
    super(deps);
  }

  protected async handle(raw: unknown): Promise<boolean> {
    const { type } = parseOrThrow(Envelope, raw, ErrorCode.MALFORMED_MESSAGE);
    const contract = CONTRACTS.get(type);
    if (!contract) return true;
    const envelope = contract.parse(raw);
    const forDepartment = this.departments.concerns(envelope);
    if (!this.notices.handles(type) && !forDepartment) return true;
    let queued = 0;
    const done = await this.notices.deliver(this.consumerName, envelope, async (tx) => {
      if (forDepartment) queued = await this.departments.add(envelope, tx);
    });
    if (queued > 0) this.webhooks.wake();
    // The `dept.<department>.…` copy went into the outbox with them: published now, not at the relay's next poll.
    if (forDepartment) this.outbox.relay.nudge();
    return done;
  }
}
