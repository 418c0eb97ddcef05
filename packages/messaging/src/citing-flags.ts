import type { Envelope } from '@govdisc/contracts';
import { processOnce } from './inbox.js';
import { addToOutbox } from './outbox.js';
import type { RawSql } from './sql.js';

/** What a policy lifecycle event says of the document: content cites it by its id or, if imported, its external id. */
export interface ChangedDocument {
  documentId: string;
  externalId?: string | null | undefined;
}

/**
 * A cited policy changed (amended, repealed, expired): exactly once per event, `flag` marks the content citing the
 * document (by any of its ids) and returns the events telling its owners, written to the outbox in the same
 * transaction. `transaction` opens the service's own database transaction. Returns whether the event was new and
 * how many owners' events were written (the caller nudges its outbox relay when any were).
 */
export async function flagCitingOnce<Tx extends RawSql>(
  transaction: (work: (tx: Tx) => Promise<boolean>) => Promise<boolean>,
  consumer: string,
  envelope: Envelope<ChangedDocument>,
  flag: (citedAs: string[], tx: Tx) => Promise<Envelope[]>,
): Promise<{ fresh: boolean; told: number }> {
  const { documentId, externalId } = envelope.payload;
  const citedAs = [documentId, ...(externalId ? [externalId] : [])];
  let told = 0;
  const fresh = await transaction((tx) =>
    processOnce(tx, consumer, envelope.id, async () => {
      for (const event of await flag(citedAs, tx)) {
        await addToOutbox(tx, event);
        told++;
      }
    }),
  );
  return { fresh, told };
}
