import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from '@govdisc/service-kit';
import pLimit from 'p-limit';
import { QaIndexService } from './qa-index.service.js';
import { RELATED_TTL_MS, RelatedLookup, type RelatedSource } from './related-lookup.js';

/** How often the index is checked for new or changed pairs. */
const CHECK_MS = 2_000;
/** Every pair's related items are looked up again this often, well inside their time to live. */
const REFRESH_MS = RELATED_TTL_MS / 2;
/** Lookups in flight at once: background work, kept small next to the asks. */
const CONCURRENCY = 2;
/** After a failed round (a service is away), the wait before the next one. */
const RETRY_MS = 60_000;

/**
 * Keeps the related policies and service guides of every public pair in RelatedLookup's cache, so
 * no ask waits on policy-svc or service-guide-svc (a cold lookup added tens of milliseconds under
 * load): new and changed pairs are looked up as the index picks them up, and all of them again
 * every REFRESH_MS before their entries expire. A round stops at the first failed lookup (a
 * service is away) and the next one starts RETRY_MS later; asks meanwhile look up as before.
 */
@Injectable()
export class RelatedPrefetch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RelatedPrefetch.name);
  /** pair id → the version whose related items are cached */
  private readonly warmed = new Map<string, number>();
  private seenGeneration = -1;
  private lastFullRound = Date.now();
  private retryAt = 0;
  private readonly task = new PeriodicTask({ label: 'related items prefetch', everyMs: CHECK_MS, run: () => this.check() });
  private round: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly qaIndex: QaIndexService,
    private readonly related: RelatedLookup,
  ) {}

  onApplicationBootstrap() {
    this.task.start();
  }

  /** Starts a round when the index changed or a refresh is due (one round at a time); resolves when it ends. */
  check(now = Date.now()): Promise<void> {
    if (this.round) return this.round;
    if (now < this.retryAt) return Promise.resolve();
    const refresh = now - this.lastFullRound >= REFRESH_MS;
    if (!refresh && this.qaIndex.generation === this.seenGeneration) return Promise.resolve();
    const generation = this.qaIndex.generation;
    const pairs = [...this.qaIndex.publicPairs()].filter((p) => refresh || this.warmed.get(p.id) !== p.version);
    this.round = this.warm(pairs, refresh)
      .then((complete) => {
        if (!complete) {
          this.retryAt = now + RETRY_MS;
          return;
        }
        this.seenGeneration = generation;
        if (refresh) this.lastFullRound = now;
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'related items prefetch failed'))
      .finally(() => {
        this.round = null;
      });
    return this.round;
  }

  private async warm(pairs: RelatedSource[], refresh: boolean): Promise<boolean> {
    const limit = pLimit(CONCURRENCY);
    let complete = true;
    await Promise.all(
      pairs.map((pair) =>
        limit(async () => {
          if (!complete || this.stopped) return;
          if (await this.related.prefetch(pair, { refresh })) this.warmed.set(pair.id, pair.version);
          else complete = false;
        }),
      ),
    );
    if (pairs.length > 0 && complete) this.logger.log({ pairs: pairs.length, refresh }, 'related items prefetched');
    return complete && !this.stopped;
  }

  async onModuleDestroy() {
    this.stopped = true;
    await this.task.stop();
    await this.round;
  }
}
