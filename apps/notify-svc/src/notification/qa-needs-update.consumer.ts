import { Injectable } from '@nestjs/common';
import { pairNeedsUpdate } from '@govdisc/contracts';
import { ConsumerDeps, EventConsumerHost } from '@govdisc/service-kit';
import { NoticeService } from './notice.service.js';

export const QA_NEEDS_UPDATE_CONSUMER = 'notify-svc__qa-pair-needs-update';

/** qa.pair.needs-update → a notice to the editors, naming the answer's owning department. */
@Injectable()
export class QaNeedsUpdateConsumer extends EventConsumerHost {
  protected readonly consumerName = QA_NEEDS_UPDATE_CONSUMER;

  constructor(
    deps: ConsumerDeps,
    private readonly notices: NoticeService,
  ) {
    super(deps);
  }

  protected handle(raw: unknown): Promise<boolean> {
    return this.notices.deliver(this.consumerName, pairNeedsUpdate.parse(raw));
  }
}
