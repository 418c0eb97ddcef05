import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import {
  type Actor,
  DomainError,
  ErrorCode,
  type MessageContext,
  type PolicyImportFormat,
  type PolicyImportReport,
  PublishImportJobReport,
  type z,
} from '@govdisc/contracts';
import { NearDuplicateIndex, decodeSignature } from '../analysis/minhash.js';
import { DocumentRepository } from '../document/document.repository.js';
import { DocumentService } from '../document/document.service.js';
import type { ImportJob } from '../generated/prisma/client.js';
import { detectFormat } from './formats/detect-format.js';
import type { ImportLineInput } from './formats/import-line.js';
import { sourceLines } from './formats/source-lines.js';
import { ImportAnalysis } from './import-analysis.js';
import { ImportJobRepository } from './import-job.repository.js';
import { ImportTurns } from './import-turns.js';
import { type HashedRecord, type Plan, type PlanContext, planRecord, recordsToWrite, remember } from './import-planner.js';
import { parseRecord } from './import-record.js';
import { emptyReport, externalIdOf, mergeReports } from './import-report.js';
import { type DocumentWrite, ImportWriter, type WrittenRow } from './import-writer.repository.js';
import { StageClock } from './stage-clock.js';

type WritePlan = Extract<Plan, { kind: 'write' }>;
type PublishJobReport = z.infer<typeof PublishImportJobReport>;

