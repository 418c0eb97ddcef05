import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode, shanghaiDate } from '@govdisc/contracts';
import {
  EmbeddedSearchIndex,
  closeSearchEngine,
  engineKind,
  openSearchEngine,
  type SearchDocument,
  type SearchIndex,
} from '@govdisc/search-index';
import { APP_CONFIG, ChangeFeed, PeriodicTask, ReadinessRegistry, changedSince } from '@govdisc/service-kit';
import { QuestionMatcher } from '@govdisc/text-analysis';
import type { AppConfig } from '../config/env.js';
import type { QaPair } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import type { PairWithCitations } from '../pair/pair.repository.js';
import { isPublic, mayBePublic } from '../pair/pair.service.js';

const PAGE = 1000;

/**
 * What answering reads, kept current by one polling loop: the search index of the public answers,
 * the question matcher over their questions and answers (IDF over the question corpus, synonyms, typos by sound)
 * and the public pairs themselves, so answering a question reads no database. The search index is in OpenSearch under its own alias when OPENSEARCH_URL is
 * set, else in-process. Filled from the database at start (5,000 pairs take a few seconds), then
 * kept current by polling rows changed since the last pass, so every replica converges on its own.
 * On OpenSearch the replicas share one index; upserts carry the pair's version, so a replica that
 * is behind never overwrites a newer answer.
 */
@Injectable()
export class QaIndexService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QaIndexService.name);
  private current: SearchIndex | null = null;
  private poller: PeriodicTask | undefined;
  private readonly feed = new ChangeFeed<PairWithCitations>({
    pageSize: PAGE,
    read: (since, take) =>
      this.prisma.qaPair.findMany({ ...changedSince(since), take, include: { citations: { orderBy: { position: 'asc' } } } }),
    apply: (rows) => this.apply(rows),
  });
  private ready = false;
  /**
   * pairs that are public or will be on a later day (effective dates are checked when read, so a
   * pair whose date comes is answered without any edit), with their citations in citation order
   */
  private readonly pairs = new Map<string, PairWithCitations>();
  readonly matcher = new QuestionMatcher();
  /** bumped by every pass that changed the public pairs (answer caches key on it) */
  private changes = 0;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    readiness: ReadinessRegistry,
  ) {
    readiness.register('qa-index', async () => {
      if (!this.ready) throw new Error('Q&A index still building');
    });
  }

  get kind() {
    return engineKind(this.config.OPENSEARCH_URL);
  }

  get index(): SearchIndex {
    if (!this.current) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE);
    return this.current;
  }

  async onApplicationBootstrap() {
    const started = Date.now();
    const opened = await openSearchEngine({
      opensearchUrl: this.config.OPENSEARCH_URL,
      alias: this.config.QA_INDEX_ALIAS,
      embedded: () => new EmbeddedSearchIndex(),
    });
    if (opened.needsRebuild)
      this.logger.warn(
        { alias: this.config.QA_INDEX_ALIAS },
        'Q&A index was built by another analyzer version: replaced, refilling from the database',
      );
    this.current = opened.index;
    await this.refresh();
    this.ready = true;
    this.logger.log(
      { engine: opened.kind, pairs: await this.index.count(), questions: this.matcher.size, ms: Date.now() - started },
      'Q&A index built',
    );
    this.poller = new PeriodicTask({ label: 'Q&A index refresh', everyMs: this.config.QA_INDEX_REFRESH_MS, run: () => this.refresh() });
    this.poller.start();
  }

  async onModuleDestroy() {
    await this.poller?.stop().catch(() => undefined);
    await this.feed.settled();
    await closeSearchEngine(this.current);
  }

  get generation(): number {
    return this.changes;
  }

  /** The pairs the public may see right now. */
  *publicPairs(): IterableIterator<PairWithCitations> {
    const today = shanghaiDate(); // once, not per pair: the prefetcher walks all of them every few seconds
    for (const pair of this.pairs.values()) if (isPublic(pair, today)) yield pair;
  }

  /** A pair the public may see right now (effective dates are checked at read time), or undefined. */
  publicPair(id: string): PairWithCitations | undefined {
    const pair = this.pairs.get(id);
    return pair && isPublic(pair) ? pair : undefined;
  }

  /** Applies every row changed since the last pass: public ones (now or from a later day) in, the others out. One pass at a time. */
  async refresh(): Promise<void> {
    await this.feed.pull();
  }

  private async apply(rows: PairWithCitations[]): Promise<void> {
    for (const r of rows) {
      if (mayBePublic(r)) {
        this.pairs.set(r.id, r);
        this.matcher.upsert(r.id, [r.question, ...r.alternatives], r.answer);
      } else {
        this.pairs.delete(r.id);
        this.matcher.remove(r.id);
      }
    }
    await this.index.upsert(rows.filter((r) => mayBePublic(r)).map(toSearchDocument));
    await this.index.deleteMany(rows.filter((r) => !mayBePublic(r)).map((r) => r.id));
    this.changes++;
  }
}

/** The question and its alternative phrasings are the title (weighted), the answer the body. */
export function toSearchDocument(pair: QaPair): SearchDocument {
  return {
    id: pair.id,
    externalId: pair.externalId,
    title: [pair.question, ...pair.alternatives].join('\n'),
    agencies: pair.ownerDepartment ? [pair.ownerDepartment] : [],
    topics: pair.topics,
    validity: '有效',
    publishDate: null,
    body: pair.answer,
    version: pair.version,
  };
}
