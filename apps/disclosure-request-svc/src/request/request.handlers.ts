import { Controller } from '@nestjs/common';
import {
  ANONYMOUS,
  actOnDisclosureRequest,
  disclosureSla,
  disclosureTable3,
  getDisclosureRequest,
  getMyDisclosureRequest,
  listMyDisclosureRequests,
  listDisclosureQueue,
  submitDisclosureRequest,
  trackDisclosureRequest,
  withdrawDisclosureRequest,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta } from '@govdisc/service-kit';
import type { z } from 'zod';
import { SERVICE_NAME } from '../config/env.js';
import { Table3UseCase } from './table3.usecase.js';
import { SlaReportUseCase } from './sla-report.usecase.js';
import { ActOnRequestUseCase } from './act-on-request.usecase.js';
import { RequestQueries } from './request-queries.service.js';
import { deadlinesOf } from './request.views.js';
import { SubmitRequestUseCase } from './submit-request.usecase.js';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;
const ctxOf = (meta: RpcMeta) => ({ source: SERVICE_NAME, correlationId: meta.correlationId });

@Controller()
export class RequestHandlers {
  constructor(
    private readonly submitRequest: SubmitRequestUseCase,
    private readonly actOnRequest: ActOnRequestUseCase,
    private readonly queries: RequestQueries,
    private readonly table3: Table3UseCase,
    private readonly sla: SlaReportUseCase,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  @RpcHandler(submitDisclosureRequest)
  async submit(req: Req<typeof submitDisclosureRequest>, meta: RpcMeta) {
    const { request: r, duplicateOf } = await this.submitRequest.execute(req, meta.actor ?? ANONYMOUS, ctxOf(meta), meta.idempotencyKey);
    return {
      requestNumber: r.requestNumber,
      trackingCode: r.trackingCode,
      status: r.status,
      submittedAt: r.submittedAt.toISOString(),
      receiptDate: r.clockStart,
      duplicateOf: duplicateOf?.requestNumber ?? null,
      deadlines: deadlinesOf(r, this.calendar),
    };
  }

  @RpcHandler(trackDisclosureRequest)
  async track(req: Req<typeof trackDisclosureRequest>) {
    return this.queries.track(req.trackingCode);
  }

  @RpcHandler(getDisclosureRequest)
  async get(req: Req<typeof getDisclosureRequest>, meta: RpcMeta) {
    return this.queries.get(req.requestNumber, meta.actor);
  }

  @RpcHandler(actOnDisclosureRequest)
  async act(req: Req<typeof actOnDisclosureRequest>, meta: RpcMeta) {
    const row = await this.actOnRequest.execute({ ...req, actor: meta.actor ?? ANONYMOUS, ctx: ctxOf(meta) });
    return this.queries.view(row, false);
  }

  @RpcHandler(withdrawDisclosureRequest)
  async withdraw(req: Req<typeof withdrawDisclosureRequest>, meta: RpcMeta) {
    const row = await this.actOnRequest.withdrawByApplicant({ ...req, actor: meta.actor, ctx: ctxOf(meta) });
    return this.queries.view(row, false);
  }

  @RpcHandler(listDisclosureQueue)
  async queue(req: Req<typeof listDisclosureQueue>, meta: RpcMeta) {
    return this.queries.queue({ ...req, actor: meta.actor });
  }

  @RpcHandler(disclosureTable3)
  async report(req: Req<typeof disclosureTable3>, meta: RpcMeta) {
    return this.table3.execute(req, meta.actor);
  }

  @RpcHandler(disclosureSla)
  async slaReport(req: Req<typeof disclosureSla>, meta: RpcMeta) {
    return this.sla.execute(req, meta.actor);
  }

  @RpcHandler(listMyDisclosureRequests)
  async mine(req: Req<typeof listMyDisclosureRequests>, meta: RpcMeta) {
    return this.queries.mine({ ...req, actor: meta.actor });
  }

  @RpcHandler(getMyDisclosureRequest)
  async mineOne(req: Req<typeof getMyDisclosureRequest>, meta: RpcMeta) {
    return this.queries.mineOne(req.requestNumber, meta.actor);
  }
}
