import { Injectable } from '@nestjs/common';
import { type SearchPart, type SearchPartReq, type SearchType, toSearchPart } from '@govdisc/contracts';
import { GUIDE_KINDS, type GuideKind, codeOfDocId } from './guide-documents.js';
import { GuideIndexService } from './guide-index.service.js';

const OWN_TYPES: readonly GuideKind[] = ['guide', 'bundle'];

/** Unified search's guide and bundle parts: one ranked search per kind asked for, in parallel. */
@Injectable()
export class GuideSearchPart {
  constructor(private readonly guides: GuideIndexService) {}

  search(req: SearchPartReq): Promise<SearchPart[]> {
    const kinds = OWN_TYPES.filter((t) => !req.types || req.types.includes(t as SearchType));
    return Promise.all(kinds.map((kind) => this.kind(kind, req)));
  }

  private async kind(kind: GuideKind, req: SearchPartReq): Promise<SearchPart> {
    const ranked = await this.guides.index.search({
      q: req.q,
      filters: { docType: GUIDE_KINDS[kind] },
      page: req.page,
      pageSize: req.pageSize,
      facets: false,
    });
    return toSearchPart(kind, { hits: ranked.items, total: ranked.total }, (hit) => ({
      id: codeOfDocId(hit.id),
      title: hit.title,
      snippet: hit.snippet,
      meta: kind === 'guide' ? hit.agencies.join('、') : '一件事一次办',
    }));
  }
}
