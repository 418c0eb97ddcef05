import { Controller } from '@nestjs/common';
import {
  ANONYMOUS,
  getGuideMatter,
  guideTopicCounts,
  importGuideMatters,
  isContentStaff,
  listGuideMatters,
  listMattersCitingPolicy,
  listPoliciesCitedByMatters,
  publishGuideMatter,
  searchGuideMatters,
  upsertGuideMatter,
  type z,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import { MatterImportService } from './matter-import.service.js';
import { toMatterView } from './matter.mapper.js';
import { MatterSearchService } from './matter-search.service.js';
import { MatterService } from './matter.service.js';

@Controller()
export class MatterHandlers {
  constructor(
    private readonly matters: MatterService,
    private readonly searching: MatterSearchService,
    private readonly importing: MatterImportService,
  ) {}

  @RpcHandler(upsertGuideMatter)
  async upsert(req: z.output<typeof upsertGuideMatter.request>, meta: RpcMeta) {
    return toMatterView(await this.matters.save(req, meta.actor ?? ANONYMOUS), { staff: true });
  }

  @RpcHandler(publishGuideMatter)
  async publish(req: z.output<typeof publishGuideMatter.request>, meta: RpcMeta) {
    return toMatterView(await this.matters.publish(req.code, meta.actor ?? ANONYMOUS), { staff: true });
  }

  @RpcHandler(getGuideMatter)
  async get(req: z.output<typeof getGuideMatter.request>, meta: RpcMeta) {
    const { matter, sites } = await this.matters.detail(req.code, meta.actor);
    return toMatterView(matter, { staff: isContentStaff(meta.actor), sites });
  }

  @RpcHandler(searchGuideMatters)
  async search(req: z.output<typeof searchGuideMatters.request>) {
    return { items: await this.searching.search(req) };
  }

  @RpcHandler(listMattersCitingPolicy)
  async citing(req: z.output<typeof listMattersCitingPolicy.request>) {
    return { items: await this.matters.citing(req.documentId, req.externalId, req.limit) };
  }

  @RpcHandler(listPoliciesCitedByMatters)
  async citedPolicies() {
    return { ids: await this.matters.citedPolicyIds() };
  }

  @RpcHandler(listGuideMatters)
  async list(req: z.output<typeof listGuideMatters.request>, meta: RpcMeta) {
    const staff = isContentStaff(meta.actor);
    return pageView(await this.matters.list(req, meta.actor), req, (m) => toMatterView(m, { staff }));
  }

  @RpcHandler(guideTopicCounts)
  async topicCounts() {
    return { counts: await this.matters.countsByTopic() };
  }

  @RpcHandler(importGuideMatters)
  import(req: z.output<typeof importGuideMatters.request>, meta: RpcMeta) {
    return this.importing.import(req, meta.actor ?? ANONYMOUS);
  }
}
