import { Injectable, Logger } from '@nestjs/common';
import { type AskFallback, searchPolicies, type z } from '@govdisc/contracts';
import { RpcClient } from '@govdisc/service-kit';

type PolicyHit = z.infer<typeof AskFallback>['policies'][number];

/**
 * Policy search results to offer when no stored answer is confident. Asks policy-svc over NATS
 * (kept out of its query analytics: the question is already in our unanswered queue); if policy
 * search is not available, the caller still gets an honest "no confident answer".
 */
@Injectable()
export class PolicyFallback {
  private readonly logger = new Logger(PolicyFallback.name);

  constructor(private readonly rpc: RpcClient) {}

  async search(question: string): Promise<PolicyHit[]> {
    try {
      const result = await this.rpc.call(searchPolicies, { q: question, page: 1, pageSize: 5, recordQuery: false }, { timeoutMs: 2_000 });
      return result.items.map((i) => ({ id: i.id, title: i.title, docNumber: i.docNumber, snippet: i.snippet }));
    } catch (error) {
      this.logger.warn({ code: (error as { code?: string }).code }, 'policy search fallback unavailable');
      return [];
    }
  }
}
