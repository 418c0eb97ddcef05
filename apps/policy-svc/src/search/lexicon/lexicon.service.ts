import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DocumentRepository } from '../../document/document.repository.js';
import { type LexiconSource, SearchLexicon } from './search-lexicon.js';

const PAGE = 500;

/**
 * This process's copy of the library vocabulary. Filled from the database at start (titles and
 * keywords only, no bodies) without holding up readiness: until then, did-you-mean simply offers
 * nothing. Kept current by the search projection, which hands over every document it indexes.
 */
@Injectable()
export class LexiconService implements OnApplicationBootstrap {
  private readonly logger = new Logger(LexiconService.name);
  readonly lexicon = new SearchLexicon();
  /** resolves once the initial load finished (tests wait on it) */
  loaded: Promise<void> = Promise.resolve();
  /** the initial load finished: the lexicon is the library's (related lists ranked ahead wait for it) */
  complete = false;

  constructor(private readonly documents: DocumentRepository) {}

  onApplicationBootstrap() {
    this.loaded = this.loadAll().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'search lexicon not loaded; did-you-mean stays empty'),
    );
  }

  /** A document as the projection indexed it; drafts are not searchable, so not in the lexicon. */
  apply(doc: LexiconSource & { status: string }): void {
    if (doc.status === 'DRAFT') this.lexicon.remove(doc.id);
    else this.lexicon.upsert(doc);
  }

  private async loadAll() {
    const started = Date.now();
    let after: string | null = null;
    for (;;) {
      const page = await this.documents.lexiconPage(after, PAGE);
      // Versions make this safe against events applied meanwhile: the newer state wins.
      for (const row of page) this.lexicon.upsert(row);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
    this.complete = true;
    this.logger.log({ documents: this.lexicon.documents, ms: Date.now() - started }, 'search lexicon loaded');
  }
}
