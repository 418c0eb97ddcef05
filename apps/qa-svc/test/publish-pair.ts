import { UpsertQaPairReq, parseOrThrow, type z } from '@govdisc/contracts';
import type { PairService } from '../src/pair/pair.service.js';

export const EDITOR = { sub: 'editor-1', roles: ['editor'] };
export const REVIEWER = { sub: 'reviewer-1', roles: ['reviewer'] };

/**
 * Four eyes, as the platform requires: an editor saves the version (a draft, or a pending edit of a
 * published pair) and a different reviewer publishes it.
 */
export async function publishPair(pairs: PairService, input: z.input<typeof UpsertQaPairReq>) {
  const saved = await pairs.upsert(parseOrThrow(UpsertQaPairReq, { ...input, publish: false }), EDITOR);
  if (saved.outcome === 'unchanged' && saved.pair.status === 'PUBLISHED' && !saved.pair.pendingEditorSub) return saved;
  if (saved.pair.status !== 'PUBLISHED') await pairs.transition(saved.pair.id, 'SUBMIT', EDITOR);
  return { pair: await pairs.transition(saved.pair.id, 'APPROVE', REVIEWER), outcome: saved.outcome };
}
