import { Injectable } from '@nestjs/common';
import { type SearchPart, type SearchPartReq, toSearchPart } from '@govdisc/contracts';
import { QaIndexService } from './qa-index.service.js';

/**
 * Unified search's Q&A part: the answers index (the same Chinese analysis and engine as policy search),
 * rows only for pairs the public may see right now. The index also holds pairs whose effective date is
 * still to come; they are dropped from the page and from the total.
 */
@Injectable()
export class QaSearchPart {
  constructor(private readonly qa: QaIndexService) {}

  async search(req: SearchPartReq): Promise<SearchPart> {
    const ranked = await this.qa.index.search({ q: req.q, page: req.page, pageSize: req.pageSize, facets: false });
    const visible = ranked.items.flatMap((hit) => {
      const pair = this.qa.publicPair(hit.id);
      return pair ? [{ hit, pair }] : [];
    });
    const hidden = ranked.items.length - visible.length;
    return toSearchPart(
      'qa',
      { hits: visible.map((v) => ({ ...v, score: v.hit.score })), total: Math.max(0, ranked.total - hidden) },
      ({ hit, pair }) => ({
        id: pair.id,
        title: pair.question,
        snippet: hit.snippet,
        meta: [pair.ownerDepartment ?? '一号答', pair.citations.length > 0 ? `引用 ${pair.citations.length} 处政策原文` : null]
          .filter(Boolean)
          .join(' · '),
      }),
    );
  }
}
