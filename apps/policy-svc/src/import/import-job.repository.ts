import { Injectable } from '@nestjs/common';
import type { PolicyImportReport } from '@govdisc/contracts';
import type { ImportJob, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

type Tx = Prisma.TransactionClient;
type Report = PolicyImportReport;

/** The only place that queries import jobs. */
@Injectable()
export class ImportJobRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(source: string, report: Report): Promise<ImportJob> {
    return this.prisma.importJob.create({ data: { source, report: report } });
  }

  findById(id: string, tx: Tx = this.prisma): Promise<ImportJob | null> {
    return tx.importJob.findUnique({ where: { id } });
  }

  update(id: string, data: { lastLine?: number; report?: Report; status?: string }, tx: Tx = this.prisma): Promise<ImportJob> {
    const { report, ...rest } = data;
    return tx.importJob.update({
      where: { id },
      data: { ...rest, ...(report ? { report: report } : {}) },
    });
  }
}
