import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, documentAmended, documentExpired, documentPublished, documentRepealed } from '@govdisc/contracts';
import { ConsumerDeps, EventConsumerHost } from '@govdisc/service-kit';
import { POLICY_CHANGED_CONSUMER, StalenessService } from './staleness.service.js';

const lifecycle = {
  [documentAmended.type]: [documentAmended, 'AMENDED'],
  [documentRepealed.type]: [documentRepealed, 'REPEALED'],
  [documentExpired.type]: [documentExpired, 'EXPIRED'],
} as const;

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
    const type = (raw as { type?: unknown })?.type;
    if (type === documentPublished.type) return true;
    const entry = typeof type === 'string' ? lifecycle[type as keyof typeof lifecycle] : undefined;
    if (!entry) throw new DomainError(ErrorCode.MALFORMED_MESSAGE, `unexpected event type ${String(type)}`);
    const [contract, reason] = entry;
    return this.staleness.onDocumentChanged(contract.parse(raw), reason);
  }
}
