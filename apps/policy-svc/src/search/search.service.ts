import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@govdisc/service-kit';
import {
  SEARCH_FILTER_FIELDS,
  type PolicySearchResult,
  type SearchPart,
  type SearchPartReq,
  type SearchPoliciesReq,
  toSearchPart,
  type z,
} from '@govdisc/contracts';
import { QUESTION_SEARCH, type SearchFilters, type SearchHit, type Suggestion } from '@govdisc/search-index';
import { PinnedItemsService } from '../best-bets/pinned-items.service.js';
import type { SearchItem } from '../best-bets/pinned-results.js';
import type { AppConfig } from '../config/env.js';
import { SearchAnalyticsService } from '../search-analytics/search-analytics.service.js';
import { externalLinks } from './external-links.js';
import { DidYouMeanService } from './lexicon/did-you-mean.service.js';
import { SearchEngine } from './search-engine.js';

const SUGGESTIONS = 10;
/**
 * Facet values a result page carries per field, the most frequent first: the portal lists 8. A page with the
 * engine's 50 per field carried twice as many facet bytes as it showed, paid again by NATS and the gateway.
 */
export const PAGE_FACET_VALUES = 10;

export type SearchResponse = z.input<typeof PolicySearchResult>;

/**
 * Reads the search model: filters from the request, exact 发文字号 hits first, then ranked results.
 * Around a query's hits: editors' best bets first on page 1 (unfiltered searches), a corrected query
 * when little was found, links to other libraries, and one analytics row (page 1; never awaited).
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly pinned: PinnedItemsService,
    private readonly didYouMean: DidYouMeanService,
    private readonly analytics: SearchAnalyticsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(req: SearchPoliciesReq & { recordQuery?: boolean }): Promise<SearchResponse> {
    const q = req.q || undefined;
    const filters: SearchFilters = {};
    for (const f of SEARCH_FILTER_FIELDS) if (req[f]) filters[f] = req[f];
    const ranked = await this.engine.search({
      q,
      filters,
      sort: req.sort,
      page: req.page,
      pageSize: req.pageSize,
      facetSize: PAGE_FACET_VALUES,
      regionPrior: true,
      homeRegion: this.config.SEARCH_HOME_REGION,
      ...QUESTION_SEARCH,
    });
    const items = ranked.items.map(toItem);
    if (!q) return { items, total: ranked.total, facets: ranked.facets };
    if (req.page === 1 && req.recordQuery !== false) this.analytics.recordSearch(q, ranked.total);
    // A filtered search shows ranked results only: a pinned document may not match the filter.
    const arranged = Object.keys(filters).length === 0 ? await this.pinned.arrange({ q, page: req.page, items }) : items;
    const pinned = arranged.some((item) => item.pinned);
    const didYouMean = req.page === 1 && !pinned ? await this.didYouMean.suggest({ q, filters, total: ranked.total }) : undefined;
    return {
      items: arranged,
      total: ranked.total,
      facets: ranked.facets,
      ...(didYouMean ? { didYouMean } : {}),
      externalLinks: externalLinks(this.config.SEARCH_EXTERNAL_LIBRARIES, q),
    };
  }

  /**
   * Unified search's policy part: ranked published documents with highlighted snippets, no facets,
   * best bets, corrections or analytics (the policy tab's own search has those).
   */
  async part(req: SearchPartReq): Promise<SearchPart> {
    const ranked = await this.engine.search({
      q: req.q,
      page: req.page,
      pageSize: req.pageSize,
      facets: false,
      regionPrior: true,
      homeRegion: this.config.SEARCH_HOME_REGION,
      ...QUESTION_SEARCH,
    });
    return toSearchPart('policy', { hits: ranked.items, total: ranked.total }, (hit) => ({
      id: hit.id,
      title: hit.title,
      snippet: hit.snippet,
      meta: [
        hit.docNumber,
        hit.agencies.join('、'),
        hit.publishDate ? `${hit.publishDate} 发布` : null,
        hit.validity === '有效' ? null : hit.validity,
      ]
        .filter(Boolean)
        .join(' · '),
    }));
  }

  suggest(q: string): Promise<Suggestion[]> {
    return this.engine.index.suggest(q, SUGGESTIONS);
  }
}

function toItem({ score: _score, ...item }: SearchHit): SearchItem {
  return item;
}
