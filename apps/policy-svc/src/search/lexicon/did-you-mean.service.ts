import { Injectable } from '@nestjs/common';
import type { SearchFilters } from '@govdisc/search-index';
import { SearchEngine } from '../search-engine.js';
import { proposeCorrection } from './did-you-mean.js';
import { LexiconService } from './lexicon.service.js';

/** Queries with fewer ranked hits than this get a "did you mean" (when a correction finds more). */
export const DID_YOU_MEAN_BELOW = 3;

@Injectable()
export class DidYouMeanService {
  constructor(
    private readonly lexicon: LexiconService,
    private readonly engine: SearchEngine,
  ) {}

  /**
   * A corrected query, offered only when it finds something and no less than the query as typed
   * (same filters): a suggestion that leads nowhere is worse than none. Runs on the low-result path only.
   */
  async suggest(input: { q: string; filters: SearchFilters; total: number }): Promise<string | undefined> {
    if (input.total >= DID_YOU_MEAN_BELOW) return undefined;
    const corrected = proposeCorrection(input.q, this.lexicon.lexicon);
    if (!corrected) return undefined;
    const check = await this.engine.index.search({ q: corrected, filters: input.filters, page: 1, pageSize: 1 });
    return check.total > 0 && check.total >= input.total ? corrected : undefined;
  }
}
