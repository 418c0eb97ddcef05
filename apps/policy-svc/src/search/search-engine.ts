import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, GenerationCache } from '@govdisc/service-kit';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import {
  DAY_MS,
  EmbeddedSearchIndex,
  OpenSearchSearchIndex,
  engineKind,
  openSearchEngine,
  type SearchIndex,
  type SearchRequest,
  type SearchResult,
} from '@govdisc/search-index';
import type { AppConfig } from '../config/env.js';
import { type ProjectionPosition, SnapshotStore, databaseIdentity } from './snapshot-store.js';

/** Where the projection's stream position is kept in an OpenSearch index (its mapping's _meta). */
const POSITION_META_KEY = 'projectionPosition';
/**
 * OpenSearch shows a write to searches only after its next refresh (every 1 s, `refresh: false` below): a page
 * searched this soon after a change may not show it yet, so it is not held (5 s: room for a refresh on a busy node).
 */
export const OPENSEARCH_VISIBLE_AFTER_MS = 5_000;

/**
 * Holds this process's search index: OpenSearch when OPENSEARCH_URL is set, else the embedded engine
 * loaded from its snapshot (no re-segmentation on restart) and saved again, debounced, after changes.
 * The stream position the index reflects is saved with it (the snapshot's position file, or the
 * OpenSearch index's _meta), so a restart resumes from there instead of refilling from the database.
 * On OpenSearch, replicas share the index and each saves how far it got: any saved position is one
 * whose events some replica had applied to that index, and replaying later ones changes nothing.
 */
@Injectable()
export class SearchEngine implements OnModuleDestroy {
  private readonly logger = new Logger(SearchEngine.name);
  private current: SearchIndex | null = null;
  private store: SnapshotStore | null = null;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** the last stream position whose effect is in the index */
  position: ProjectionPosition | null = null;
  /** set when open() found nothing usable and the index must be refilled from the database */
  needsRebuild = false;
  /** Counts the changes to the index (and the lexicon the projection updates with it): lists ranked ahead compare it. */
  generation = 0;
  /** When the index last changed (Date.now()). */
  private changedAt = 0;
  /** Result pages by request, until the index changes (ADR 0043). */
  private readonly pages: GenerationCache<SearchResult>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.pages = new GenerationCache({ maxEntries: config.SEARCH_CACHE_SIZE, ttlMs: config.SEARCH_CACHE_TTL_MS });
  }

  get kind(): 'embedded' | 'opensearch' {
    return engineKind(this.config.OPENSEARCH_URL);
  }

  /** Opens the engine; returns the position to resume the projection from (null = from the start). */
  async open(): Promise<ProjectionPosition | null> {
    const c = this.config;
    const opened = await openSearchEngine({
      opensearchUrl: c.OPENSEARCH_URL,
      alias: c.OPENSEARCH_ALIAS,
      // Near-real-time like OpenSearch's own default (searchable within its 1 s refresh): waiting for a
      // refresh on every event made a replay of the event history crawl at about one event a second.
      refresh: false,
      pageRowsMb: c.OPENSEARCH_PAGE_ROWS_MB,
      embedded: async () => {
        this.store = new SnapshotStore(c.SEARCH_DATA_DIR, databaseIdentity(c.DATABASE_URL, c.DB_SCHEMA, c.NATS_SUBJECT_PREFIX));
        const loaded = await this.store.load();
        this.position = loaded?.position ?? null;
        return loaded?.index ?? new EmbeddedSearchIndex();
      },
    });
    this.current = opened.index;
    if (opened.needsRebuild) {
      this.logger.warn(
        { alias: c.OPENSEARCH_ALIAS },
        'search index was built by another analyzer version: replaced, rebuilding from the database',
      );
      this.needsRebuild = true;
    } else if (opened.empty) {
      // A new index is filled from the database in seconds; replaying the whole event history would take far longer.
      this.logger.log({ alias: c.OPENSEARCH_ALIAS }, 'new OpenSearch index: filling it from the database');
      this.needsRebuild = true;
    }
    if (opened.kind === 'opensearch' && !this.needsRebuild) this.position = parsePosition(await opened.index.readMeta(POSITION_META_KEY));
    if (opened.kind === 'embedded') {
      this.logger.log(
        { dir: this.store!.dir, docs: await opened.index.count(), resumeAt: this.position?.seq ?? 0 },
        'embedded search index opened',
      );
    }
    return this.position;
  }

  /** Whether the index is open (until then, index throws POLICY_SEARCH_NOT_READY). */
  get ready(): boolean {
    return this.current !== null;
  }

  get index(): SearchIndex {
    if (!this.current) throw new DomainError(ErrorCode.POLICY_SEARCH_NOT_READY);
    return this.current;
  }

  /**
   * A result page, held until the index changes: people repeat the same searches, and ranking one costs about half
   * a millisecond of CPU on the embedded engine and several on OpenSearch. The page is exactly what the index would
   * answer now: any change empties the held pages, and the day is part of the key (the recency prior counts days).
   */
  async search(request: SearchRequest): Promise<SearchResult> {
    const index = this.index;
    if (!this.pages.enabled || request.now) return index.search(request);
    const generation = this.generation;
    const startedAt = Date.now();
    const key = `${Math.floor(startedAt / DAY_MS)}\u0000${JSON.stringify(request)}`;
    const held = this.pages.get(key, generation);
    if (held) return held;
    const page = await index.search(request);
    const visible = this.kind === 'embedded' || startedAt - this.changedAt >= OPENSEARCH_VISIBLE_AFTER_MS;
    if (visible && index === this.current) this.pages.set(key, generation, page);
    return page;
  }

  /** Replaces the index after a rebuild. */
  swap(next: SearchIndex): void {
    this.current = next;
    this.changed();
  }

  /** Marks the index changed; the snapshot (or the OpenSearch position) is written once changes pause. */
  changed(): void {
    this.generation++;
    this.changedAt = Date.now();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), this.config.SEARCH_SNAPSHOT_DEBOUNCE_MS);
    this.saveTimer.unref();
  }

  async saveNow(): Promise<void> {
    const { store, current } = this;
    clearTimeout(this.saveTimer);
    const position = this.position;
    const save =
      current instanceof OpenSearchSearchIndex
        ? () => (position ? current.writeMeta(POSITION_META_KEY, position) : Promise.resolve())
        : store && current instanceof EmbeddedSearchIndex
          ? () => store.save(current, position)
          : null;
    if (!save) return;
    this.saving = this.saving
      .then(save)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'saving the search snapshot failed; will retry on the next change'));
    await this.saving;
  }

  async onModuleDestroy() {
    await this.saveNow();
  }
}

function parsePosition(value: unknown): ProjectionPosition | null {
  const p = value as Partial<ProjectionPosition> | null;
  return p && typeof p.stream === 'string' && typeof p.streamCreated === 'string' && Number.isInteger(p.seq)
    ? (p as ProjectionPosition)
    : null;
}
