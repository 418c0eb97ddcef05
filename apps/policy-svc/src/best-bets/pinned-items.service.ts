import { Injectable, Logger } from '@nestjs/common';
import type { PolicyValidity, z } from '@govdisc/contracts';
import { queryTokens, snippet } from '@govdisc/text-analysis';
import { DocumentRepository, type SearchRow } from '../document/document.repository.js';
import { PinTableService } from './pin-table.service.js';
import { type SearchItem, pinFirst, withoutPinned } from './pinned-results.js';
import { agenciesOf } from '../analysis/agencies.js';

const SNIPPET_CHARS = 120;

/** Puts a query's best bets in front of its ranked results (page 1) and out of later pages. */
@Injectable()
export class PinnedItemsService {
  private readonly logger = new Logger(PinnedItemsService.name);

  constructor(
    private readonly pins: PinTableService,
    private readonly documents: DocumentRepository,
  ) {}

  /** Best bets are an extra: if they cannot be read, the ranked results are shown as they are. */
  async arrange(input: { q: string; page: number; items: SearchItem[] }): Promise<SearchItem[]> {
    try {
      return await this.pinFor(input);
    } catch (error) {
      this.logger.warn({ err: error }, 'best bets skipped');
      return input.items;
    }
  }

  private async pinFor(input: { q: string; page: number; items: SearchItem[] }): Promise<SearchItem[]> {
    const pinnedIds = await this.pins.pinnedFor(input.q);
    if (pinnedIds.length === 0) return input.items;
    if (input.page > 1) return withoutPinned(input.items, pinnedIds);
    const onPage = new Set(input.items.map((i) => i.id));
    const missing = pinnedIds.filter((id) => !onPage.has(id));
    const terms = queryTokens(input.q);
    const rows = await this.documents.searchRows(missing);
    return pinFirst(pinnedIds, input.items, new Map(rows.map((row) => [row.id, toItem(row, terms)])));
  }
}

function toItem(row: SearchRow, terms: string[]): SearchItem {
  return {
    id: row.id,
    externalId: row.externalId,
    title: row.title,
    docNumber: row.docNumber,
    agencies: agenciesOf(row),
    publishDate: row.publishDate,
    validity: row.validity as z.infer<typeof PolicyValidity>,
    snippet: snippet(row.bodyHead, terms, { maxChars: SNIPPET_CHARS }),
  };
}
