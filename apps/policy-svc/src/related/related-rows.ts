import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, PeriodicTask } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import {
  type CandidateStamp,
  DocumentRepository,
  type RelatedRow,
  type RelatedSource,
  type RelatedSourceRow,
} from '../document/document.repository.js';
import { stampKey } from '../document/document.service.js';
import { titleTerms } from '../search/lexicon/search-lexicon.js';
import { CandidateIndex } from './candidate-index.js';
import { type RelatableIds, TermIds } from './related-scoring.js';

/** A document's row as related lists rank and show it: title terms segmented and every term interned once. */
export type HeldRow = RelatedRow & { titleTerms: string[]; termIds: RelatableIds };

/** Rows held (a library of 3,579 documents holds ~3,600, a few MB). */
const HELD_ROWS = 20_000;
const PAGE = 500;
/**
 * A row's updated_at is set before its transaction commits (now() is the transaction's start, Prisma's @updatedAt
 * the writer's clock): each poll reads again the rows changed this long before the previous poll started.
 */
const POLL_OVERLAP_MS = 60_000;

/**
 * The rows related lists are ranked from, held per document while its stamp is unchanged (every write to a document
 * changes its stamp, ADR 0015): a first visit reads its ~200 candidates' ids and stamps and only the rows not held at
 * that stamp, so a list is ranked from exactly the rows the table holds. Every non-draft row is read at start (without
 * holding up readiness) and kept current by a poll of the rows changed since (RELATED_ROWS_POLL_MS, drafts included
 * so one turned draft is dropped): candidates are then chosen from the held rows, without a query (ADR 0038).
 */
