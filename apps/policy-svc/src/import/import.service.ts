import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, type MessageContext, type PolicyImportReport, documentPublished } from '@govdisc/contracts';
import { addToOutbox } from '@govdisc/messaging';
import { OutboxRelayHost } from '@govdisc/service-kit';
import { contentHash } from '../analysis/content-hash.js';
import { DocumentAnalyzer } from '../analysis/document-analyzer.js';
import { NearDuplicateIndex, decodeSignature } from '../analysis/minhash.js';
import { publishedPayload } from '../document/document.mapper.js';
import { DocumentRepository, type Tx } from '../document/document.repository.js';
import type { ImportJob } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import { ImportJobRepository } from './import-job.repository.js';
import { type Plan, type PlanContext, planRecord } from './import-planner.js';
import { parseRecord } from './import-record.js';

export interface ImportLineInput {
  line: number;
  record: unknown;
  error?: string;
}

export const emptyReport = (): PolicyImportReport => ({ imported: 0, updated: 0, unchanged: 0, exactDuplicates: [], nearDuplicates: [], rejected: [] });

/** Import jobs: one batch of source lines at a time, resumable after the job's last line. */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);
  /** Signatures known so far, refreshed from the database before each batch (other replicas write too). */
  private near = new NearDuplicateIndex();
  private readonly canonicalOf = new Map<string, string>();
  private seenUntil: Date | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly documents: DocumentRepository,
    private readonly jobs: ImportJobRepository,
    private readonly analyzer: DocumentAnalyzer,
    private readonly outbox: OutboxRelayHost,
  ) {}

  async get(jobId: string): Promise<ImportJob> {
    const job = await this.jobs.findById(jobId);
    if (!job) throw new DomainError(ErrorCode.POLICY_IMPORT_JOB_NOT_FOUND, undefined, { jobId });
    return job;
  }

  finish(jobId: string): Promise<ImportJob> {
    return this.get(jobId).then((job) => this.jobs.update(job.id, { status: 'DONE' }));
  }

  async importBatch(input: { jobId?: string; source: string; items: ImportLineInput[]; publish: boolean; ctx: MessageContext }): Promise<ImportJob> {
    const job = input.jobId ? await this.get(input.jobId) : await this.jobs.create(input.source, emptyReport());
    const report = emptyReport();
    const plans: Plan[] = [];
    const t0 = Date.now();
    const ctx = await this.planContext(input.items);
    for (const item of input.items) {
      const parsed = item.error ? { ok: false as const, reason: item.error } : parseRecord(item.record);
      if (!parsed.ok) {
        report.rejected.push({ line: item.line, externalId: externalIdOf(item.record), reason: parsed.reason });
        continue;
      }
      const plan = planRecord(item.line, parsed.record, ctx);
      remember(plan, ctx);
      plans.push(plan);
    }
    const t1 = Date.now();
    const saved = await this.prisma.$transaction(async (tx) => {
      const written = new Map<string, string>();
      for (const plan of plans) await this.apply(plan, report, { publish: input.publish, ctx: input.ctx, tx, written });
      const locked = (await this.jobs.lockById(job.id, tx))!;
      const lastLine = Math.max(locked.lastLine, ...input.items.map((i) => i.line));
      return this.jobs.update(job.id, { lastLine, report: merge(locked.report as PolicyImportReport, report) }, tx);
    });
    this.outbox.relay.nudge();
    const timing = { planMs: t1 - t0, writeMs: Date.now() - t1 };
    this.logger.log({ jobId: job.id, lines: input.items.length, imported: report.imported, updated: report.updated, ...timing }, 'import batch done');
    return saved;
  }

  /** What the planner needs: stored rows of these ids, owners of these texts, every known signature. */
  private async planContext(items: ImportLineInput[]): Promise<PlanContext> {
    const records = items.map((i) => parseRecord(i.record)).flatMap((p) => (p.ok ? [p.record] : []));
    const existing = await this.documents.findByExternalIds(records.map((r) => r.id));
    const owners = await this.documents.findByContentHashes(records.map((r) => contentHash(r.body)));
    await this.refreshSignatures();
    return {
      existing: new Map(existing.map((d) => [d.externalId!, d])),
      hashOwners: new Map(owners.map((o) => [o.contentHash!, o.id])),
      near: this.near.fork(),
      canonicalOf: new Map(this.canonicalOf),
      derive: (r) => this.analyzer.derive(r),
    };
  }

  /** Writes one plan; `written` maps this batch's pending ids (see remember) to the saved rows' ids. */
  private async refreshSignatures() {
    for (const s of await this.documents.signaturesSince(this.seenUntil)) {
      this.near.add(s.id, decodeSignature(s.minhash!));
      if (s.canonicalId) this.canonicalOf.set(s.id, s.canonicalId);
      this.seenUntil = s.updatedAt;
    }
  }

  private async apply(plan: Plan, report: PolicyImportReport, opts: { publish: boolean; ctx: MessageContext; tx: Tx; written: Map<string, string> }) {
    const externalId = plan.record.id;
    const real = (id: string) => opts.written.get(id) ?? id;
    if (plan.kind === 'unchanged') return void report.unchanged++;
    if (plan.kind === 'exactDuplicate') {
      return void report.exactDuplicates.push({ line: plan.line, externalId, duplicateOf: real(plan.duplicateOf) });
    }
    const { record, derived, existing } = plan;
    const near = plan.near ? { ...plan.near, canonicalId: real(plan.near.canonicalId) } : null;
    const { id: _id, ...fields } = record;
    const links = { ...(near ? { canonicalId: near.canonicalId } : {}), publishNew: opts.publish };
    const doc = await this.documents.upsertHeader({ ...fields, externalId }, { ...derived, ...links }, opts.tx);
    opts.written.set(pendingId(externalId), doc.id);
    await this.documents.addVersion(doc, opts.tx);
    if (doc.status !== 'DRAFT') await addToOutbox(opts.tx, documentPublished.make(publishedPayload(doc), opts.ctx));
    if (existing) report.updated++;
    else report.imported++;
    if (near) report.nearDuplicates.push({ line: plan.line, externalId, canonicalId: near.canonicalId, similarity: near.similarity });
  }
}

/** Later lines of the same batch see earlier ones: their ids, texts and signatures. */
function remember(plan: Plan, ctx: PlanContext) {
  if (plan.kind !== 'write') return;
  const id = plan.existing?.id ?? pendingId(plan.record.id);
  ctx.hashOwners.set(plan.derived.contentHash, id);
  ctx.near.add(id, plan.derived.signature);
  if (plan.near) ctx.canonicalOf.set(id, plan.near.canonicalId);
}

const pendingId = (externalId: string) => `pending:${externalId}`;

function externalIdOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 100) : null;
}

function merge(a: PolicyImportReport, b: PolicyImportReport): PolicyImportReport {
  return {
    imported: a.imported + b.imported,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    exactDuplicates: [...a.exactDuplicates, ...b.exactDuplicates],
    nearDuplicates: [...a.nearDuplicates, ...b.nearDuplicates],
    rejected: [...a.rejected, ...b.rejected],
  };
}
