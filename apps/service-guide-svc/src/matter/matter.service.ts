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
import type { GuideMatter } from '../generated/prisma/client.js';
import { type MatterContent, MatterRepository } from './matter.repository.js';

/**
 * Publishing rules for service matters (issue 11.2, kept small until guides are rebuilt): an editor's
 * save is a draft, or a pending edit of a published matter; a reviewer other than its editor publishes
 * it. Drafts are staff-only.
 */
@Injectable()
export class MatterService {
  private readonly logger = new Logger(MatterService.name);

  constructor(private readonly matters: MatterRepository) {}

  async save(input: z.output<typeof UpsertGuideMatterReq>, actor: Actor): Promise<GuideMatter> {
    const saved = await this.matters.transaction(async (tx) => {
      const current = await this.matters.lockByCode(input.code, tx);
      if (current?.status !== 'PUBLISHED') return this.matters.saveDraft(input, actor.sub, tx);
      const { code: _code, ...content } = input;
      if (sameContent(current, content)) return current;
      return this.matters.savePendingEdit(current.id, content, actor.sub, tx);
    });
    this.logger.log({ code: saved.code, status: saved.status, pending: saved.pendingEditedBy !== null }, 'service matter saved');
    return saved;
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
    this.logger.log({ code, publishedBy: actor.sub }, 'service matter published');
    return published;
  }

  /** A draft is not-found for everyone but staff. */
  async get(code: string, actor: Actor | null): Promise<GuideMatter> {
    const matter = await this.matters.findByCode(code);
    if (!matter || (matter.status !== 'PUBLISHED' && !isContentStaff(actor)))
      throw new DomainError(ErrorCode.GUIDE_MATTER_NOT_FOUND, undefined, { code });
    return matter;
  }

  list(query: { page: number; pageSize: number; department?: string }, actor: Actor | null) {
    return this.matters.list({ ...query, publishedOnly: !isContentStaff(actor) });
  }
}

function sameContent(current: GuideMatter, content: MatterContent): boolean {
  return (Object.keys(content) as Array<keyof MatterContent>).every((k) => JSON.stringify(current[k]) === JSON.stringify(content[k]));
}
