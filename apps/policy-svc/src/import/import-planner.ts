import type { DerivedFields } from '../analysis/document-analyzer.js';
import { contentHash } from '../analysis/content-hash.js';
import type { NearDuplicateIndex } from '../analysis/minhash.js';
import type { StoredHeader } from '../document/document.repository.js';
import { type ImportRecord, sameMetadata } from './import-record.js';

export type Plan =
  | { kind: 'unchanged'; line: number; record: ImportRecord }
  | { kind: 'exactDuplicate'; line: number; record: ImportRecord; duplicateOf: string }
  | {
      kind: 'write';
      line: number;
      record: ImportRecord;
      existing: StoredHeader | null;
      derived: DerivedFields & { signature: Uint32Array };
      near: { canonicalId: string; similarity: number } | null;
    };

export interface PlanContext {
  existing: Map<string, StoredHeader>;
  /** content hash → id of the document holding that text */
  hashOwners: Map<string, string>;
  near: NearDuplicateIndex;
  /** document id → its canonical document, for following a link to the root */
  canonicalOf: Map<string, string>;
  derive: (r: ImportRecord) => DerivedFields & { signature: Uint32Array };
}

/**
 * Decides what one valid record does: nothing (same text and metadata as stored), nothing but a
 * report line (another document already holds exactly this text), or a write — linked to a
 * canonical document when its MinHash similarity reaches the threshold.
 */
export function planRecord(line: number, record: ImportRecord, ctx: PlanContext): Plan {
  const hash = contentHash(record.body);
  const existing = ctx.existing.get(record.id) ?? null;
  if (existing && existing.contentHash === hash && sameMetadata(existing, record)) return { kind: 'unchanged', line, record };
  const owner = ctx.hashOwners.get(hash);
  if (!existing && owner) return { kind: 'exactDuplicate', line, record, duplicateOf: owner };
  const derived = ctx.derive(record);
  const best = existing?.canonicalId ? null : ctx.near.best(derived.signature, existing?.id);
  const root = best ? (ctx.canonicalOf.get(best.id) ?? best.id) : null;
  // Never link a document to itself through one of its own near-duplicates.
  const near = best && root !== existing?.id ? { canonicalId: root!, similarity: best.similarity } : null;
  return { kind: 'write', line, record, existing, derived, near };
}
