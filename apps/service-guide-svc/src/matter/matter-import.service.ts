import { Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, GuideImportReq, type GuideImportReport, UpsertGuideMatterReq, type z } from '@govdisc/contracts';
import { readImportRecords } from './import-records.js';
import { MatterService } from './matter.service.js';

/**
 * Imports service matters from JSON, JSONL or CSV: each valid record is saved as an editor's save is (a
 * draft, or a pending version of a published matter; never published); invalid records are rejected with
 * their line and reason and the rest still imports. Saving unchanged content changes nothing, so a re-run
 * reports every record as unchanged.
 */
@Injectable()
export class MatterImportService {
  private readonly logger = new Logger(MatterImportService.name);

  constructor(private readonly matters: MatterService) {}

  async import(input: z.output<typeof GuideImportReq>, actor: Actor): Promise<GuideImportReport> {
    const report: GuideImportReport = { imported: 0, updated: 0, unchanged: 0, rejected: [] };
    for (const { line, record, error } of readImportRecords(input)) {
      const code = codeOf(record);
      if (error) {
        report.rejected.push({ line, code, reason: error });
        continue;
      }
      const parsed = UpsertGuideMatterReq.safeParse(record);
      if (!parsed.success) {
        report.rejected.push({ line, code, reason: describeIssues(parsed.error) });
        continue;
      }
      try {
        const { outcome } = await this.matters.saveWithOutcome(parsed.data, actor);
        if (outcome === 'created') report.imported++;
        else if (outcome === 'updated') report.updated++;
        else report.unchanged++;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        report.rejected.push({ line, code, reason: `${e.message}${e.details ? ` ${JSON.stringify(e.details)}` : ''}` });
      }
    }
    this.logger.log({ ...report, rejected: report.rejected.length, by: actor.sub }, 'service matters imported');
    return report;
  }
}

function codeOf(record: unknown): string | null {
  const code = record && typeof record === 'object' ? (record as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code.slice(0, 100) : null;
}

/** Zod issues as one Chinese-readable line: `字段路径：说明`. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '记录'}：${i.message}`)
    .join('；');
}
