import type { Envelope } from '@govdisc/contracts';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { SpanKind, currentTraceparent, extractTraceContext, inSpan, injectTraceContext } from '@govdisc/telemetry';
import { OUTBOX_TABLE, type RawSql, type TransactionalSql } from './sql.js';
import type { BusNaming } from './naming.js';
import { WakeableLoop } from './wakeable-loop.js';

/**
 * The stored form of an event: the envelope, plus (while tracing) the `traceparent` of the work that wrote it, so
 * the relay publishes it into the same trace. The relay takes that key off: it travels as a header, never in the body.
 */
export type StoredEnvelope = Envelope & { traceparent?: string };

function stored(envelope: Envelope, traceparent: string | undefined): Envelope | StoredEnvelope {
  return traceparent ? { ...envelope, traceparent } : envelope;
}

/** Writes an event in the caller's transaction: it is published if, and only if, the transaction commits. */
export async function addToOutbox(tx: RawSql, envelope: Envelope): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO ${OUTBOX_TABLE} (id, type, envelope) VALUES ($1::uuid, $2, $3::jsonb)`,
    envelope.id,
    envelope.type,
    JSON.stringify(stored(envelope, currentTraceparent())),
  );
}

/** Many events in one statement (bulk writes such as imports): same effect as addToOutbox per envelope. */
export async function addManyToOutbox(tx: RawSql, envelopes: readonly Envelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  const traceparent = currentTraceparent();
  await tx.$executeRawUnsafe(
    `INSERT INTO ${OUTBOX_TABLE} (id, type, envelope)
     SELECT e.id, e.type, e.envelope FROM json_to_recordset($1::json) AS e(id uuid, type text, envelope jsonb)`,
    JSON.stringify(envelopes.map((e) => ({ id: e.id, type: e.type, envelope: stored(e, traceparent) }))),
  );
}

export interface OutboxRow {
  id: string;
  type: string;
  envelope: StoredEnvelope;
}

/**
 * A row that could not be published `maxAttempts` times while JetStream answered is parked: its
 * claim is set to 'infinity', so no relay claims it again, and it stays in the table to inspect
 * (`WHERE sent_at IS NULL AND claimed_until = 'infinity'`) and to re-release by hand
 * (`UPDATE … SET claimed_until = NULL`) once its cause is fixed.
 */
export const PARKED_UNTIL = 'infinity';

/** NATS refuses a message larger than the server's max_payload before sending it: retrying never helps. */
function isRefusedOutright(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'MAX_PAYLOAD_EXCEEDED' || (typeof message === 'string' && /max.?payload|payload.*(exceed|too large)/i.test(message));
}

export interface OutboxRelayOptions {
  db: TransactionalSql;
  nc: NatsConnection;
  naming: BusNaming;
  logger: Logger;
  /**
   * How often to look for rows nobody nudged about (default 5 s): every writer nudges its relay after its commit, so
   * the poll only finds rows of a process that died between its commit and its pass, or of another replica that did.
   * It was 500 ms: with five services an idle stack spent ~10 PostgreSQL round trips a second on empty claims.
   */
  pollIntervalMs?: number;
  /** After a pass that failed or stopped at a row that failed: the next pass (default 500 ms). */
  retryMs?: number;
  batchSize?: number;
  /** How long a claim is held before another relay may retry the row (crash safety). */
  claimMs?: number;
  onPublished?: (count: number) => void;
  /** Failed publishes of one row, while JetStream answers, before it is parked (default 5). */
  maxAttempts?: number;
  /**
   * And for how long they must have gone on (default 30 s): in a cluster that lost a node, JetStream answers while a
   * stream elects its new leader, and publishes fail for a few seconds; those rows are not poison. A row NATS refuses
   * outright (larger than max_payload) is parked after maxAttempts alone.
   */
  poisonAfterMs?: number;
  onParked?: (row: OutboxRow, error: unknown) => void;
}

/**
 * Publishes outbox rows to JetStream with Nats-Msg-Id = envelope id (so a re-publish after a crash
 * is dropped by the stream's duplicate window), then marks them sent. Rows are claimed in a short
 * transaction and published outside it, so no database lock is held across network I/O, and any
 * number of replicas can relay side by side.
 */
export class OutboxRelay {
  private readonly js: JetStreamClient;
  private readonly loop: WakeableLoop<{ published: number; failed: boolean }>;
  /** Failed publishes per row id (only while JetStream answered); bounded by the rows failing now. */
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly opts: OutboxRelayOptions) {
    this.js = jetstream(opts.nc);
    this.loop = new WakeableLoop({
      label: 'outbox relay',
      everyMs: opts.pollIntervalMs ?? 5_000,
      retryMs: opts.retryMs ?? 500,
      run: () => this.pass(),
      // A row that failed waits for the next pass (retryMs), never a tight loop.
      failed: (pass) => pass.failed,
      onError: (err, message) => opts.logger.warn({ err }, message),
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Asks for a pass soon (after a commit), instead of waiting for the next poll. */
  nudge(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Publishes claimed batches until none is left or a row fails (`failed`: it and the rows after it wait). */
  private async pass(): Promise<{ published: number; failed: boolean }> {
    let total = 0;
    for (;;) {
      const rows = await this.claim();
      if (rows.length === 0) return { published: total, failed: false };
      const { published, stoppedEarly } = await this.publish(rows);
      total += published;
      if (stoppedEarly) return { published: total, failed: true };
      if (rows.length < (this.opts.batchSize ?? 100)) return { published: total, failed: false };
    }
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

  /** Rows waiting to be published (parked rows excluded). */
  async pendingCount(): Promise<number> {
    const [row] = await this.opts.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${OUTBOX_TABLE} WHERE sent_at IS NULL AND claimed_until IS DISTINCT FROM '${PARKED_UNTIL}'`,
    );
    return row?.n ?? 0;
  }

  /** Rows set aside as unpublishable, in the table (so counted across restarts and replicas). */
  async parkedCount(): Promise<number> {
    const [row] = await this.opts.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${OUTBOX_TABLE} WHERE sent_at IS NULL AND claimed_until = '${PARKED_UNTIL}'`,
    );
    return row?.n ?? 0;
  }

  private async publish(rows: OutboxRow[]): Promise<{ published: number; stoppedEarly: boolean }> {
    const sorted = [...rows].sort((a, b) => a.envelope.time.localeCompare(b.envelope.time));
    let published = 0;
    let stoppedEarly = false;
    for (const [index, row] of sorted.entries()) {
      try {
        await this.publishOne(row);
      } catch (error) {
        if (await this.parkIfPoison(row, error)) continue;
        // Keep order: this row and the rest go again on the next pass (their claims released now,
        // so they are not held back for claimMs behind a row that keeps failing).
        await this.release(sorted.slice(index).map((r) => r.id));
        stoppedEarly = true;
        break;
      }
      this.failures.delete(row.id);
      await this.opts.db.$executeRawUnsafe(`UPDATE ${OUTBOX_TABLE} SET sent_at = now() WHERE id = $1::uuid`, row.id);
      published++;
    }
    if (published) this.opts.onPublished?.(published);
    return { published, stoppedEarly };
  }

  /** Publishes one row; a row written inside a trace is published in a producer span of that trace. */
  private async publishOne(row: OutboxRow): Promise<void> {
    const { traceparent, ...envelope } = row.envelope;
    const subject = this.opts.naming.subject(row.type);
    const h = headers();
    h.set('x-request-id', envelope.correlationId);
    if (envelope.causationId) h.set('causation-id', envelope.causationId);
    const parent = traceparent ? extractTraceContext((key) => (key === 'traceparent' ? traceparent : undefined)) : undefined;
    const attributes = { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.message.id': row.id };
    await inSpan(`publish ${row.type}`, { kind: SpanKind.PRODUCER, parent, childOnly: true, attributes }, async () => {
      injectTraceContext((key, value) => h.set(key, value));
      await this.js.publish(subject, JSON.stringify(envelope), { msgID: row.id, headers: h });
    });
  }

  /**
   * A failure while JetStream answers is the row's own (too large, no stream for its subject, …):
   * counted, and after maxAttempts the row is parked so the rows behind it flow. A failure while
   * JetStream is away counts nothing: every row waits for it to come back.
   */
  private async parkIfPoison(row: OutboxRow, error: unknown): Promise<boolean> {
    const base = { err: error, eventId: row.id, type: row.type };
    if (!(await this.jetStreamAnswers())) {
      this.opts.logger.warn(base, 'publishing outbox event failed: JetStream unavailable; will retry');
      return false;
    }
    const seen = this.failures.get(row.id) ?? { count: 0, since: Date.now() };
    const failures = seen.count + 1;
    const lasting = isRefusedOutright(error) || Date.now() - seen.since >= (this.opts.poisonAfterMs ?? 30_000);
    if (failures < (this.opts.maxAttempts ?? 5) || !lasting) {
      this.failures.set(row.id, { count: failures, since: seen.since });
      this.opts.logger.warn({ ...base, failures }, 'publishing outbox event failed; will retry');
      return false;
    }
    this.failures.delete(row.id);
    await this.opts.db.$executeRawUnsafe(`UPDATE ${OUTBOX_TABLE} SET claimed_until = '${PARKED_UNTIL}' WHERE id = $1::uuid`, row.id);
    this.opts.logger.error(
      { ...base, failures },
      "outbox event could not be published and was parked (sent_at IS NULL AND claimed_until = 'infinity')",
    );
    this.opts.onParked?.(row, error);
    return true;
  }

  private async jetStreamAnswers(): Promise<boolean> {
    try {
      await (await jetstreamManager(this.opts.nc, { timeout: 2_000 })).getAccountInfo();
      return true;
    } catch {
      return false;
    }
  }

  private async release(ids: string[]): Promise<void> {
    await this.opts.db.$executeRawUnsafe(
      `UPDATE ${OUTBOX_TABLE} SET claimed_until = NULL WHERE id = ANY($1::uuid[]) AND sent_at IS NULL`,
      ids,
    );
  }
}
