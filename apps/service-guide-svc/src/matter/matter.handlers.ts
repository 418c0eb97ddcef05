import { Controller } from '@nestjs/common';
import { EDITORS, DomainError, ErrorCode, getGuideMatter, listGuideMatters, searchGuideMatters, upsertGuideMatter, type z } from '@govdisc/contracts';
import { RpcHandler, pageView } from '@govdisc/service-kit';
import type { GuideMatter } from '../generated/prisma/client.js';
import { MatterRepository } from './matter.repository.js';
import { MatterSearchService } from './matter-search.service.js';

const toView = (m: GuideMatter) => ({
  id: m.id,
  code: m.code,
  name: m.name,
  department: m.department,
  summary: m.summary,
  materials: m.materials,
  timeLimitDays: m.timeLimitDays,
  policyRefs: m.policyRefs,
  updatedAt: m.updatedAt.toISOString(),
});

@Controller()
export class MatterHandlers {
  constructor(
    private readonly matters: MatterRepository,
    private readonly searching: MatterSearchService,
  ) {}

  @RpcHandler(upsertGuideMatter, { allow: EDITORS })
  async upsert(req: z.output<typeof upsertGuideMatter.request>) {
    return toView(await this.matters.upsert(req));
  }

  @RpcHandler(getGuideMatter)
  async get(req: z.output<typeof getGuideMatter.request>) {
    const matter = await this.matters.findByCode(req.code);
    if (!matter) throw new DomainError(ErrorCode.GUIDE_MATTER_NOT_FOUND, undefined, { code: req.code });
    return toView(matter);
  }

  @RpcHandler(searchGuideMatters)
  async search(req: z.output<typeof searchGuideMatters.request>) {
    return { items: await this.searching.search(req) };
  }

  @RpcHandler(listGuideMatters)
  async list(req: z.output<typeof listGuideMatters.request>) {
    return pageView(await this.matters.list(req), req, toView);
  }
}
