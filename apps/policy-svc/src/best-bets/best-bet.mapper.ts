import type { BestBetView } from '@govdisc/contracts';
import type { BestBet } from '../generated/prisma/client.js';

export function toBestBetView(row: BestBet): BestBetView {
  return {
    id: row.id,
    query: row.query,
    normalizedQuery: row.normalizedQuery,
    documentIds: row.documentIds,
    updatedBy: row.updatedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
