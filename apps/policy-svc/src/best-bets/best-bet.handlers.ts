import { Controller } from '@nestjs/common';
import { EDITORS, createBestBet, deleteBestBet, listBestBets, updateBestBet } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import type { z } from 'zod';
import { toBestBetView } from './best-bet.mapper.js';
import { BestBetService } from './best-bet.service.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;
const subOf = (meta: RpcMeta) => meta.actor!.sub;

@Controller()
export class BestBetHandlers {
  constructor(private readonly bestBets: BestBetService) {}

  @RpcHandler(listBestBets, { allow: EDITORS })
  async list(req: Req<typeof listBestBets>) {
    return pageView(await this.bestBets.list(req), req, toBestBetView);
  }

  @RpcHandler(createBestBet, { allow: EDITORS })
  async create(req: Req<typeof createBestBet>, meta: RpcMeta) {
    return toBestBetView(await this.bestBets.create(req, subOf(meta)));
  }

  @RpcHandler(updateBestBet, { allow: EDITORS })
  async update(req: Req<typeof updateBestBet>, meta: RpcMeta) {
    return toBestBetView(await this.bestBets.update(req, subOf(meta)));
  }

  @RpcHandler(deleteBestBet, { allow: EDITORS })
  async delete(req: Req<typeof deleteBestBet>) {
    await this.bestBets.delete(req.bestBetId);
    return { id: req.bestBetId, deleted: true as const };
  }
}
