import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { EmbeddedSearchIndex, engineKind, openSearchEngine, type SearchIndex } from '@govdisc/search-index';
import { POLICY_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { type ProjectionPosition, SnapshotStore, databaseIdentity } from './snapshot-store.js';

/**
 * Holds this process's search index: OpenSearch when OPENSEARCH_URL is set, else the embedded engine
 * loaded from its snapshot (no re-segmentation on restart) and saved again, debounced, after changes.
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

  constructor(@Inject(POLICY_CONFIG) private readonly config: AppConfig) {}

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
      embedded: async () => {
        this.store = new SnapshotStore(c.SEARCH_DATA_DIR, databaseIdentity(c.DATABASE_URL, c.DB_SCHEMA, c.NATS_SUBJECT_PREFIX));
        const loaded = await this.store.load();
        this.position = loaded?.position ?? null;
        return loaded?.index ?? new EmbeddedSearchIndex();
      },
    });
    this.current = opened.index;
    if (opened.needsRebuild) {
      this.logger.warn({ alias: c.OPENSEARCH_ALIAS }, 'search index was built by another analyzer version: replaced, rebuilding from the database');
      this.needsRebuild = true;
    } else if (opened.empty) {
      // A new index is filled from the database in seconds; replaying the whole event history would take far longer.
      this.logger.log({ alias: c.OPENSEARCH_ALIAS }, 'new OpenSearch index: filling it from the database');
      this.needsRebuild = true;
    }
    if (opened.kind === 'embedded') {
      this.logger.log({ dir: this.store!.dir, docs: await opened.index.count(), resumeAt: this.position?.seq ?? 0 }, 'embedded search index opened');
    }
    return this.position;
  }

  get index(): SearchIndex {
    if (!this.current) throw new DomainError(ErrorCode.POLICY_SEARCH_NOT_READY);
    return this.current;
  }

  /** Replaces the index after a rebuild. */
  swap(next: SearchIndex): void {
    this.current = next;
    this.changed();
  }

  /** Marks the index changed; the snapshot is written once changes pause (embedded engine only). */
  changed(): void {
    if (!this.store) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), this.config.SEARCH_SNAPSHOT_DEBOUNCE_MS);
    this.saveTimer.unref();
  }

  async saveNow(): Promise<void> {
    const { store, current } = this;
    if (!store || !(current instanceof EmbeddedSearchIndex)) return;
    clearTimeout(this.saveTimer);
    const position = this.position;
    this.saving = this.saving
      .then(() => store.save(current, position))
      .catch((error) => this.logger.warn({ err: error }, 'saving the search snapshot failed; will retry on the next change'));
    await this.saving;
  }

  async onModuleDestroy() {
    await this.saveNow();
  }
}
