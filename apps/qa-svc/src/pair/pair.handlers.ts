import { Controller } from '@nestjs/common';
import { DomainError, ErrorCode, getQaPair, listQaPairs, upsertQaPair, type z } from '@govdisc/contracts';
import { RpcHandler, pageView } from '@govdisc/service-kit';
import type { QaPair } from '../generated/prisma/client.js';
import { PairRepository } from './pair.repository.js';

const toView = (p: QaPair) => ({
  id: p.id,
  externalId: p.externalId,
  question: p.question,
  answer: p.answer,
  sourcePolicyId: p.sourcePolicyId,
  status: p.status,
  updatedAt: p.updatedAt.toISOString(),
});

@Controller()
export class PairHandlers {
  constructor(private readonly pairs: PairRepository) {}

  @RpcHandler(upsertQaPair)
  async upsert(req: z.output<typeof upsertQaPair.request>) {
    return toView(await this.pairs.upsert(req));
  }

  @RpcHandler(getQaPair)
  async get(req: z.output<typeof getQaPair.request>) {
    const pair = await this.pairs.findById(req.pairId);
    if (!pair) throw new DomainError(ErrorCode.QA_PAIR_NOT_FOUND, undefined, { pairId: req.pairId });
    return toView(pair);
  }

  @RpcHandler(listQaPairs)
  async list(req: z.output<typeof listQaPairs.request>) {
    return pageView(await this.pairs.list(req), req, toView);
  }
}
