import { Injectable, Logger } from '@nestjs/common';
import { documentAmended, documentExpired, documentPublished, documentRepealed } from '@govdisc/contracts';
import { EmbeddedSearchIndex, OpenSearchSearchIndex } from '@govdisc/search-index';
import { DocumentRepository } from '../document/document.repository.js';
import { LexiconService } from './lexicon/lexicon.service.js';
import { SearchEngine } from './search-engine.js';
import { toSearchDocument } from './to-search-document.js';

const EVENTS = [documentPublished, documentAmended, documentRepealed, documentExpired];
const REBUILD_PAGE = 200;

/** Applies document events to the search index, and rebuilds it from the database. */
@Injectable()
export class SearchProjectionService {
  private readonly logger = new Logger(SearchProjectionService.name);

  constructor(
    private readonly documents: DocumentRepository,
    private readonly engine: SearchEngine,
    private readonly lexicon: LexiconService,
  ) {}

  /**
   * Indexes the document the event is about, as the database holds it now (events carry no body);
   * the row's version keeps an older state from overwriting a newer one. Returns false when skipped.
   */
  async apply(raw: unknown, subject: string): Promise<boolean> {
    const contract = EVENTS.find((e) => subject.endsWith(e.type));
    if (!contract) return false;
    const { payload } = contract.parse(raw);
    const doc = await this.documents.findById(payload.documentId);
    if (!doc || doc.status === 'DRAFT') return false;
    const { applied } = await this.engine.index.upsert([toSearchDocument(doc)]);
    this.lexicon.apply(doc);
    return applied > 0;
  }

  /** Fills a new index from every non-draft document, then swaps it in (OpenSearch: alias swap). */
  async rebuild(): Promise<{ indexed: number; engine: string; ms: number }> {
    const started = Date.now();
    const current = this.engine.index;
    let indexed: number;
    if (current instanceof OpenSearchSearchIndex) {
      indexed = (await current.rebuild(this.allDocuments())).count;
    } else {
      const next = new EmbeddedSearchIndex();
      indexed = 0;
      for await (const doc of this.allDocuments()) indexed += next.upsertSync([doc]).applied;
      this.engine.swap(next);
      await this.engine.saveNow();
    }
    const ms = Date.now() - started;
    this.logger.log({ indexed, ms, engine: this.engine.kind }, 'search index rebuilt from the database');
    return { indexed, engine: this.engine.kind, ms };
  }

  private async *allDocuments() {
    let after: string | null = null;
    for (;;) {
      const page = await this.documents.searchablePage(after, REBUILD_PAGE);
      for (const doc of page) yield toSearchDocument(doc);
      if (page.length < REBUILD_PAGE) return;
      after = page[page.length - 1]!.id;
    }
  }
}
