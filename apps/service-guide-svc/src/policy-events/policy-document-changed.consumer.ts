import { Injectable } from '@nestjs/common';
import { policyLifecycleChange } from '@govdisc/contracts';
import { ConsumerDeps, EventConsumerHost } from '@govdisc/service-kit';
import { POLICY_CHANGED_CONSUMER, StalenessService } from './staleness.service.js';

/** policy.document.* → the service guides whose legal basis cites the document need checking. Publications need nothing here. */
@Injectable()
export class PolicyDocumentChangedConsumer extends EventConsumerHost {
  protected readonly consumerName = POLICY_CHANGED_CONSUMER;

  constructor(
    deps: ConsumerDeps,
    private readonly staleness: StalenessService,
  ) {
    super(deps);
  }

  protected async handle(raw: unknown): Promise<boolean> {
    const change = policyLifecycleChange(raw);
    return change ? this.staleness.onDocumentChanged(change.envelope, change.reason) : true;
  }
}
