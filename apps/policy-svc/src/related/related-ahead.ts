import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { APP_CONFIG, PeriodicTask } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';
import { RelatedRows } from './related-rows.js';
import { RelatedService } from './related.service.js';

type AheadConfig = Pick<AppConfig, 'RELATED_AHEAD_SETTLE_MS' | 'RELATED_AHEAD_LIMIT'>;

/**
 * Ranks every public document's related list ahead of its first visit, so that a first visit reads a held list
 * instead of ranking one (a title search, the candidates' stamps, scoring: most of a first visit's cost, ADR 0041).
 * Every RELATED_AHEAD_SETTLE_MS it reads the library's generation (RelatedService.generation); when it is the same as
 * at the previous check (nothing published, amended, indexed… in between), it ranks, one after another, the lists not
 * held against it. A pass stops as soon as the library changes and starts again once it has settled: while the
 * library keeps changing (an import, a test suite publishing), nothing is ranked ahead and lists are ranked on their
 * first visit as before. A list ranked ahead is the one a first visit would rank then (same code, same library).
 */
@Injectable()
export class RelatedAhead implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RelatedAhead.name);
  private readonly task: PeriodicTask | null;
  private readonly limit: number;
  /** the generation read at the previous check */
  private seen: string | null = null;
  private closing = false;

  constructor(
    private readonly lists: RelatedService,
    private readonly rows: RelatedRows,
    @Inject(APP_CONFIG) config: AheadConfig,
  ) {
    this.limit = config.RELATED_AHEAD_LIMIT;
    const everyMs = config.RELATED_AHEAD_SETTLE_MS;
    this.task = everyMs > 0 ? new PeriodicTask({ label: 'related lists ahead', everyMs, run: () => this.check() }) : null;
  }

  onApplicationBootstrap() {
    this.task?.start();
  }

  async onModuleDestroy() {
    this.closing = true; // a pass stops at its next list
    await this.task?.stop();
  }

  /** One check: ranks the lists not held against the library when it has not changed since the previous check. */
  async check(): Promise<number> {
    const generation = this.lists.generation();
    const settled = generation !== null && generation === this.seen;
    this.seen = generation;
    return settled ? this.pass(generation) : 0;
  }

  /** Ranks every held row's list not current, until the library changes; returns how many it ranked. */
  private async pass(generation: string): Promise<number> {
    const started = Date.now();
    let ranked = 0;
    for (const row of this.rows.heldRows()) {
      if (this.closing || this.lists.generation() !== generation) break;
      if (!(await this.lists.rankAhead(row, this.limit))) continue;
      ranked++;
      await nextTurn(); // visits and events are served between two rankings
    }
    if (ranked > 0)
      this.logger.log({ ranked, ms: Date.now() - started, complete: this.lists.generation() === generation }, 'related lists ranked ahead');
    return ranked;
  }
}
