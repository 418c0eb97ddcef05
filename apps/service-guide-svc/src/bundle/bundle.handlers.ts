import { Controller } from '@nestjs/common';
import {
  ANONYMOUS,
  getGuideBundle,
  isContentStaff,
  listGuideBundles,
  publishGuideBundle,
  upsertGuideBundle,
  type z,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import { BundleService, toBundleSummary } from './bundle.service.js';

@Controller()
export class BundleHandlers {
  constructor(private readonly bundles: BundleService) {}

  @RpcHandler(upsertGuideBundle)
  async upsert(req: z.output<typeof upsertGuideBundle.request>, meta: RpcMeta) {
    return toBundleSummary(await this.bundles.save(req, meta.actor ?? ANONYMOUS), true);
  }

  @RpcHandler(publishGuideBundle)
  async publish(req: z.output<typeof publishGuideBundle.request>, meta: RpcMeta) {
    return toBundleSummary(await this.bundles.publish(req.code, meta.actor ?? ANONYMOUS), true);
  }

  @RpcHandler(getGuideBundle)
  get(req: z.output<typeof getGuideBundle.request>, meta: RpcMeta) {
    return this.bundles.detail(req.code, meta.actor);
  }

  @RpcHandler(listGuideBundles)
  async list(req: z.output<typeof listGuideBundles.request>, meta: RpcMeta) {
    const staff = isContentStaff(meta.actor);
    return pageView(await this.bundles.list(req, meta.actor), req, (b) => toBundleSummary(b, staff));
  }
}