/** Import jobs: one batch of source lines at a time, resumable after the job's last line. */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);
  /** Signatures known so far, refreshed from the database before each batch (other replicas write too). */
  private readonly near = new NearDuplicateIndex();
  private readonly canonicalOf = new Map<string, string>();
  private seenUntil: Date | null = null;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly documents: DocumentRepository,
    private readonly jobs: ImportJobRepository,
    private readonly writer: ImportWriter,
    private readonly analysis: ImportAnalysis,
    private readonly turns: ImportTurns,
    private readonly publisher: DocumentService,
  ) {}

  async get(jobId: string): Promise<ImportJob> {
    const job = await this.jobs.findById(jobId);
    if (!job) throw new DomainError(ErrorCode.POLICY_IMPORT_JOB_NOT_FOUND, undefined, { jobId });
    return job;
  }

  finish(jobId: string): Promise<ImportJob> {
    return this.get(jobId).then((job) => this.jobs.update(job.id, { status: 'DONE' }));
  }

  /**
   * A reviewer publishes what the job left: its new drafts and its pending edits of published
   * documents. Each is published on its own (event included); one the reviewer wrote or last edited
   * is refused and listed, for another reviewer.
   */
  async publishJob(jobId: string, actor: Actor, ctx: MessageContext): Promise<PublishJobReport> {
    await this.get(jobId);
    const report: PublishJobReport = { jobId, published: 0, refused: [] };
    for (const doc of await this.documents.publishableOfJob(jobId)) {
      try {
        await this.publisher.publish(doc.id, actor, ctx);
        report.published++;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== ErrorCode.CONTENT_SELF_PUBLISH) throw error;
        report.refused.push({ documentId: doc.id, externalId: doc.externalId, code: error.code });
      }
    }
    this.logger.log({ jobId, published: report.published, refused: report.refused.length, by: actor.sub }, 'import job published');
    return report;
  }

  /** A file or chunk in JSONL, CSV or HTML (format given, or from the file name) into a new or resumed job. */
  async importFile(input: {
    jobId?: string;
    fileName: string;
    format?: PolicyImportFormat;
    content: string;
    firstLine: number;
    header?: string;
    sourceUrl?: string;
    publish: boolean;
    after?: number;
    actor: Actor;
  }): Promise<ImportJob> {
    const format = detectFormat(input.fileName, input.format);
    const started = performance.now();
    const items = sourceLines({ ...input, format });
    const parseMs = performance.now() - started;
    return this.importBatch({
      jobId: input.jobId,
      source: input.fileName,
      items,
      publish: input.publish,
      after: input.after,
      actor: input.actor,
      parseMs,
    });
  }

  /**
   * Parses, analyses and plans the batch outside any transaction, then writes it in one: drafts (or
   * pending edits of published documents), versions and the job's progress commit together, so a crash loses nothing
   * and a retry of the same lines finds them unchanged. With `after`, the analysis of what looks new runs
   * at once, while the batch before it may still be saving; planning and saving wait for their turn.
   */
  async importBatch(input: {
    jobId?: string;
    source: string;
    items: ImportLineInput[];
    /** refused: whoever imports a version never publishes it (a reviewer publishes the job, publishJob) */
    publish: boolean;
    after?: number;
    actor: Actor;
    /** time already spent reading the items out of a file */
    parseMs?: number;
  }): Promise<ImportJob> {
    if (input.publish)
      throw new DomainError(ErrorCode.CONTENT_SELF_PUBLISH, '导入只生成草稿：导入人不能发布自己导入的文件，请由审核人发布该导入任务。');
    const job = input.jobId ? await this.get(input.jobId) : await this.jobs.create(input.source, emptyReport());
    const clock = new StageClock();
    clock.add('parse', input.parseMs ?? 0);
    const report = emptyReport();
    const valid: Array<Omit<HashedRecord, 'hash'>> = [];
    for (const item of input.items) {
      const parsed = item.error ? { ok: false as const, reason: item.error } : parseRecord(item.record);
      if (parsed.ok) valid.push({ line: item.line, record: parsed.record });
      else report.rejected.push({ line: item.line, externalId: externalIdOf(item.record), reason: parsed.reason });
    }
    clock.lap('parse');
    const hashes = await this.analysis.hashMany(valid.map((v) => v.record.body));
    const hashed = valid.map((v, i) => ({ ...v, hash: hashes[i]! }));
    clock.lap('analysis');
    let ctx = await this.planContext(hashed);
    clock.lap('dedup');
    const early = this.analysis.analyzeMany(recordsToWrite(hashed, ctx));
    if (input.after !== undefined) {
      // Run ahead: the analysis goes on while this waits for the batch before, then the lookups are redone.
      early.catch(() => undefined);
      await this.turns.wait(job.id, input.after);
      clock.lap('wait');
      ctx = await this.planContext(hashed);
      clock.lap('dedup');
    }
    const analyses = await early;
    const late = recordsToWrite(hashed, ctx).filter((h) => !analyses.has(h.record));
    for (const [record, a] of await this.analysis.analyzeMany(late)) analyses.set(record, a);
    clock.lap('analysis');
    ctx.derive = (r) => this.analysis.complete(analyses.get(r)!);
    const plans = hashed.map((h) => {
      const plan = planRecord(h, ctx);
      remember(plan, ctx);
      return plan;
    });
    clock.lap('dedup');
    const saved = await this.write(job.id, plans, { ...input, report, clock });
    this.turns.saved(job.id);
    this.logger.log(
      { jobId: job.id, lines: input.items.length, imported: report.imported, updated: report.updated, ...report.timings },
      'import batch done',
    );
    return saved;
  }

  /** What the planner needs: stored rows of these ids, owners of these texts, every known signature. */
  private async planContext(records: HashedRecord[]): Promise<PlanContext> {
    const [existing, owners] = await Promise.all([
      this.documents.findByExternalIds(records.map((r) => r.record.id)),
      this.documents.findByContentHashes(records.map((r) => r.hash)),
      this.refreshSignatures(),
    ]);
    return {
      existing: new Map(existing.map((d) => [d.externalId!, d])),
      hashOwners: new Map(owners.map((o) => [o.contentHash!, o.id])),
      near: this.near.fork(),
      canonicalOf: new Map(this.canonicalOf),
      derive: () => {
        throw new Error('derive before analysis');
      },
    };
  }

  /** Adds signatures saved since the last look; one refresh at a time (batches of a job may overlap). */
  private refreshSignatures(): Promise<void> {
    // A failed refresh fails its batch only; the next one starts from where the last good one ended.
    this.refreshing = this.refreshing
      .catch(() => undefined)
      .then(async () => {
        for (const s of await this.documents.signaturesSince(this.seenUntil)) {
          this.near.add(s.id, decodeSignature(s.minhash!));
          if (s.canonicalId) this.canonicalOf.set(s.id, s.canonicalId);
          this.seenUntil = s.updatedAt;
        }
      });
    return this.refreshing;
  }

  private async write(
    jobId: string,
    plans: Plan[],
    opts: { items: ImportLineInput[]; actor: Actor; report: PolicyImportReport; clock: StageClock },
  ): Promise<ImportJob> {
    const { report, clock } = opts;
    const writes = plans.filter((p): p is WritePlan => p.kind === 'write');
    return this.writer.transaction(async (tx) => {
      const rows: WrittenRow[] = [];
      for (const group of uniqueExternalIds(writes)) {
        rows.push(...(await this.writer.upsertDocuments(tx, group.map(toWrite), { editedBy: opts.actor.sub, jobId })));
      }
      // Rows are returned in no guaranteed order: match them by external id (unique within a group).
      const moved = movedIds(writes, rows);
      await this.writer.relink(
        tx,
        [...moved].map(([from, to]) => ({ from, to })),
      );
      await this.writer.addVersions(tx, [...new Set(rows.filter((r) => r.status === 'DRAFT').map((r) => r.id))]);
      fillReport(report, plans, rows, (id) => moved.get(id) ?? id);
      clock.lap('write');
      report.timings = clock.totals();
      const locked = (await this.writer.lockJob(tx, jobId))!;
      const lastLine = Math.max(locked.lastLine, ...opts.items.map((i) => i.line));
      return this.writer.updateJob(tx, jobId, { lastLine, report: mergeReports(locked.report as PolicyImportReport, report) });
    });
  }
}

