import { Injectable } from '@nestjs/common';
import { documentPublished } from '@govdisc/contracts';
import { ConsumerDeps, EventConsumerHost } from '@govdisc/service-kit';
import { NoticeService } from './notice.service.js';

export const POLICY_PUBLISHED_CONSUMER = 'notify-svc__policy-document-published';

/** policy.document.published → its notices. Validates, then hands over to the service. */
@Injectable()
export class PolicyPublishedConsumer extends EventConsumerHost {
  protected readonly consumerName = POLICY_PUBLISHED_CONSUMER;

  constructor(
    deps: ConsumerDeps,
    private readonly notices: NoticeService,
  ) {
    super(deps);
  }

  protected handle(raw: unknown): Promise<boolean> {
    return this.notices.deliver(this.consumerName, documentPublished.parse(raw));
  }
}
