import type { MsgHdrs, NatsConnection } from '@nats-io/transport-node';

interface Queued {
  subject: string;
  data: string;
  reply: string | undefined;
  headers: MsgHdrs | undefined;
  failed: PublishFailed;
}

/** Told what nats.js threw on publishing a message (closed connection, too large), with the message's reply subject. */
export type PublishFailed = (error: unknown, reply: string | undefined) => void;

/**
 * Publishes on one connection once per event-loop turn instead of once per message. nats.js writes
 * its buffer to the socket one microtask after the first publish, so messages published by separate
 * I/O callbacks (each HTTP request, each reply whose handler awaited something) leave in separate
 * `write` calls — under load the socket writes were the largest share of the gateway's CPU per request.
 * Queued here, they are handed to nats.js together after the poll phase (setImmediate) and leave in
 * one write; the wait is the rest of the current turn.
 */
export class PublishBatch {
  private queue: Queued[] = [];
  private scheduled = false;

  constructor(private readonly nc: Pick<NatsConnection, 'publish'>) {}

  /** Queues a message; `failed` is told if nats.js refuses it (one function per caller: nothing allocated per message). */
  publish(subject: string, data: string, reply: string | undefined, headers: MsgHdrs | undefined, failed: PublishFailed): void {
    this.queue.push({ subject, data, reply, headers, failed });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }

  /** Hands what is queued to nats.js now (before a drain completes or the connection closes). */
  readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    for (const m of batch) {
      try {
        this.nc.publish(
          m.subject,
          m.data,
          m.reply === undefined && m.headers === undefined ? undefined : { reply: m.reply, headers: m.headers },
        );
      } catch (error) {
        m.failed(error, m.reply);
      }
    }
  };
}
