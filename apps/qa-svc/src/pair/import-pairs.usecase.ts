import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, type ImportReport, UpsertQaPairReq, parseOrThrow, type z } from '@govdisc/contracts';
import { PairService } from './pair.service.js';

/** Fields of the shared qa.jsonl format (and our own export) that are not part of a pair. */
const IGNORED_FIELDS = ['id', 'sourceTitle', 'category', 'source'];

/**
 * Imports a batch of raw records: each one is mapped (its `id` kept as `externalId`), validated and
 * saved on its own, so a malformed line is reported with its number and reason and the rest import.
 */
@Injectable()
export class ImportPairsUseCase {
  constructor(private readonly pairs: PairService) {}

  async run(items: Array<{ line: number; record: unknown }>, publish: boolean, actor: Actor): Promise<ImportReport> {
    const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, rejected: [] };
    for (const { line, record } of items) {
      const externalId = externalIdOf(record);
      try {
        const input = parseOrThrow(UpsertQaPairReq, { ...toPairInput(record), publish });
        const { outcome } = await this.pairs.upsert(input, actor);
        report[outcome]++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        report.rejected.push({ line, externalId, reason: reasonOf(error) });
      }
    }
    return report;
  }
}

function toPairInput(record: unknown): z.input<typeof UpsertQaPairReq> {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return record as never;
  const r = record as Record<string, unknown>;
  const out: Record<string, unknown> = { ...r, externalId: r.externalId ?? r.id };
  for (const f of IGNORED_FIELDS) delete out[f];
  for (const [k, v] of Object.entries(out)) if (v === null) delete out[k];
  return out as never;
}

function externalIdOf(record: unknown): string | null {
  const r = record as { externalId?: unknown; id?: unknown } | null;
  const id = r?.externalId ?? r?.id;
  return typeof id === 'string' ? id : null;
}

function reasonOf(error: DomainError): string {
  const issues = (error.details as { issues?: Array<{ path: string; message: string }> } | undefined)?.issues;
  return issues?.length ? issues.map((i) => `${i.path}: ${i.message}`).join('; ') : `${error.code}: ${error.message}`;
}
