import { Controller } from '@nestjs/common';
import {
  ANONYMOUS,
  authorshipView,
  getServiceSite,
  isContentStaff,
  listServiceSites,
  nearestServiceSites,
  publishServiceSite,
  upsertServiceSite,
  type z,
} from '@govdisc/contracts';
import { RpcHandler, type RpcMeta, pageView } from '@govdisc/service-kit';
import type { ServiceSite } from '../generated/prisma/client.js';
import { SiteService, siteContentOf } from './site.service.js';

function toView(s: ServiceSite, opts: { staff: boolean; openNow: boolean; matters?: Array<{ code: string; name: string }> }) {
  const pending = s.pendingEdit as { name?: string } | null;
  return {
    id: s.id,
    ...siteContentOf(s),
    datum: 'WGS-84' as const,
    openNow: opts.openNow,
    matters: opts.matters ?? [],
    status: s.status,
    updatedAt: s.updatedAt.toISOString(),
    ...(opts.staff ? authorshipView(s, pending ? { name: pending.name ?? s.name } : null) : {}),
  };
}

const atOf = (at: string | undefined) => (at ? new Date(at) : new Date());

@Controller()
export class SiteHandlers {
  constructor(private readonly sites: SiteService) {}

  @RpcHandler(upsertServiceSite)
  async upsert(req: z.output<typeof upsertServiceSite.request>, meta: RpcMeta) {
    const site = await this.sites.save(req, meta.actor ?? ANONYMOUS);
    return toView(site, { staff: true, openNow: this.sites.isOpen(site, new Date()) });
  }

  @RpcHandler(publishServiceSite)
  async publish(req: z.output<typeof publishServiceSite.request>, meta: RpcMeta) {
    const site = await this.sites.publish(req.id, meta.actor ?? ANONYMOUS);
    return toView(site, { staff: true, openNow: this.sites.isOpen(site, new Date()) });
  }

  @RpcHandler(getServiceSite)
  async get(req: z.output<typeof getServiceSite.request>, meta: RpcMeta) {
    const { site, matters } = await this.sites.detail(req.id, meta.actor);
    return toView(site, { staff: isContentStaff(meta.actor), openNow: this.sites.isOpen(site, atOf(req.at)), matters });
  }

  @RpcHandler(listServiceSites)
  async list(req: z.output<typeof listServiceSites.request>, meta: RpcMeta) {
    const staff = isContentStaff(meta.actor);
    const isOpen = this.sites.openAt(atOf(req.at));
    return pageView(await this.sites.list(req, meta.actor), req, (s) => toView(s, { staff, openNow: isOpen(s) }));
  }

  @RpcHandler(nearestServiceSites)
  async nearest(req: z.output<typeof nearestServiceSites.request>) {
    const hits = await this.sites.nearest(req);
    return {
      items: hits.map(({ site, distanceMeters, openNow }) => {
        const { matters: _matters, ...view } = toView(site, { staff: false, openNow });
        return { ...view, distanceMeters };
      }),
    };
  }
}
