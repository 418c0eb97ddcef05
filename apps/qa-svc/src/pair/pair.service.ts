import { Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, REVIEWERS, shanghaiDate, type UpsertQaPairReq, type QaAction, type z } from '@govdisc/contracts';
import type { QaStatus } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import { TopicRepository } from '../topic/topic.repository.js';
import { type CheckedCitation, CitationVerifier } from './citation-verifier.js';
import { isReviewer, isStaff, nextStatus } from './pair-workflow.js';
import { type PairContent, type PairWithCitations, PairRepository } from './pair.repository.js';

export type UpsertOutcome = 'imported' | 'updated' | 'unchanged';

/** Q&A rules: who may publish, what an edit does to the status, what the public may see. */
@Injectable()
export class PairService {
  private readonly logger = new Logger(PairService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly pairs: PairRepository,
    private readonly topics: TopicRepository,
    private readonly citations: CitationVerifier,
  ) {}

  async upsert(input: UpsertQaPairReq, actor: Actor): Promise<{ pair: PairWithCitations; outcome: UpsertOutcome }> {
    if (input.publish && !isReviewer(actor)) throw new DomainError(ErrorCode.FORBIDDEN, '只有审核人可以直接发布问答。', { required: REVIEWERS });
    await this.topics.assertKnown(input.topics);
    const checked = await this.citations.checkAll(input);
    const content = contentOf(input);
    const result = await this.prisma.$transaction(async (tx) => {
      const existing = input.externalId ? await this.pairs.findByExternalId(input.externalId, tx) : null;
      const status: QaStatus = input.publish ? 'PUBLISHED' : 'DRAFT';
      if (!existing) {
        const pair = await this.pairs.create({ ...content, externalId: input.externalId ?? null, status, lastEditorSub: actor.sub }, checked, tx);
        await this.pairs.addRevision(pair, { action: input.publish ? 'CREATED_PUBLISHED' : 'CREATED', actorSub: actor.sub }, tx);
        return { pair, outcome: 'imported' as const };
      }
      if (existing.status === status && sameContent(existing, content, checked)) return { pair: existing, outcome: 'unchanged' as const };
      const pair = await this.pairs.update(existing.id, { ...content, status, lastEditorSub: actor.sub }, checked, tx);
      await this.pairs.addRevision(pair, { action: input.publish ? 'EDITED_PUBLISHED' : 'EDITED', actorSub: actor.sub }, tx);
      return { pair, outcome: 'updated' as const };
    });
    this.logger.log({ pairId: result.pair.id, outcome: result.outcome }, 'Q&A pair saved');
    return result;
  }

  async transition(pairId: string, action: z.infer<typeof QaAction>, actor: Actor, note?: string): Promise<PairWithCitations> {
    return this.prisma.$transaction(async (tx) => {
      const current = await this.pairs.lock(pairId, tx);
      if (!current) throw new DomainError(ErrorCode.QA_PAIR_NOT_FOUND, undefined, { pairId });
      const status = nextStatus({ status: current.status, action, actor, lastEditorSub: current.lastEditorSub });
      const pair = await this.pairs.update(pairId, { status }, undefined, tx);
      await this.pairs.addRevision(pair, { action, actorSub: actor.sub, note }, tx);
      return pair;
    });
  }

  /** Staff see every state; everyone else sees only published, currently effective answers. */
  async get(pairId: string, actor: Actor | null): Promise<PairWithCitations> {
    const pair = await this.pairs.findById(pairId);
    if (!pair || (!isStaff(actor) && !isPublic(pair))) throw new DomainError(ErrorCode.QA_PAIR_NOT_FOUND, undefined, { pairId });
    return pair;
  }

  list(query: Parameters<PairRepository['list']>[0], actor: Actor | null) {
    return this.pairs.list(isStaff(actor) ? query : { ...query, status: 'PUBLISHED' });
  }

  async history(pairId: string) {
    return this.pairs.history(pairId);
  }
}

type Dated = Pick<PairWithCitations, 'status' | 'effectiveFrom' | 'effectiveTo'>;

export function isPublic(pair: Dated, today = shanghaiDate()): boolean {
  return mayBePublic(pair, today) && !(pair.effectiveFrom && pair.effectiveFrom > today);
}

/** Published and not past its last day: public now, or from its effective date on without any edit. */
export function mayBePublic(pair: Dated, today = shanghaiDate()): boolean {
  return pair.status === 'PUBLISHED' && !(pair.effectiveTo && pair.effectiveTo < today);
}

function contentOf(input: UpsertQaPairReq): PairContent {
  return {
    question: input.question,
    alternatives: input.alternatives,
    answer: input.answer,
    audience: input.audience,
    topics: input.topics,
    ownerDepartment: input.ownerDepartment ?? null,
    effectiveFrom: input.effectiveFrom ?? null,
    effectiveTo: input.effectiveTo ?? null,
    sourcePolicyId: input.sourcePolicyId ?? null,
  };
}

function sameContent(existing: PairWithCitations, content: PairContent, citations: CheckedCitation[]): boolean {
  const pick = (c: { documentId: string; anchor: string | null; quote: string; state: string }) => [c.documentId, c.anchor, c.quote, c.state];
  const keys = Object.keys(content) as Array<keyof PairContent>;
  return (
    keys.every((k) => JSON.stringify(existing[k]) === JSON.stringify(content[k])) &&
    JSON.stringify(existing.citations.map(pick)) === JSON.stringify(citations.map(pick))
  );
}