function toWrite(p: WritePlan): DocumentWrite {
  return { id: p.id, record: p.record, derived: p.derived, canonicalId: p.near?.canonicalId ?? null };
}

/** Splits writes so no group holds one external id twice (one statement cannot update a row twice). */
function uniqueExternalIds(writes: WritePlan[]): WritePlan[][] {
  const groups: WritePlan[][] = [];
  const seen: Array<Set<string>> = [];
  for (const w of writes) {
    let i = seen.findIndex((s) => !s.has(w.record.id));
    if (i === -1) i = groups.push([]) - 1;
    seen[i] ??= new Set();
    seen[i]!.add(w.record.id);
    groups[i]!.push(w);
  }
  return groups;
}

/** Planned id → stored id, where they differ. */
function movedIds(writes: WritePlan[], rows: WrittenRow[]): Map<string, string> {
  const stored = new Map(rows.map((r) => [r.externalId, r.id]));
  const moved = new Map<string, string>();
  for (const w of writes) {
    const id = stored.get(w.record.id);
    if (id && id !== w.id) moved.set(w.id, id);
  }
  return moved;
}

function fillReport(report: PolicyImportReport, plans: Plan[], rows: WrittenRow[], real: (id: string) => string) {
  for (const r of rows) {
    if (r.created) report.imported++;
    else report.updated++;
  }
  for (const plan of plans) {
    const externalId = plan.record.id;
    if (plan.kind === 'unchanged') report.unchanged++;
    else if (plan.kind === 'exactDuplicate')
      report.exactDuplicates.push({ line: plan.line, externalId, duplicateOf: real(plan.duplicateOf) });
    else if (plan.near)
      report.nearDuplicates.push({
        line: plan.line,
        externalId,
        canonicalId: real(plan.near.canonicalId),
        similarity: plan.near.similarity,
      });
  }
}
