import { Controller } from '@nestjs/common';
import { createBestBet, deleteBestBet, listBestBets, updateBestBet } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import type { z } from 'zod';
import { toBestBetView } from './best-bet.mapper.js';
import { BestBetService } from './best-bet.service.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;
const subOf = (meta: RpcMeta) => meta.actor!.sub;

@Controller()
export class BestBetHandlers {
  constructor(private readonly bestBets: BestBetService) {}

  @RpcHandler(listBestBets)
  async list(req: Req<typeof listBestBets>) {
    return pageView(await this.bestBets.list(req), req, toBestBetView);
  }

  @RpcHandler(createBestBet)
  async create(req: Req<typeof createBestBet>, meta: RpcMeta) {
    return toBestBetView(await this.bestBets.create(req, subOf(meta)));
  }

  @RpcHandler(updateBestBet)
  async update(req: Req<typeof updateBestBet>, meta: RpcMeta) {
    return toBestBetView(await this.bestBets.update(req, subOf(meta)));
  }

  @RpcHandler(deleteBestBet)
  async delete(req: Req<typeof deleteBestBet>) {
    await this.bestBets.delete(req.bestBetId);
    return { id: req.bestBetId, deleted: true as const };
  }
}
