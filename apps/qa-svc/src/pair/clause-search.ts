import { Injectable, Logger } from '@nestjs/common';
import { searchPolicies } from '@govdisc/contracts';
import { RpcClient } from '@govdisc/service-kit';
import { matchKey } from '@govdisc/text-analysis';

/** Fewer characters than this (after normalisation) match too many places by chance to be cited unseen. */
export const MIN_SEARCHED_QUOTE = 10;
/** Search hits whose text is checked for the answer: the top few, each one document read. */
const CANDIDATES = 3;

/**
 * Candidate documents for an answer that names no source: the policy library's own search (either engine) asked
 * with the answer's opening words. The caller cites one only if the answer is verbatim in one of its clauses.
 */
@Injectable()
export class ClauseSearch {
  private readonly logger = new Logger(ClauseSearch.name);

  constructor(private readonly rpc: RpcClient) {}

  async candidates(answer: string): Promise<string[]> {
    if (matchKey(answer).length < MIN_SEARCHED_QUOTE) return [];
    try {
      const q = answer.replace(/\s+/g, ' ').trim().slice(0, 200);
      const result = await this.rpc.call(searchPolicies, { q, page: 1, pageSize: CANDIDATES, recordQuery: false }, { timeoutMs: 2_000 });
      return result.items.map((i) => i.id);
    } catch (error) {
      this.logger.warn({ code: (error as { code?: string }).code }, 'policy search unavailable: the pair stays without a citation');
      return [];
    }
  }
}
