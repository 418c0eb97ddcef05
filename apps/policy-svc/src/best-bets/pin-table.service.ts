import { Injectable, Logger } from '@nestjs/common';
import { BestBetRepository } from './best-bet.repository.js';
import { PinTable } from './pinned-results.js';

/** Other replicas' edits show up within this time; this replica's own edits at once. */
const REFRESH_MS = 30_000;

/**
 * The best bets as the search path reads them: in memory, reloaded in the background when older
 * than REFRESH_MS (searches never wait for it, except the very first), dropped on a local edit.
 */
@Injectable()
export class PinTableService {
  private readonly logger = new Logger(PinTableService.name);
  private table: PinTable | null = null;
  private loadedAt = 0;
  private generation = 0;
  private refreshing: { generation: number; done: Promise<void> } | null = null;

  constructor(private readonly bestBets: BestBetRepository) {}

  async pinnedFor(q: string): Promise<readonly string[]> {
    if (!this.table) await this.refresh();
    else if (Date.now() - this.loadedAt > REFRESH_MS) void this.refresh();
    return this.table?.pinnedFor(q) ?? [];
  }

  /** After a create/update/delete here: the next search reloads. */
  invalidate(): void {
    this.generation++;
    this.table = null;
  }

  /** One load at a time per generation; an edit meanwhile starts a fresh one. */
  private refresh(): Promise<void> {
    const generation = this.generation;
    if (this.refreshing?.generation !== generation) {
      const done = this.load(generation).finally(() => {
        if (this.refreshing?.done === done) this.refreshing = null;
      });
      this.refreshing = { generation, done };
    }
    return this.refreshing.done;
  }

  private async load(generation: number) {
    try {
      const table = new PinTable(await this.bestBets.allPins());
      // A load that started before an edit would bring back the old state.
      if (generation !== this.generation) return;
      this.table = table;
      this.loadedAt = Date.now();
    } catch (error) {
      // Search goes on without best bets rather than failing.
      this.logger.warn({ err: error }, 'best bets could not be loaded');
    }
  }
}
