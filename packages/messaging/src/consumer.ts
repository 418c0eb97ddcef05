import { DEAD_LETTER_STREAM, DomainError, ErrorCode, deadLetterSubject } from '@govdisc/contracts';
import { jetstream, jetstreamManager, type ConsumerMessages, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { SpanKind, extractTraceContext, inSpan, markFailedWith, tracingEnabled } from '@govdisc/telemetry';
import type { BusNaming } from './naming.js';
import { ensureConsumer } from './streams.js';

export type EventOutcome = 'ack' | 'duplicate' | 'term' | 'nak' | 'dead-letter';

export interface DurableConsumerOptions {
  nc: NatsConnection;
  naming: BusNaming;
  /** Consumer name as declared in contracts, e.g. `notify-svc__policy-document-published`. */
  name: string;
  logger: Logger;
  /** Parses and handles one message; returns false for "already processed". Throw DomainError(MALFORMED_MESSAGE) to reject. */
  handle: (raw: unknown, msg: JsMsg) => Promise<boolean>;
  /** Runs each message inside the caller's context (e.g. correlation id from headers). */
  wrap?: <T>(msg: JsMsg, fn: () => Promise<T>) => Promise<T>;
  onOutcome?: (outcome: EventOutcome) => void;
  retryDelayMs?: (deliveryCount: number) => number;
  /** Called after a message was set aside (rejected, or failed its last allowed delivery) and copied to the dead letters. */
  onDeadLetter?: (msg: JsMsg, error: unknown) => void;
}

/**
 * A durable pull consumer with explicit acks: ack after the handler's transaction commits, `term`
 * for messages that fail validation (never retried), `nak` with back-off for transient errors. A
 * rejected message, and one still failing on its last allowed delivery, is copied to the
 * dead-letter subject first, so nothing is set aside without a trace.
 */
export class DurableConsumer {
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private info: (() => Promise<{ num_pending: number; num_ack_pending: number }>) | undefined;
  private jsm: JetStreamManager | undefined;

  constructor(private readonly opts: DurableConsumerOptions) {}

  async start(): Promise<void> {
    const { nc, naming, name } = this.opts;
    this.jsm = await jetstreamManager(nc);
    await ensureConsumer(this.jsm, naming, name);
    const spec = naming.consumerSpec(name);
    const consumer = await jetstream(nc).consumers.get(spec.stream, name);
    this.info = () => consumer.info();
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = this.run(this.messages, spec.maxDeliver);
  }

  /** Messages not yet handled: waiting in the stream plus delivered and not yet acked. */
  async pendingCount(): Promise<number> {
    if (!this.info) return 0;
    const info = await this.info();
    return info.num_pending + info.num_ack_pending;
  }

  /** Messages of this consumer waiting in the DEAD_LETTERS stream (set aside by any replica, since the stream began). */
  async deadLetterCount(): Promise<number> {
    if (!this.jsm) return 0;
    const subject = this.opts.naming.subject(deadLetterSubject(this.opts.name));
    const info = await this.jsm.streams.info(this.opts.naming.stream(DEAD_LETTER_STREAM), { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
  }

  /** Stops fetching, lets the message in hand finish, and leaves unacked ones for redelivery. */
  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  private async run(messages: ConsumerMessages, maxDeliver: number) {
    for await (const msg of messages) {
      const wrap = this.opts.wrap ?? ((_m, fn) => fn());
      const outcome = await wrap(msg, () => (tracingEnabled() ? this.processTraced(msg, maxDeliver) : this.process(msg, maxDeliver)));
      this.opts.onOutcome?.(outcome);
    }
  }

  /** Handles a message that carries a trace context in a consumer span of that trace (one without, as before). */
  private processTraced(msg: JsMsg, maxDeliver: number): Promise<EventOutcome> {
    const parent = extractTraceContext((key) => msg.headers?.get(key));
    const attributes = {
      'messaging.system': 'nats',
      'messaging.destination.name': msg.subject,
      'messaging.consumer.group.name': this.opts.name,
      'messaging.message.delivery_count': msg.info.deliveryCount,
    };
    return inSpan(`process ${msg.subject}`, { kind: SpanKind.CONSUMER, parent, childOnly: true, attributes }, async (span) => {
      const outcome = await this.process(msg, maxDeliver);
      if (outcome !== 'ack' && outcome !== 'duplicate') markFailedWith(span, outcome);
      return outcome;
    });
  }

  // term() carries no reason text: nats-server 2.9 does not understand "+TERM <reason>" and leaves the message pending.
  private async process(msg: JsMsg, maxDeliver: number): Promise<EventOutcome> {
    const { logger, name } = this.opts;
    const base = { consumer: name, subject: msg.subject, seq: msg.seq, delivery: msg.info.deliveryCount };
    let raw: unknown;
    try {
      raw = msg.json();
    } catch {
      await this.deadLetter(msg, new Error('body is not JSON'), base, 'rejected event: body is not JSON');
      return 'term';
    }
    try {
      const fresh = await this.opts.handle(raw, msg);
      msg.ack();
      if (!fresh) logger.info(base, 'duplicate event acknowledged without effect');
      return fresh ? 'ack' : 'duplicate';
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.MALFORMED_MESSAGE) {
        await this.deadLetter(msg, error, { ...base, details: error.details }, 'rejected event: failed contract validation');
        return 'term';
      }
      if (msg.info.deliveryCount >= maxDeliver) {
        await this.deadLetter(msg, error, { ...base, err: error }, 'event failed on its last delivery');
        return 'dead-letter';
      }
      const delay = this.opts.retryDelayMs?.(msg.info.deliveryCount) ?? Math.min(30_000, 500 * 2 ** msg.info.deliveryCount);
      logger.warn({ ...base, err: error, retryInMs: delay }, 'event handling failed; will retry');
      msg.nak(delay);
      return 'nak';
    }
  }

  /**
   * Sets a message aside: a rejected one (not JSON, fails its contract) at once, a failing one on
   * its last delivery. The copy is published through JetStream and confirmed before the original is
   * terminated, so every set-aside message can be inspected in DEAD_LETTERS; if the copy fails, the
   * log line says so.
   */
  private async deadLetter(msg: JsMsg, error: unknown, fields: Record<string, unknown>, why: string) {
    const { logger, name } = this.opts;
    try {
      await jetstream(this.opts.nc).publish(this.opts.naming.subject(deadLetterSubject(name)), msg.data, { headers: msg.headers });
      logger.error(fields, `${why}; copied to dead letters`);
    } catch (copyError) {
      logger.error({ ...fields, copyError: String(copyError) }, `${why}; copying it to dead letters failed too`);
    }
    msg.term();
    this.opts.onDeadLetter?.(msg, error);
  }
}
