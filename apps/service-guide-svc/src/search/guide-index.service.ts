import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { EmbeddedSearchIndex, closeSearchEngine, openSearchEngine, type SearchIndex } from '@govdisc/search-index';
import { APP_CONFIG, ChangeFeed, PeriodicTask, ReadinessRegistry } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import type { GuideBundle, GuideMatter } from '../generated/prisma/client.js';
import { GuideSearchRepository } from './guide-search.repository.js';
import { type MatterRef, bundleDocId, bundleDocument, matterDocId, matterDocument } from './guide-documents.js';

const PAGE = 500;
type BundleRow = GuideBundle & { id: string };

/**
 * The search read model of published service matters and 一件事 bundles (unified search's guide and
 * bundle parts): the same engines and Chinese analysis as policy search, OpenSearch under its own
 * alias when OPENSEARCH_URL is set, else in-process. Filled from the database at start, then kept
 * current by polling the rows changed since the last pass (matters first, so a bundle finds the names
 * of its matters; a bundle indexed before one of its matters was published or renamed is indexed again). Only published rows are in it, with their published fields: a draft or a pending
 * edit is never found. Every replica converges on its own; upserts carry the row's update time as
 * their version, so a replica that is behind never overwrites newer text in a shared OpenSearch index.
 */
@Injectable()
export class GuideIndexService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GuideIndexService.name);
  private current: SearchIndex | null = null;
  private poller: PeriodicTask | undefined;
  private ready = false;
  /** published matters' names by code: a bundle's body lists them */
  private readonly matterRefs = new Map<string, MatterRef>();
  /** published bundles by code: re-indexed when one of their matters is renamed */
  private readonly bundleRows = new Map<string, GuideBundle>();
  private readonly matters: ChangeFeed<GuideMatter>;
  private readonly bundles: ChangeFeed<BundleRow>;

  constructor(
    private readonly repository: GuideSearchRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    readiness: ReadinessRegistry,
  ) {
    this.matters = new ChangeFeed({
      pageSize: PAGE,
      read: (since, take) => repository.mattersChangedSince(since, take),
      apply: (rows) => this.applyMatters(rows),
    });
    this.bundles = new ChangeFeed({
      pageSize: PAGE,
      read: (since, take) => repository.bundlesChangedSince(since, take),
      apply: (rows) => this.applyBundles(rows),
    });
    readiness.register('guide-index', async () => {
      if (!this.ready) throw new Error('guide search index still building');
    });
  }

  get index(): SearchIndex {
    if (!this.current) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE);
    return this.current;
  }

  async onApplicationBootstrap() {
    const started = Date.now();
    const opened = await openSearchEngine({
      opensearchUrl: this.config.OPENSEARCH_URL,
      alias: this.config.GUIDE_INDEX_ALIAS,
      embedded: () => new EmbeddedSearchIndex(),
    });
    if (opened.needsRebuild)
      this.logger.warn({ alias: this.config.GUIDE_INDEX_ALIAS }, 'guide index was built by another analyzer version: refilling');
    this.current = opened.index;
    await this.refresh();
    this.ready = true;
    this.logger.log({ engine: opened.kind, documents: await this.index.count(), ms: Date.now() - started }, 'guide search index built');
    this.poller = new PeriodicTask({
      label: 'guide index refresh',
      everyMs: this.config.GUIDE_INDEX_REFRESH_MS,
      run: () => this.refresh(),
    });
    this.poller.start();
  }

  async onModuleDestroy() {
    await this.poller?.stop().catch(() => undefined);
    await this.matters.settled();
    await this.bundles.settled();
    await closeSearchEngine(this.current);
  }

  /** Applies every matter, then every bundle, changed since the last pass. */
  async refresh(): Promise<void> {
    await this.matters.pull();
    await this.bundles.pull();
  }

  private async applyMatters(rows: GuideMatter[]): Promise<void> {
    const published = rows.filter((m) => m.status === 'PUBLISHED');
    const renamed = new Set(published.filter((m) => this.matterRefs.get(m.code)?.name !== m.name).map((m) => m.code));
    for (const m of published) this.matterRefs.set(m.code, { name: m.name, at: m.updatedAt.getTime() });
    await this.index.upsert(published.map(matterDocument));
    await this.index.deleteMany(rows.filter((m) => m.status !== 'PUBLISHED').map((m) => matterDocId(m.code)));
    // bundles listing a matter published or renamed since they were indexed
    const stale = [...this.bundleRows.values()].filter((b) => b.matterCodes.some((c) => renamed.has(c)));
    if (stale.length > 0) await this.index.upsert(stale.map((b) => bundleDocument(b, this.matterRefs)));
  }

  private async applyBundles(rows: BundleRow[]): Promise<void> {
    const published = rows.filter((b) => b.status === 'PUBLISHED');
    // the names as the database holds them now (a matter published after the last matter pass included):
    // the document's version is then the latest update it reflects, and any later change is newer
    const codes = [...new Set(published.flatMap((b) => b.matterCodes))];
    for (const m of await this.repository.publishedMatters(codes)) this.matterRefs.set(m.code, { name: m.name, at: m.updatedAt.getTime() });
    for (const b of rows) {
      if (b.status === 'PUBLISHED') this.bundleRows.set(b.code, b);
      else this.bundleRows.delete(b.code);
    }
    await this.index.upsert(published.map((b) => bundleDocument(b, this.matterRefs)));
    await this.index.deleteMany(rows.filter((b) => b.status !== 'PUBLISHED').map((b) => bundleDocId(b.code)));
  }
}