@Injectable()
export class RelatedRows implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RelatedRows.name);
  /** The interner of every held row's terms and of the sources ranked against them. */
  readonly termIds = new TermIds();
  private readonly held = new Map<string, { stamp: string; row: HeldRow }>();
  private readonly candidates = new CandidateIndex();
  private readonly task: PeriodicTask;
  private filled = false;
  /** a row was dropped for room: the held rows are not the whole library any more */
  private overflowed = false;
  /** the database's clock when the last fill or poll started */
  private since: Date | null = null;
  private polls: Promise<void> = Promise.resolve();
  /** DocumentRepository.publicWriteCount when the last poll started */
  private polledWrites = 0;
  /** resolves once the initial fill finished or failed (tests wait on it) */
  loaded: Promise<void> = Promise.resolve();
  /** Counts the changes to the held rows (a row held at a new stamp, or dropped): lists ranked ahead compare it. */
  generation = 0;

  constructor(
    private readonly documents: DocumentRepository,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'RELATED_ROWS_POLL_MS'>,
  ) {
    this.task = new PeriodicTask({ label: 'related rows', everyMs: config.RELATED_ROWS_POLL_MS, run: () => this.refresh() });
  }

  onApplicationBootstrap() {
    this.task.start(); // its first run is the fill
  }

  onModuleDestroy() {
    return this.task.stop();
  }

  /** Every non-draft row is held and current as of the last poll: candidates can be chosen from them. */
  get complete(): boolean {
    return this.filled && !this.overflowed;
  }

  /**
   * The related candidates' ids as `DocumentRepository.relatedCandidates` chooses them from the table, chosen from
   * the held rows; null while they are not the whole library. Linked or title-matched documents not held yet
   * (published since the last poll) are read first.
   */
  async choose(source: RelatedSourceRow, extraIds: readonly string[], take: number): Promise<string[] | null> {
    if (!this.complete) return null;
    // this process's own writes are seen at once, other replicas' at the next poll
    if (this.documents.publicWriteCount !== this.polledWrites) await this.poll();
    const named = [...extraIds, source.amendedById, source.repealedById].filter((id): id is string => !!id);
    const unheld = named.filter((id) => !this.held.has(id));
    if (unheld.length > 0) for (const row of await this.documents.relatedRows(unheld)) this.apply(row);
    return this.complete ? this.candidates.choose(source, extraIds, take) : null;
  }

  /** The candidates' rows in their order; those not held at the candidate's stamp are read (one query). */
  async rows(candidates: readonly CandidateStamp[]): Promise<HeldRow[]> {
    const missing = candidates.filter((c) => this.held.get(c.id)?.stamp !== c.stamp).map((c) => c.id);
    if (missing.length > 0) {
      const read = await this.documents.relatedRows(missing);
      read.forEach((row) => this.hold(row)); // current (held even if a writer's clock moved its stamp back)
      const found = new Set(read.map((row) => row.id));
      missing.filter((id) => !found.has(id)).forEach((id) => this.drop(id)); // turned draft meanwhile: not kept
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

  /** Every held row (every non-draft document when complete), most recently held last. */
  heldRows(): HeldRow[] {
    return [...this.held.values()].map((h) => h.row);
  }

  /** Reads the rows changed since the previous poll (one after another: a poll asked for starts after the running one). */
  poll(): Promise<void> {
    this.polls = this.polls.catch(() => undefined).then(() => this.readChanges());
    return this.polls;
  }

  /** The fill until it succeeded, then polls; nothing once rows were dropped for room (the table's query is used). */
  private refresh(): Promise<void> {
    if (this.overflowed) return Promise.resolve();
    if (this.filled) return this.poll();
    this.loaded = this.fill().catch((error: unknown) => this.logger.warn({ err: error }, 'related rows not filled: tried again later'));
    return this.loaded;
  }

  private async readChanges() {
    if (!this.complete || !this.since) return;
    const writes = this.documents.publicWriteCount;
    const startedAt = await this.documents.databaseNow();
    const changed = await this.documents.relatedRowsChangedSince(new Date(this.since.getTime() - POLL_OVERLAP_MS));
    changed.forEach((row) => this.apply(row));
    this.since = startedAt;
    this.polledWrites = writes;
  }

  /** A row as read now: held (or dropped if it is a draft) unless the held one is newer (read meanwhile) or the same. */
  private apply(row: RelatedRow) {
    const held = this.held.get(row.id)?.row;
    if (held && !isNewer(row, held)) return;
    if (row.status === 'DRAFT') this.drop(row.id);
    else this.hold(row);
  }

  private hold(row: RelatedRow) {
    const before = this.held.get(row.id);
    this.generation++;
    // segmenting a title was a third of a cold ranking: an unchanged title keeps its terms
    const terms = before?.row.title === row.title ? before.row.titleTerms : titleTerms(row.title);
    this.held.delete(row.id);
    this.held.set(row.id, {
      stamp: stampKey(row),
      row: { ...row, titleTerms: terms, termIds: this.termIds.of({ ...row, titleTerms: terms }) },
    });
    this.candidates.put(row);
    if (this.held.size > HELD_ROWS) {
      this.drop(this.held.keys().next().value!);
      if (!this.overflowed) this.logger.warn({ rows: HELD_ROWS }, 'related rows dropped for room: candidates read from the table');
      this.overflowed = true;
    }
  }

  private drop(id: string) {
    if (this.held.has(id)) this.generation++;
    this.held.delete(id);
    this.candidates.remove(id);
  }

  private async fill() {
    const started = Date.now();
    this.since = await this.documents.databaseNow(); // the first poll reads what changed while the pages were read
    let after: string | null = null;
    for (;;) {
      const page = await this.documents.relatedRowsPage(after, PAGE);
      page.forEach((row) => this.apply(row)); // a row read since by rows() is as new
      if (page.length < PAGE || this.overflowed) break;
      after = page[page.length - 1]!.id;
    }
    this.filled = true;
    this.logger.log({ rows: this.held.size, ms: Date.now() - started }, 'related rows held');
  }
}

/** Whether `row` is a later state than `held`: every write bumps the version or moves updated_at (ADR 0015). */
function isNewer(row: RelatedRow, held: RelatedRow): boolean {
  const version = Number(row.version) - Number(held.version);
  return version > 0 || (version === 0 && new Date(row.updatedAt).getTime() > new Date(held.updatedAt).getTime());
}
