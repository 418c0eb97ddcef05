import { randomUUID } from 'node:crypto';
import type { DerivedFields } from '../analysis/document-analyzer.js';
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
      /** the stored row's id, or a new one chosen now (later lines of the batch may link to it) */
      id: string;
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
  derive: (r: ImportRecord, hash: string) => DerivedFields & { signature: Uint32Array };
}

/** A valid record and its content hash (computed once: it decides whether anything else is computed). */
export interface HashedRecord {
  line: number;
  record: ImportRecord;
  hash: string;
}

/** What a record does before any analysis: nothing, a report line (exact duplicate), or a write. */
export type Decision =
  { kind: 'unchanged' } | { kind: 'exactDuplicate'; duplicateOf: string } | { kind: 'write'; existing: StoredHeader | null };

export function decide({ record, hash }: HashedRecord, ctx: Pick<PlanContext, 'existing' | 'hashOwners'>): Decision {
  const existing = ctx.existing.get(record.id) ?? null;
  if (existing && existing.contentHash === hash && sameMetadata(existing, record)) return { kind: 'unchanged' };
  const owner = ctx.hashOwners.get(hash);
  if (!existing && owner) return { kind: 'exactDuplicate', duplicateOf: owner };
  return { kind: 'write', existing };
}

/**
 * Decides what one valid record does: nothing (same text and metadata as stored), nothing but a
 * report line (another document already holds exactly this text), or a write — linked to a
 * canonical document when its MinHash similarity reaches the threshold.
 */
export function planRecord(h: HashedRecord, ctx: PlanContext): Plan {
  const { line, record, hash } = h;
  const decision = decide(h, ctx);
  if (decision.kind === 'unchanged') return { kind: 'unchanged', line, record };
  if (decision.kind === 'exactDuplicate') return { kind: 'exactDuplicate', line, record, duplicateOf: decision.duplicateOf };
  const { existing } = decision;
  const derived = ctx.derive(record, hash);
  const best = existing?.canonicalId ? null : ctx.near.best(derived.signature, existing?.id);
  const root = best ? (ctx.canonicalOf.get(best.id) ?? best.id) : null;
  // Never link a document to itself through one of its own near-duplicates.
  const near = best && root !== existing?.id ? { canonicalId: root!, similarity: best.similarity } : null;
  return { kind: 'write', line, record, id: existing?.id ?? randomUUID(), existing, derived, near };
}

/**
 * Later lines of the same batch see earlier ones: their ids, texts and signatures, and the state a
 * written record leaves behind (a repeated id is then unchanged, or an update of the same row).
 */
export function remember(plan: Plan, ctx: PlanContext): void {
  if (plan.kind !== 'write') return;
  ctx.hashOwners.set(plan.derived.contentHash, plan.id);
  ctx.near.add(plan.id, plan.derived.signature);
  if (plan.near) ctx.canonicalOf.set(plan.id, plan.near.canonicalId);
  const canonicalId = plan.existing?.canonicalId ?? plan.near?.canonicalId ?? null;
  ctx.existing.set(plan.record.id, pendingHeader(plan.id, plan.record, plan.derived.contentHash, canonicalId));
}

/** Which records of a batch will be written (and so need their analysis), in the order planRecord sees them. */
export function recordsToWrite(records: HashedRecord[], ctx: Pick<PlanContext, 'existing' | 'hashOwners'>): HashedRecord[] {
  const existing = new Map(ctx.existing);
  const hashOwners = new Map(ctx.hashOwners);
  const out: HashedRecord[] = [];
  for (const h of records) {
    const d = decide(h, { existing, hashOwners });
    if (d.kind !== 'write') continue;
    out.push(h);
    const id = d.existing?.id ?? `pending:${h.record.id}`;
    hashOwners.set(h.hash, id);
    existing.set(h.record.id, pendingHeader(id, h.record, h.hash, d.existing?.canonicalId ?? null));
  }
  return out;
}

function pendingHeader(id: string, record: ImportRecord, hash: string, canonicalId: string | null): StoredHeader {
  const { id: _externalId, body: _body, ...metadata } = record;
  return { ...metadata, id, externalId: record.id, contentHash: hash, canonicalId } as unknown as StoredHeader;
}
