import { INBOX_TABLE, type RawSql } from './sql.js';

/**
 * Runs `effect` once per (consumer, event id): the marker row and the effect commit together in
 * the caller's transaction, so a redelivered event finds the marker and changes nothing.
 * Returns false when the event had already been processed.
 */
export async function processOnce<Tx extends RawSql>(
  tx: Tx,
  consumer: string,
  eventId: string,
  effect: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO ${INBOX_TABLE} (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING`,
    consumer,
    eventId,
  );
  if (inserted === 0) return false;
  await effect(tx);
  return true;
}
