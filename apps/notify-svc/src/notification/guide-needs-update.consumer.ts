import { Injectable } from '@nestjs/common';
import { matterNeedsUpdate } from '@govdisc/contracts';
import { ConsumerDeps, EventConsumerHost } from '@govdisc/service-kit';
import { NoticeService } from './notice.service.js';

export const GUIDE_NEEDS_UPDATE_CONSUMER = 'notify-svc__guide-matter-needs-update';

/** guide.matter.needs-update → a notice to the editors of the guide's department. */
@Injectable()
export class GuideNeedsUpdateConsumer extends EventConsumerHost {
  protected readonly consumerName = GUIDE_NEEDS_UPDATE_CONSUMER;

  constructor(
    deps: ConsumerDeps,
    private readonly notices: NoticeService,
  ) {
    super(deps);
  }

  protected handle(raw: unknown): Promise<boolean> {
    return this.notices.deliver(this.consumerName, matterNeedsUpdate.parse(raw));
  }
}
