import { Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  ErrorCode,
  type GuideBundleView,
  type UpsertGuideBundleReq,
  assertNotOwnVersion,
  authorshipView,
  isContentStaff,
  type z,
} from '@govdisc/contracts';
import type { GuideBundle } from '../generated/prisma/client.js';
import { toMatterView } from '../matter/matter.mapper.js';
import { MatterRepository } from '../matter/matter.repository.js';
import { canonicalJson } from '../publishing/canonical-json.util.js';
import { type BundleContent, BundleRepository } from './bundle.repository.js';
import { mergeMaterials } from './merge-materials.js';

type View = z.infer<typeof GuideBundleView>;

const contentOf = (b: GuideBundle): BundleContent => ({
  name: b.name,
  description: b.description,
  matterCodes: b.matterCodes,
  topics: b.topics,
});

export function toBundleSummary(b: GuideBundle, staff: boolean) {
  const pending = b.pendingEdit as { name?: string } | null;
  return {
    code: b.code,
    ...contentOf(b),
    status: b.status,
    updatedAt: b.updatedAt.toISOString(),
    ...(staff ? authorshipView(b, pending ? { name: pending.name ?? b.name } : null) : {}),
  };
}

/** 一件事 bundles: four-eyes publishing like matters; a detail merges its matters' materials and time limits. */
@Injectable()
export class BundleService {
  private readonly logger = new Logger(BundleService.name);

  constructor(
    private readonly bundles: BundleRepository,
    private readonly matters: MatterRepository,
  ) {}

  async save(input: z.output<typeof UpsertGuideBundleReq>, actor: Actor): Promise<GuideBundle> {
    const { code, ...content } = input;
    const saved = await this.bundles.transaction(async (tx) => {
      const known = await this.bundles.existingMatterCodes(content.matterCodes, tx);
      const unknown = content.matterCodes.filter((c) => !known.has(c));
      if (unknown.length > 0) throw new DomainError(ErrorCode.GUIDE_MATTER_UNKNOWN, undefined, { matterCodes: unknown });
      const current = await this.bundles.lock(code, tx);
      if (current?.status !== 'PUBLISHED') return this.bundles.saveDraft(code, content, actor.sub, tx);
      if (canonicalJson(contentOf(current)) === canonicalJson(content)) return current;
      return this.bundles.savePendingEdit(code, content, actor.sub, tx);
    });
    this.logger.log({ code, status: saved.status, pending: saved.pendingEditedBy !== null }, 'bundle saved');
    return saved;
  }

  async publish(code: string, actor: Actor): Promise<GuideBundle> {
    const published = await this.bundles.transaction(async (tx) => {
      const current = await this.bundles.lock(code, tx);
      if (!current) throw new DomainError(ErrorCode.GUIDE_BUNDLE_NOT_FOUND, undefined, { code });
      if (current.status === 'DRAFT') {
        assertNotOwnVersion({ actor, editedBy: current.editedBy, details: { code } });
        return this.bundles.markPublished(code, actor.sub, tx);
      }
      if (current.pendingEditedBy === null) throw new DomainError(ErrorCode.CONTENT_NOTHING_TO_PUBLISH, undefined, { code });
      assertNotOwnVersion({ actor, editedBy: current.pendingEditedBy, details: { code } });
      return this.bundles.applyPendingEdit(current, actor.sub, tx);
    });
    this.logger.log({ code, publishedBy: actor.sub }, 'bundle published');
    return published;
  }

  list(query: { page: number; pageSize: number }, actor: Actor | null) {
    return this.bundles.list({ ...query, publishedOnly: !isContentStaff(actor) });
  }

  /** The bundle with its matters in order (drafts only for staff), one merged materials list, total days and where to start. */
  async detail(code: string, actor: Actor | null): Promise<View> {
    const staff = isContentStaff(actor);
    const bundle = await this.bundles.find(code);
    if (!bundle || (bundle.status !== 'PUBLISHED' && !staff)) throw new DomainError(ErrorCode.GUIDE_BUNDLE_NOT_FOUND, undefined, { code });
    const rows = new Map((await this.matters.findByCodes(bundle.matterCodes)).map((m) => [m.code, m]));
    const matters = bundle.matterCodes
      .flatMap((c) => (rows.has(c) ? [rows.get(c)!] : []))
      .filter((m) => staff || m.status === 'PUBLISHED')
      .map((m) => toMatterView(m, { staff }));
    const first = matters[0];
    const firstSite = first ? (await this.matters.publishedSites(first.siteIds))[0] : undefined;
    return {
      ...toBundleSummary(bundle, staff),
      matters,
      materials: mergeMaterials(matters),
      totalPromisedDays: matters.reduce((sum, m) => sum + (m.promisedDays ?? 0), 0),
      daysUnknownFor: matters.filter((m) => m.promisedDays === null).map((m) => m.code),
      start: {
        matterCode: first?.code ?? '',
        onlineUrl: first?.onlineUrl ?? null,
        onlineDepth: first?.onlineDepth ?? '线下办理',
        site: firstSite ? { id: firstSite.id, name: firstSite.name, address: firstSite.address } : null,
      },
    };
  }
}
