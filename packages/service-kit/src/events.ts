import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { BusNaming, DurableConsumer, OutboxRelay, type TransactionalSql } from '@govdisc/messaging';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { NATS_CONNECTION } from './tokens.js';
import { CORRELATION_HEADER, runWithCorrelation, sanitizeCorrelationId } from './correlation.js';
import { eventsHandled, outboxPublished } from './metrics.js';
import { ParkedList, registerBackgroundQueue } from './background-queues.js';
import { ROOT_LOGGER } from './service-kit.module.js';

/** Token under which an app provides its Prisma client for the outbox relay. */
export const OUTBOX_DB = Symbol('OUTBOX_DB');

/** Runs the outbox relay for the app's lifetime. */
@Injectable()
export class OutboxRelayHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(
    @Inject(OUTBOX_DB) db: TransactionalSql,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    naming: BusNaming,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.relay = new OutboxRelay({
      db,
      nc,
      naming,
      logger: logger.child({ context: 'OutboxRelay' }),
      onPublished: (n) => outboxPublished.inc(n),
      onParked: (row, error) => this.parked.add(error, { eventId: row.id, type: row.type }),
    });
  }

  private readonly parked = new ParkedList();
  private unregister: (() => void) | undefined;

  onApplicationBootstrap() {
    this.relay.start();
    this.unregister = registerBackgroundQueue({
      snapshot: async () => ({
        queue: 'outbox',
        kind: 'outbox',
        pending: await this.relay.pendingCount(),
        parkedTotal: await this.relay.parkedCount(),
        parked: this.parked.list(),
      }),
    });
  }

  async beforeApplicationShutdown() {
    this.unregister?.();
    await this.relay.stop();
  }
}

/** What every consumer needs from the bus, injected as one piece so subclasses stay short. */
@Injectable()
export class ConsumerDeps {
  constructor(
    @Inject(NATS_CONNECTION) readonly nc: NatsConnection,
    readonly naming: BusNaming,
    @Inject(ROOT_LOGGER) readonly logger: Logger,
  ) {}
}

/** Base for an app's JetStream consumer: subclasses name the consumer and handle one raw message. */
export abstract class EventConsumerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: DurableConsumer | undefined;
  protected abstract readonly consumerName: string;
  protected abstract handle(raw: unknown, msg: JsMsg): Promise<boolean>;
  private readonly nc: NatsConnection;
  private readonly naming: BusNaming;
  private readonly logger: Logger;

  constructor(deps: ConsumerDeps) {
    this.nc = deps.nc;
    this.naming = deps.naming;
    this.logger = deps.logger;
  }

  async onApplicationBootstrap() {
    this.consumer = new DurableConsumer({
      nc: this.nc,
      naming: this.naming,
      name: this.consumerName,
      logger: this.logger.child({ context: this.consumerName }),
      handle: (raw, msg) => this.handle(raw, msg),
      wrap: (msg, fn) => runWithCorrelation(sanitizeCorrelationId(msg.headers?.get(CORRELATION_HEADER)), fn),
      onOutcome: (outcome) => eventsHandled.inc({ consumer: this.consumerName, outcome }),
      onDeadLetter: (msg, error) => this.deadLetters.add(error, { subject: msg.subject, seq: msg.seq }),
    });
    await this.consumer.start();
    const consumer = this.consumer;
    this.unregister = registerBackgroundQueue({
      snapshot: async () => ({
        queue: this.consumerName,
        kind: 'consumer',
        pending: await consumer.pendingCount(),
        parkedTotal: this.deadLetters.total,
        parked: this.deadLetters.list(),
        deadLetters: await consumer.deadLetterCount(),
      }),
    });
  }

  private readonly deadLetters = new ParkedList();
  private unregister: (() => void) | undefined;

  /** Stops before the database disconnects, so no message is half-handled. */
  async onModuleDestroy() {
    this.unregister?.();
    await this.consumer?.stop();
  }
}
