import { Controller } from '@nestjs/common';
import {
  ANONYMOUS,
  type PolicyImportReport,
  finishPolicyImportJob,
  publishPolicyImportJob,
  getPolicyImportJob,
  importPolicyBatch,
  importPolicyFile,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta } from '@govdisc/service-kit';
import type { z } from 'zod';
import { SERVICE_NAME } from '../config/env.js';
import type { ImportJob } from '../generated/prisma/client.js';
import { ImportService } from './import.service.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;

const toJobView = (job: ImportJob) => ({
  id: job.id,
  source: job.source,
  status: job.status,
  lastLine: job.lastLine,
  report: job.report as PolicyImportReport,
});

@Controller()
export class ImportHandlers {
  constructor(private readonly imports: ImportService) {}

  @RpcHandler(importPolicyBatch)
  async batch(req: Req<typeof importPolicyBatch>, meta: RpcMeta) {
    return toJobView(await this.imports.importBatch({ ...req, actor: meta.actor ?? ANONYMOUS }));
  }

  @RpcHandler(importPolicyFile)
  async file(req: Req<typeof importPolicyFile>, meta: RpcMeta) {
    return toJobView(await this.imports.importFile({ ...req, actor: meta.actor ?? ANONYMOUS }));
  }

  @RpcHandler(getPolicyImportJob)
  async get(req: Req<typeof getPolicyImportJob>) {
    return toJobView(await this.imports.get(req.jobId));
  }

  /** Reviewers only: the importer never publishes their own import (four eyes). */
  @RpcHandler(publishPolicyImportJob)
  publish(req: Req<typeof publishPolicyImportJob>, meta: RpcMeta) {
    const ctx = { source: SERVICE_NAME, correlationId: meta.correlationId };
    return this.imports.publishJob(req.jobId, meta.actor ?? ANONYMOUS, ctx);
  }

  @RpcHandler(finishPolicyImportJob)
  async finish(req: Req<typeof finishPolicyImportJob>) {
    return toJobView(await this.imports.finish(req.jobId));
  }
}
