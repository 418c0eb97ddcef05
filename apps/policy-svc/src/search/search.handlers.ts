import { Controller } from '@nestjs/common';
import { rebuildPolicySearch, searchPolicies, searchPolicyPart, suggestPolicies } from '@govdisc/contracts';
import { RpcHandler } from '@govdisc/service-kit';
import type { z } from 'zod';
import { SearchProjectionService } from './search-projection.service.js';
import { SearchService } from './search.service.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;

@Controller()
export class SearchHandlers {
  constructor(
    private readonly search: SearchService,
    private readonly projection: SearchProjectionService,
  ) {}

  @RpcHandler(searchPolicies)
  query(req: Req<typeof searchPolicies>) {
    return this.search.search(req);
  }

  @RpcHandler(searchPolicyPart)
  async part(req: Req<typeof searchPolicyPart>) {
    return { parts: [await this.search.part(req)] };
  }

  @RpcHandler(suggestPolicies)
  async suggest(req: Req<typeof suggestPolicies>) {
    return { items: await this.search.suggest(req.q) };
  }

  @RpcHandler(rebuildPolicySearch)
  rebuild() {
    return this.projection.rebuild();
  }
}
