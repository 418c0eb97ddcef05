import { Injectable } from '@nestjs/common';
import { pairNeedsUpdate } from '@govdisc/contracts';
import { ConsumerDeps, EventConsumerHost } from '@govdisc/service-kit';
import { NotificationService, QA_NEEDS_UPDATE_CONSUMER } from './notification.service.js';

/** qa.pair.needs-update → one notice to the answer's owning department. */
@Injectable()
export class QaNeedsUpdateConsumer extends EventConsumerHost {
  protected readonly consumerName = QA_NEEDS_UPDATE_CONSUMER;

  constructor(
    deps: ConsumerDeps,
    private readonly notifications: NotificationService,
  ) {
    super(deps);
  }

  protected handle(raw: unknown): Promise<boolean> {
    return this.notifications.onPairNeedsUpdate(pairNeedsUpdate.parse(raw));
  }
}
