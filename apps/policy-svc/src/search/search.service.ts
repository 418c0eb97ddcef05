import { Injectable } from '@nestjs/common';
import { SEARCH_FILTER_FIELDS, type SearchPoliciesReq } from '@govdisc/contracts';
import type { SearchFilters, SearchResult, Suggestion } from '@govdisc/search-index';
import { SearchEngine } from './search-engine.js';

const SUGGESTIONS = 10;

/** Reads the search model: filters from the request, exact 发文字号 hits first, then ranked results. */
@Injectable()
export class SearchService {
  constructor(private readonly engine: SearchEngine) {}

  search(req: SearchPoliciesReq): Promise<SearchResult> {
    const filters: SearchFilters = {};
    for (const f of SEARCH_FILTER_FIELDS) if (req[f]) filters[f] = req[f];
    return this.engine.index.search({ q: req.q || undefined, filters, sort: req.sort, page: req.page, pageSize: req.pageSize });
  }

  suggest(q: string): Promise<Suggestion[]> {
    return this.engine.index.suggest(q, SUGGESTIONS);
  }
}
