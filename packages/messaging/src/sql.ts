/** The slice of a Prisma client (or transaction client) the outbox and inbox need: raw SQL. */
export interface RawSql {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** A Prisma client that can also open interactive transactions. */
export interface TransactionalSql extends RawSql {
  $transaction<T>(fn: (tx: RawSql) => Promise<T>): Promise<T>;
}

/**
 * Tables every event-speaking service declares in its own Prisma schema (same columns everywhere):
 *   outbox_event(id uuid pk, type text, subject text, envelope jsonb, created_at, claimed_until, sent_at, attempts int)
 *   processed_event(consumer text, event_id uuid, processed_at, pk(consumer, event_id))
 */
export const OUTBOX_TABLE = 'outbox_event';
export const INBOX_TABLE = 'processed_event';
