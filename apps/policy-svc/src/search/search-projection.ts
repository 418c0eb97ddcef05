import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, perProcessConsumers } from '@govdisc/contracts';
import { BusNaming } from '@govdisc/messaging';
import { NATS_CONNECTION, isDependencyUnavailable } from '@govdisc/service-kit';
import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { SearchEngine } from './search-engine.js';
import type { ProjectionPosition } from './snapshot-store.js';
import { SearchProjectionService } from './search-projection.service.js';

export const SEARCH_PROJECTION = 'policy-svc__search-projection';

/**
 * Feeds the search index from policy.document.> events. A per-process ordered consumer, not a
 * shared durable one: with the embedded engine every replica holds its own index and must see every
 * event. It resumes after the stream sequence saved with the index (snapshot or OpenSearch _meta);
 * without one it fills the index from the database first and takes only later events. Replays are harmless: the index ignores
 * versions it already holds.
 */
@Injectable()
export class SearchProjectionConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SEARCH_PROJECTION);
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private closing = false;
  /** The longest wait between two attempts at an event that failed (the index away). */
  private readonly maxRetryDelayMs = 5_000;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly naming: BusNaming,
    private readonly engine: SearchEngine,
    private readonly projection: SearchProjectionService,
  ) {}

  async onApplicationBootstrap() {
    const saved = await this.engine.open();
    const spec = perProcessConsumers[SEARCH_PROJECTION];
    const stream = this.naming.stream(spec.stream);
    // Read before a rebuild: the rebuild reflects every event up to here, so only later ones are replayed.
    const info = await (await jetstreamManager(this.nc)).streams.info(stream);
    const resumed = resumeFrom(saved, stream, info.created, info.state.last_seq);
    // No usable position (first start, a new or purged stream, an index saved by no one) or an unusable index: the
    // database is the truth, and filling from it is faster and more complete than replaying history.
    const rebuild = this.engine.needsRebuild || resumed.position === null;
    if (rebuild) await this.projection.rebuild();
    const start = rebuild
      ? resumeFrom({ stream, streamCreated: info.created, seq: info.state.last_seq }, stream, info.created, info.state.last_seq)
      : resumed;
    this.engine.position = start.position;
    if (rebuild) this.engine.changed(); // the position the rebuild reached is saved with the index
    const consumer = await jetstream(this.nc).consumers.get(stream, {
      // One subject as a string: nats-server 2.9 (the packaged one) knows no filter_subjects list.
      filter_subjects: this.naming.subject(spec.filterSubject),
      ...(start.seq > 1
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: start.seq }
        : { deliver_policy: DeliverPolicy.All }),
    });
    this.messages = await consumer.consume();
    this.logger.log({ stream, fromSeq: start.seq }, 'search projection started');
    this.loop = this.run(this.messages, stream, info.created);
  }

  private async run(messages: ConsumerMessages, stream: string, streamCreated: string) {
    for await (const msg of messages) {
      let raw: unknown;
      try {
        raw = msg.json();
      } catch {
        raw = null;
      }
      await this.project(raw, msg.subject, msg.seq);
      this.engine.position = { stream, streamCreated, seq: msg.seq };
      this.engine.changed();
    }
  }

  /**
   * Applies one event, retrying with back-off while the index or the database is unreachable (the events behind it
   * wait, in order), so an index that was away catches up by itself when it is back instead of missing what happened
   * meanwhile. A malformed event is skipped at once, another failure after five attempts.
   */
  private async project(raw: unknown, subject: string, seq: number) {
    for (let attempt = 0; !this.closing; attempt++) {
      try {
        await this.projection.apply(raw, subject);
        return;
      } catch (error) {
        // Skipped: a malformed event, or one that keeps failing while the index answers (a poison document must not
        // hold the projection back forever). Retried for as long as the index or the database is unreachable.
        if (error instanceof DomainError || (!isDependencyUnavailable(error) && attempt >= 4))
          return void this.logger.warn({ seq, err: error }, 'event not projected');
        const retryInMs = Math.min(this.maxRetryDelayMs, 250 * 2 ** attempt);
        this.logger.warn({ seq, err: error, retryInMs }, 'event not projected yet; will retry');
        await new Promise((resolve) => setTimeout(resolve, retryInMs));
      }
    }
  }

  async onModuleDestroy() {
    this.closing = true;
    await this.messages?.close();
    await this.loop;
  }
}

/** Where to start: after the saved position, unless the stream is another one (new server, purged). */
export function resumeFrom(saved: ProjectionPosition | null, stream: string, created: string, lastSeq: number) {
  const same = saved && saved.stream === stream && saved.streamCreated === created && saved.seq <= lastSeq;
  return same ? { seq: saved.seq + 1, position: saved } : { seq: 1, position: null };
}
