import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Envelope,
  parseOrThrow,
  requestAccepted,
  requestAssigned,
  requestClosed,
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
import { ConsumerDeps, EventConsumerHost } from '@govdisc/service-kit';
import { NoticeService } from './notice.service.js';

export const DISCLOSURE_EVENTS_CONSUMER = 'notify-svc__disclosure-request-events';

const CONTRACTS = new Map(
  [
    requestSubmitted,
    requestReceived,
    requestSupplementRequested,
    requestAccepted,
    requestAssigned,
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
 * disclosure.request.> → the applicant's and the departments' notices, in stream order (one
 * consumer for all of them). A valid envelope of a type nobody is told about is acknowledged
 * without effect; one that fails its contract is dead-lettered.
 */
@Injectable()
export class DisclosureEventsConsumer extends EventConsumerHost {
  protected readonly consumerName = DISCLOSURE_EVENTS_CONSUMER;

  constructor(
    deps: ConsumerDeps,
    private readonly notices: NoticeService,
  ) {
    super(deps);
  }

  protected async handle(raw: unknown): Promise<boolean> {
    const { type } = parseOrThrow(Envelope, raw, ErrorCode.MALFORMED_MESSAGE);
    const contract = CONTRACTS.get(type);
    if (!contract || !this.notices.handles(type)) return true;
    return this.notices.deliver(this.consumerName, contract.parse(raw));
  }
}
