import { Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  ErrorCode,
  type UpsertGuideMatterReq,
  assertNotOwnVersion,
  isContentStaff,
  type z,
} from '@govdisc/contracts';
import { TtlCache } from '@govdisc/service-kit';
import type { GuideMatter } from '../generated/prisma/client.js';
import { canonicalJson } from '../publishing/canonical-json.util.js';
import { type MatterContent, matterTopics, sameMatterContent } from './matter.mapper.js';
import { MatterRepository, type Tx } from './matter.repository.js';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Publishing rules for service matters: an editor's save is a draft, or a pending version of a published
 * matter (the published version keeps serving); a reviewer other than its editor publishes it, which
 * makes the pending version the next published one. Drafts are staff-only.
 */
@Injectable()
export class MatterService {
  private readonly logger = new Logger(MatterService.name);

  /** Read for every home page's topic grid: counts may lag a few seconds. */
  private readonly topicCounts = new TtlCache<Record<string, number>>(5_000, 1);

  constructor(private readonly matters: MatterRepository) {}

  /** Published matters per topic code (cached for 5 s). */
  countsByTopic(): Promise<Record<string, number>> {
    return this.topicCounts.get('all', () => this.matters.publishedTopicCounts());
  }

  async save(input: z.output<typeof UpsertGuideMatterReq>, actor: Actor): Promise<GuideMatter> {
    return (await this.saveWithOutcome(input, actor)).matter;
  }

  /** As `save`, saying whether anything changed (imports report it). */
  async saveWithOutcome(
    input: z.output<typeof UpsertGuideMatterReq>,
    actor: Actor,
  ): Promise<{ matter: GuideMatter; outcome: SaveOutcome }> {
    const { code, topics: _topics, ...given } = input;
    const result = await this.matters.transaction(async (tx) => {
      await this.assertSitesExist(given, tx);
      let current = await this.matters.lockByCode(code, tx);
      const content: MatterContent = { ...given, ...matterTopics(input, current) };
      // saving again (even unchanged) is the editor's answer to a needs-update flag
      if (current?.needsUpdate) current = await this.matters.clearNeedsUpdate(current.id, tx);
      if (!current) return { matter: await this.matters.saveDraft(code, content, actor.sub, tx), outcome: 'created' as const };
      if (current.status !== 'PUBLISHED') {
        if (sameMatterContent(current, content)) return { matter: current, outcome: 'unchanged' as const };
        return { matter: await this.matters.saveDraft(code, content, actor.sub, tx), outcome: 'updated' as const };
      }
      if (sameMatterContent(current, content)) return { matter: current, outcome: 'unchanged' as const };
      const pending = current.pendingEdit as MatterContent | null;
      if (pending && canonicalJson(pending) === canonicalJson(content)) return { matter: current, outcome: 'unchanged' as const };
      return { matter: await this.matters.savePendingEdit(current.id, content, actor.sub, tx), outcome: 'updated' as const };
    });
    const m = result.matter;
    this.logger.log({ code, status: m.status, outcome: result.outcome, pending: m.pendingEditedBy !== null }, 'service matter saved');
    return result;
  }

  async publish(code: string, actor: Actor): Promise<GuideMatter> {
    const published = await this.matters.transaction(async (tx) => {
      const current = await this.matters.lockByCode(code, tx);
      if (!current) throw new DomainError(ErrorCode.GUIDE_MATTER_NOT_FOUND, undefined, { code });
      if (current.status === 'DRAFT') {
        assertNotOwnVersion({ actor, editedBy: current.editedBy, details: { code } });
        return this.matters.markPublished(current.id, actor.sub, tx);
      }
      if (current.pendingEditedBy === null) throw new DomainError(ErrorCode.CONTENT_NOTHING_TO_PUBLISH, undefined, { code });
      assertNotOwnVersion({ actor, editedBy: current.pendingEditedBy, details: { code } });
      return this.matters.applyPendingEdit(current, actor.sub, tx);
    });
    this.logger.log({ code, publishedBy: actor.sub, version: published.version }, 'service matter published');
    return published;
  }

  /** A draft is not-found for everyone but staff. */
  async get(code: string, actor: Actor | null): Promise<GuideMatter> {
    const matter = await this.matters.findByCode(code);
    if (!matter || (matter.status !== 'PUBLISHED' && !isContentStaff(actor)))
      throw new DomainError(ErrorCode.GUIDE_MATTER_NOT_FOUND, undefined, { code });
    return matter;
  }

  /** A matter's detail: the matter and its published sites. */
  async detail(code: string, actor: Actor | null) {
    const matter = await this.get(code, actor);
    return { matter, sites: await this.matters.publishedSites(matter.siteIds) };
  }

  list(
    query: { page: number; pageSize: number; q?: string; topic?: string; department?: string; needsUpdate?: boolean },
    actor: Actor | null,
  ) {
    const staff = isContentStaff(actor);
    // the flag is staff-only: the public filter on it is ignored
    return this.matters.list({ ...query, needsUpdate: staff ? query.needsUpdate : undefined, publishedOnly: !staff });
  }

  /** The policy ids or externalIds `citing` can find anything for. */
  citedPolicyIds(): Promise<string[]> {
    return this.matters.publishedPolicyRefs();
  }

  /** Published matters citing a policy by its id or externalId, with the first clause cited. */
  async citing(documentId: string, externalId: string | null, limit: number) {
    const ids = [documentId, ...(externalId ? [externalId] : [])];
    const found = await this.matters.findPublishedCiting(ids, limit);
    return found.map((m) => {
      const basis = m.legalBasis.find((l) => ids.includes(l.policyId) && l.clause !== undefined);
      return { code: m.code, name: m.name, department: m.department, ...(basis?.clause ? { clause: basis.clause } : {}) };
    });
  }

  private async assertSitesExist(content: Pick<MatterContent, 'siteIds'>, tx: Tx): Promise<void> {
    const known = await this.matters.existingSiteIds(content.siteIds, tx);
    const unknown = content.siteIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new DomainError(ErrorCode.GUIDE_SITE_UNKNOWN, undefined, { siteIds: unknown });
  }
}
