import { Controller } from '@nestjs/common';
import {
  ANONYMOUS,
  authorshipView,
  getGuideMatter,
  isContentStaff,
  listGuideMatters,
  publishGuideMatter,
  searchGuideMatters,
  upsertGuideMatter,
  type z,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import type { GuideMatter } from '../generated/prisma/client.js';
import { MatterSearchService } from './matter-search.service.js';
import { MatterService } from './matter.service.js';

const toView = (m: GuideMatter, staff: boolean) => ({
  id: m.id,
  code: m.code,
  name: m.name,
  department: m.department,
  summary: m.summary,
  materials: m.materials,
  timeLimitDays: m.timeLimitDays,
  policyRefs: m.policyRefs,
  updatedAt: m.updatedAt.toISOString(),
  status: m.status,
  ...(staff ? authorship(m) : {}),
});

/** Who wrote and published the shown version, and an edit waiting for review: staff only. */
function authorship(m: GuideMatter) {
  const pending = m.pendingEdit as { name?: string } | null;
  return authorshipView(m, pending ? { name: pending.name ?? m.name } : null);
}

@Controller()
export class MatterHandlers {
  constructor(
    private readonly matters: MatterService,
    private readonly searching: MatterSearchService,
  ) {}

  @RpcHandler(upsertGuideMatter)
  async upsert(req: z.output<typeof upsertGuideMatter.request>, meta: RpcMeta) {
    return toView(await this.matters.save(req, meta.actor ?? ANONYMOUS), true);
  }

  @RpcHandler(publishGuideMatter)
  async publish(req: z.output<typeof publishGuideMatter.request>, meta: RpcMeta) {
    return toView(await this.matters.publish(req.code, meta.actor ?? ANONYMOUS), true);
  }

  @RpcHandler(getGuideMatter)
  async get(req: z.output<typeof getGuideMatter.request>, meta: RpcMeta) {
    return toView(await this.matters.get(req.code, meta.actor), isContentStaff(meta.actor));
  }

  @RpcHandler(searchGuideMatters)
  async search(req: z.output<typeof searchGuideMatters.request>) {
    return { items: await this.searching.search(req) };
  }

  @RpcHandler(listGuideMatters)
  async list(req: z.output<typeof listGuideMatters.request>, meta: RpcMeta) {
    const staff = isContentStaff(meta.actor);
    return pageView(await this.matters.list(req, meta.actor), req, (m) => toView(m, staff));
  }
}
