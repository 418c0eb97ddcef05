import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type CandidateStamp, DocumentRepository, type RelatedRow, type RelatedSource } from '../document/document.repository.js';
import { stampKey } from '../document/document.service.js';
import { titleTerms } from '../search/lexicon/search-lexicon.js';
import { type RelatableIds, TermIds } from './related-scoring.js';

/** A document's row as related lists rank and show it: title terms segmented and every term interned once. */
export type HeldRow = RelatedRow & { titleTerms: string[]; termIds: RelatableIds };

/** Rows held (a library of 3,579 documents holds ~3,600, a few MB). */
const HELD_ROWS = 20_000;
const PAGE = 500;

/**
 * The rows related lists are ranked from, held per document while its stamp is unchanged (every write to a document
 * changes its stamp, ADR 0015): a first visit reads its ~200 candidates' ids and stamps and only the rows not held at
 * that stamp, so a list is ranked from exactly the rows the table holds. Filled at start without holding up readiness.
 */
@Injectable()
export class RelatedRows implements OnApplicationBootstrap {
  private readonly logger = new Logger(RelatedRows.name);
  /** The interner of every held row's terms and of the sources ranked against them. */
  readonly termIds = new TermIds();
  private readonly held = new Map<string, { stamp: string; row: HeldRow }>();
  /** resolves once the initial fill finished (tests wait on it) */
  loaded: Promise<void> = Promise.resolve();

  constructor(private readonly documents: DocumentRepository) {}

  onApplicationBootstrap() {
    this.loaded = this.fill().catch((error: unknown) => this.logger.warn({ err: error }, 'related rows not filled: read on first use'));
  }

  /** The candidates' rows in their order; those not held at the candidate's stamp are read (one query). */
  async rows(candidates: readonly CandidateStamp[]): Promise<HeldRow[]> {
    const missing = candidates.filter((c) => this.held.get(c.id)?.stamp !== c.stamp).map((c) => c.id);
    if (missing.length > 0) {
      missing.forEach((id) => this.held.delete(id)); // a row turned draft meanwhile is not read again, nor kept
      for (const row of await this.documents.relatedRows(missing)) this.hold(row);
    }
    return candidates.flatMap((c) => {
      const held = this.held.get(c.id);
      return held ? [held.row] : [];
    });
  }

  /** The source's title terms and term ids (those of its held row when the stamp is the same). */
  relatable<T extends RelatedSource>(source: T): T & { titleTerms: string[]; termIds: RelatableIds } {
    const held = this.held.get(source.id);
    if (held?.stamp === stampKey(source)) return { ...source, titleTerms: held.row.titleTerms, termIds: held.row.termIds };
    const terms = titleTerms(source.title);
    return { ...source, titleTerms: terms, termIds: this.termIds.of({ ...source, titleTerms: terms }) };
  }

  get size(): number {
    return this.held.size;
  }

  private hold(row: RelatedRow) {
    const before = this.held.get(row.id);
    // segmenting a title was a third of a cold ranking: an unchanged title keeps its terms
    const terms = before?.row.title === row.title ? before.row.titleTerms : titleTerms(row.title);
    this.held.delete(row.id);
    this.held.set(row.id, {
      stamp: stampKey(row),
      row: { ...row, titleTerms: terms, termIds: this.termIds.of({ ...row, titleTerms: terms }) },
    });
    if (this.held.size > HELD_ROWS) this.held.delete(this.held.keys().next().value!);
  }

  private async fill() {
    const started = Date.now();
    let after: string | null = null;
    for (;;) {
      const page = await this.documents.relatedRowsPage(after, PAGE);
      for (const row of page) if (!this.held.has(row.id)) this.hold(row); // a row read since by rows() is as new
      if (page.length < PAGE || this.held.size >= HELD_ROWS) break;
      after = page[page.length - 1]!.id;
    }
    this.logger.log({ rows: this.held.size, ms: Date.now() - started }, 'related rows held');
  }
}
