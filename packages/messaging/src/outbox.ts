import type { Envelope } from '@govdisc/contracts';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { OUTBOX_TABLE, type RawSql, type TransactionalSql } from './sql.js';
import type { BusNaming } from './naming.js';

/** Writes an event in the caller's transaction: it is published if, and only if, the transaction commits. */
export async function addToOutbox(tx: RawSql, envelope: Envelope): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO ${OUTBOX_TABLE} (id, type, envelope) VALUES ($1::uuid, $2, $3::jsonb)`,
    envelope.id,
    envelope.type,
    JSON.stringify(envelope),
  );
}

/** Many events in one statement (bulk writes such as imports): same effect as addToOutbox per envelope. */
export async function addManyToOutbox(tx: RawSql, envelopes: readonly Envelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${OUTBOX_TABLE} (id, type, envelope)
     SELECT e.id, e.type, e.envelope FROM json_to_recordset($1::json) AS e(id uuid, type text, envelope jsonb)`,
    JSON.stringify(envelopes.map((e) => ({ id: e.id, type: e.type, envelope: e }))),
  );
}

interface OutboxRow {
  id: string;
  type: string;
  envelope: Envelope;
}

export interface OutboxRelayOptions {
  db: TransactionalSql;
  nc: NatsConnection;
  naming: BusNaming;
  logger: Logger;
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long a claim is held before another relay may retry the row (crash safety). */
  claimMs?: number;
  onPublished?: (count: number) => void;
}

/**
 * Publishes outbox rows to JetStream with Nats-Msg-Id = envelope id (so a re-publish after a crash
 * is dropped by the stream's duplicate window), then marks them sent. Rows are claimed in a short
 * transaction and published outside it, so no database lock is held across network I/O, and any
 * number of replicas can relay side by side.
 */
export class OutboxRelay {
  private readonly js: JetStreamClient;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.js = jetstream(opts.nc);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a pass soon (after a commit), instead of waiting for the next poll. */
  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: publish everything pending. Returns the number published. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.claim();
      if (rows.length === 0) return total;
      total += await this.publish(rows);
      if (rows.length < (this.opts.batchSize ?? 100)) return total;
    }
  }

  private schedule(delay: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.flush()
        .catch((error) => this.opts.logger.warn({ err: error }, 'outbox relay pass failed; will retry'))
        .then(() => undefined)
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.opts.pollIntervalMs ?? 500);
        });
    }, delay);
  }

  private claim(): Promise<OutboxRow[]> {
    const { batchSize = 100, claimMs = 30_000 } = this.opts;
    return this.opts.db.$queryRawUnsafe<OutboxRow[]>(
      `UPDATE ${OUTBOX_TABLE} SET claimed_until = now() + ($1::int * interval '1 millisecond'), attempts = attempts + 1
       WHERE id IN (SELECT id FROM ${OUTBOX_TABLE}
                    WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id::text AS id, type, envelope`,
      claimMs,
      batchSize,
    );
  }

  private async publish(rows: OutboxRow[]): Promise<number> {
    const sorted = [...rows].sort((a, b) => a.envelope.time.localeCompare(b.envelope.time));
    let published = 0;
    for (const row of sorted) {
      const h = headers();
      h.set('x-request-id', row.envelope.correlationId);
      if (row.envelope.causationId) h.set('causation-id', row.envelope.causationId);
      try {
        await this.js.publish(this.opts.naming.subject(row.type), JSON.stringify(row.envelope), {
          msgID: row.id,
          headers: h,
        });
      } catch (error) {
        this.opts.logger.warn({ err: error, eventId: row.id, type: row.type }, 'publishing outbox event failed');
        break; // keep order: retry this one and the rest on the next pass
      }
      await this.opts.db.$executeRawUnsafe(`UPDATE ${OUTBOX_TABLE} SET sent_at = now() WHERE id = $1::uuid`, row.id);
      published++;
    }
    if (published) this.opts.onPublished?.(published);
    return published;
  }
}
