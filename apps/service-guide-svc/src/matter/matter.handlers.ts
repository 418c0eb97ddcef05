import { Controller } from '@nestjs/common';
import { EDITORS, DomainError, ErrorCode, getGuideMatter, listGuideMatters, upsertGuideMatter, type z } from '@govdisc/contracts';
import { RpcHandler, pageView } from '@govdisc/service-kit';
import type { GuideMatter } from '../generated/prisma/client.js';
import { MatterRepository } from './matter.repository.js';

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
  constructor(private readonly matters: MatterRepository) {}

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

  @RpcHandler(listGuideMatters)
  async list(req: z.output<typeof listGuideMatters.request>) {
    return pageView(await this.matters.list(req), req, toView);
  }
}
