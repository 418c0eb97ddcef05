import { Injectable } from '@nestjs/common';
import { documentPublished } from '@govdisc/contracts';
import { ConsumerDeps, EventConsumerHost } from '@govdisc/service-kit';
import { NotificationService, POLICY_PUBLISHED_CONSUMER } from './notification.service.js';

/** policy.document.published → one in-app notification. Validates, then hands over to the service. */
@Injectable()
export class PolicyPublishedConsumer extends EventConsumerHost {
  protected readonly consumerName = POLICY_PUBLISHED_CONSUMER;

  constructor(
    deps: ConsumerDeps,
    private readonly notifications: NotificationService,
  ) {
    super(deps);
  }

  protected handle(raw: unknown): Promise<boolean> {
    return this.notifications.onDocumentPublished(documentPublished.parse(raw));
  }
}
