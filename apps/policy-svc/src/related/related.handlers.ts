import { Controller } from '@nestjs/common';
import { relatedPolicies } from '@govdisc/contracts';
import { RpcHandler, type RpcMeta } from '@govdisc/service-kit';
import type { z } from 'zod';
import { RelatedService } from './related.service.js';

@Controller()
export class RelatedHandlers {
  constructor(private readonly related: RelatedService) {}

  @RpcHandler(relatedPolicies)
  async list(req: z.output<typeof relatedPolicies.request>, meta: RpcMeta) {
    return { items: await this.related.related({ ...req, actor: meta.actor }) };
  }
}
