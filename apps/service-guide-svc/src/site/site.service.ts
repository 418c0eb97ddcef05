import { Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  ErrorCode,
  type NearestSitesReq,
  type UpsertServiceSiteReq,
  assertNotOwnVersion,
  isContentStaff,
  type z,
} from '@govdisc/contracts';
import { officialCalendar } from '@govdisc/working-days';
import type { ServiceSite } from '../generated/prisma/client.js';
import { canonicalJson } from '../publishing/canonical-json.util.js';
import { type OpeningPeriod, type OpeningRules, haversineMeters, isOpenAt, openingClock } from './opening-hours.js';
import { type SiteContent, SiteRepository } from './site.repository.js';

/** How long `nearest` may use the published sites as last read (other replicas' publishes show up after this). */
const FRESH_MS = 2_000;

export const siteContentOf = (s: ServiceSite): SiteContent => ({
  name: s.name,
  level: s.level as SiteContent['level'],
  address: s.address,
  district: s.district,
  phones: s.phones,
  lat: s.lat,
  lng: s.lng,
  weeklyHours: s.weeklyHours as unknown as OpeningPeriod[],
  openOnHolidays: s.openOnHolidays,
  hoursNote: s.hoursNote,
});

const rulesOf = (site: ServiceSite): OpeningRules => ({
  weeklyHours: site.weeklyHours as unknown as OpeningPeriod[],
  openOnHolidays: site.openOnHolidays,
});

/** Service sites: four-eyes publishing like matters, opening hours against the official calendar, nearest sites. */
@Injectable()
export class SiteService {
  private readonly logger = new Logger(SiteService.name);
  private readonly calendar = officialCalendar();
  private cache: { at: number; sites: ServiceSite[] } | null = null;

  constructor(private readonly sites: SiteRepository) {}

  async save(input: z.output<typeof UpsertServiceSiteReq>, actor: Actor): Promise<ServiceSite> {
    const { id, ...content } = input;
    const saved = await this.sites.transaction(async (tx) => {
      const current = await this.sites.lock(id, tx);
      if (current?.status !== 'PUBLISHED') return this.sites.saveDraft(id, content, actor.sub, tx);
      if (canonicalJson(siteContentOf(current)) === canonicalJson(content)) return current;
      return this.sites.savePendingEdit(id, content, actor.sub, tx);
    });
    this.cache = null;
    this.logger.log({ id, status: saved.status, pending: saved.pendingEditedBy !== null }, 'service site saved');
    return saved;
  }

  async publish(id: string, actor: Actor): Promise<ServiceSite> {
    const published = await this.sites.transaction(async (tx) => {
      const current = await this.sites.lock(id, tx);
      if (!current) throw new DomainError(ErrorCode.GUIDE_SITE_NOT_FOUND, undefined, { id });
      if (current.status === 'DRAFT') {
        assertNotOwnVersion({ actor, editedBy: current.editedBy, details: { id } });
        return this.sites.markPublished(id, actor.sub, tx);
      }
      if (current.pendingEditedBy === null) throw new DomainError(ErrorCode.CONTENT_NOTHING_TO_PUBLISH, undefined, { id });
      assertNotOwnVersion({ actor, editedBy: current.pendingEditedBy, details: { id } });
      return this.sites.applyPendingEdit(current, actor.sub, tx);
    });
    this.cache = null;
    this.logger.log({ id, publishedBy: actor.sub }, 'service site published');
    return published;
  }

  /** A draft site is not-found for everyone but staff; `matters` are the published matters handled there. */
  async detail(id: string, actor: Actor | null) {
    const site = await this.sites.find(id);
    if (!site || (site.status !== 'PUBLISHED' && !isContentStaff(actor)))
      throw new DomainError(ErrorCode.GUIDE_SITE_NOT_FOUND, undefined, { id });
    return { site, matters: await this.sites.publishedMattersAt(id) };
  }

  list(query: { page: number; pageSize: number; district?: string; level?: string }, actor: Actor | null) {
    return this.sites.list({ ...query, publishedOnly: !isContentStaff(actor) });
  }

  isOpen(site: ServiceSite, at: Date): boolean {
    return isOpenAt(rulesOf(site), at, this.calendar);
  }

  /** `isOpen` for many sites at one instant (a list page). */
  openAt(at: Date): (site: ServiceSite) => boolean {
    const isOpen = openingClock(at, this.calendar);
    return (site) => isOpen(rulesOf(site));
  }

  /**
   * Published sites nearest to a WGS-84 point, nearest first (ties by id); optionally only open ones or
   * those handling a matter. Opening hours are checked in distance order until `limit` sites are found.
   */
  async nearest(query: z.output<typeof NearestSitesReq>): Promise<Array<{ site: ServiceSite; distanceMeters: number; openNow: boolean }>> {
    const isOpen = openingClock(query.at ? new Date(query.at) : new Date(), this.calendar);
    let candidates = await this.published();
    if (query.matter) {
      const ids = new Set((await this.sites.siteIdsOfPublishedMatter(query.matter)) ?? []);
      candidates = candidates.filter((s) => ids.has(s.id));
    }
    const byDistance = candidates
      .map((site) => ({ site, distanceMeters: Math.round(haversineMeters(query, site)) }))
      .sort((a, b) => a.distanceMeters - b.distanceMeters || (a.site.id < b.site.id ? -1 : 1));
    const hits: Array<{ site: ServiceSite; distanceMeters: number; openNow: boolean }> = [];
    for (const hit of byDistance) {
      if (hits.length >= query.limit) break;
      const openNow = isOpen(rulesOf(hit.site));
      if (!query.openNow || openNow) hits.push({ ...hit, openNow });
    }
    return hits;
  }

  private async published(): Promise<ServiceSite[]> {
    if (this.cache && Date.now() - this.cache.at < FRESH_MS) return this.cache.sites;
    const sites = await this.sites.allPublished();
    this.cache = { at: Date.now(), sites };
    return sites;
  }
}
