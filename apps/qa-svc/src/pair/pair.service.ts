import { Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  ErrorCode,
  REVIEWERS,
  isContentStaff,
  isReviewer,
  shanghaiDate,
  type EditQaPairReq,
  type UpsertQaPairReq,
  type QaAction,
  type z,
} from '@govdisc/contracts';
import { isUniqueViolation } from '@govdisc/service-kit';
import { citizenTopicClassifier } from '@govdisc/text-analysis';
import { PrismaService } from '../infra/prisma.service.js';
import { TopicService } from '../topic/topic.service.js';
import { type CheckedCitation, CitationVerifier } from './citation-verifier.js';
import { nextStatus } from './pair-workflow.js';
import { NO_PENDING_EDIT, type PairContent, type PairWithCitations, PairRepository, type PendingEdit, type Tx } from './pair.repository.js';

export type UpsertOutcome = 'imported' | 'updated' | 'unchanged';

/** Q&A rules: who may publish, what an edit does to the status, what the public may see. */
@Injectable()
export class PairService {
  private readonly logger = new Logger(PairService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly pairs: PairRepository,
    private readonly topics: TopicService,
    private readonly citations: CitationVerifier,
  ) {}

  /** An edit of the pair with this id (the console's editor), under the same rules as an upsert without publish. */
  async edit(input: z.output<typeof EditQaPairReq>, actor: Actor): Promise<PairWithCitations> {
    const { pairId, ...rest } = input;
    return (await this.upsert({ ...rest, publish: false }, actor, pairId)).pair;
  }

  async upsert(input: UpsertQaPairReq, actor: Actor, pairId?: string): Promise<{ pair: PairWithCitations; outcome: UpsertOutcome }> {
    if (input.publish && !isReviewer(actor))
      throw new DomainError(ErrorCode.FORBIDDEN, '只有审核人可以直接发布问答。', { required: REVIEWERS });
    await this.topics.assertKnown(input.topics ?? []);
    const checked = await this.citations.checkAll(input, actor);
    // Two imports of the same new record at once both find no pair and both insert: the loser of the unique
    // externalId goes again and finds the winner's pair (an update or "unchanged", never a 500).
    const result = await this.saveOnce(input, checked, actor, pairId).catch((error: unknown) => {
      if (input.externalId && isUniqueViolation(error)) return this.saveOnce(input, checked, actor);
      throw error;
    });
    this.logger.log({ pairId: result.pair.id, outcome: result.outcome }, 'Q&A pair saved');
    return result;
  }

  private saveOnce(input: UpsertQaPairReq, checked: CheckedCitation[], actor: Actor, pairId?: string) {
    return this.prisma.$transaction(async (tx) => {
      const existing = await this.existingPair(input, pairId, tx);
      const content = contentOf(input, existing);
      if (input.publish) return this.signOff({ existing, content, checked, actor, externalId: input.externalId ?? null }, tx);
      if (!existing) {
        const pair = await this.pairs.create(
          { ...content, externalId: input.externalId ?? null, status: 'DRAFT', lastEditorSub: actor.sub },
          checked,
          tx,
        );
        await this.pairs.addRevision(pair, { action: 'CREATED', actorSub: actor.sub }, tx);
        return { pair, outcome: 'imported' as const };
      }
      const same = sameContent(existing, content, checked);
      if (same && (existing.status === 'DRAFT' || existing.status === 'PUBLISHED'))
        return { pair: existing, outcome: 'unchanged' as const };
      if (existing.status === 'PUBLISHED') {
        // The published answer keeps serving; the edit waits for a reviewer other than its editor.
        if (samePending(existing, content, checked)) return { pair: existing, outcome: 'unchanged' as const };
        const pair = await this.pairs.savePendingEdit(existing.id, { content, citations: checked }, actor.sub, tx);
        await this.pairs.addRevision(pair, { action: 'EDITED_PENDING', actorSub: actor.sub }, tx);
        return { pair, outcome: 'updated' as const };
      }
      // A flagged pair keeps its flag while it is fixed: it is cleared when the fixed text is published.
      const status = existing.status === 'NEEDS_UPDATE' ? 'NEEDS_UPDATE' : 'DRAFT';
      const pair = await this.pairs.update(existing.id, { ...content, status, lastEditorSub: actor.sub }, checked, tx);
      await this.pairs.addRevision(pair, { action: 'EDITED', actorSub: actor.sub }, tx);
      return { pair, outcome: 'updated' as const };
    });
  }

  /** The pair an input updates: the one with the given id (it must exist), else the one with its externalId. */
  private async existingPair(input: UpsertQaPairReq, pairId: string | undefined, tx: Tx): Promise<PairWithCitations | null> {
    if (!pairId) return input.externalId ? this.pairs.findByExternalId(input.externalId, tx) : null;
    const pair = await this.pairs.lock(pairId, tx);
    if (!pair) throw new DomainError(ErrorCode.QA_PAIR_NOT_FOUND, undefined, { pairId });
    return pair;
  }

  async transition(pairId: string, action: z.infer<typeof QaAction>, actor: Actor, note?: string): Promise<PairWithCitations> {
    return this.prisma.$transaction(async (tx) => {
      const current = await this.pairs.lock(pairId, tx);
      if (!current) throw new DomainError(ErrorCode.QA_PAIR_NOT_FOUND, undefined, { pairId });
      if (current.pendingEditorSub && (action === 'APPROVE' || action === 'REJECT'))
        return this.decidePending({ current, action, actor, note }, tx);
      const status = nextStatus({ status: current.status, action, actor, lastEditorSub: current.lastEditorSub });
      const pair = await this.pairs.update(pairId, { status }, undefined, tx);
      await this.pairs.addRevision(pair, { action, actorSub: actor.sub, note }, tx);
      return pair;
    });
  }

  /**
   * `publish: true` signs off a version someone else wrote: the pending edit or draft whose text equals
   * the input. A new or changed text, or one the caller wrote, is theirs to write, never to publish.
   */
  private async signOff(
    input: {
      existing: PairWithCitations | null;
      content: PairContent;
      checked: CheckedCitation[];
      actor: Actor;
      externalId: string | null;
    },
    tx: Tx,
  ): Promise<{ pair: PairWithCitations; outcome: UpsertOutcome }> {
    const { existing, content, checked, actor } = input;
    if (existing?.pendingEditorSub && samePending(existing, content, checked)) {
      return { pair: await this.decidePending({ current: existing, action: 'APPROVE', actor }, tx), outcome: 'updated' };
    }
    if (!existing || !sameContent(existing, content, checked)) throw selfReview(input.externalId);
    if (existing.status === 'PUBLISHED') return { pair: existing, outcome: 'unchanged' };
    if (existing.lastEditorSub === actor.sub) throw selfReview(input.externalId);
    const pair = await this.pairs.update(existing.id, { status: 'PUBLISHED' }, undefined, tx);
    await this.pairs.addRevision(pair, { action: 'APPROVE', actorSub: actor.sub }, tx);
    return { pair, outcome: 'updated' };
  }

  /** A reviewer other than its editor approves a published pair's pending edit (it replaces the text), or rejects it. */
  private async decidePending(input: { current: PairWithCitations; action: 'APPROVE' | 'REJECT'; actor: Actor; note?: string }, tx: Tx) {
    const { current, action, actor } = input;
    if (!isReviewer(actor)) throw new DomainError(ErrorCode.FORBIDDEN, undefined, { required: REVIEWERS });
    if (action === 'REJECT') {
      const pair = await this.pairs.update(current.id, { status: current.status, ...NO_PENDING_EDIT }, undefined, tx);
      await this.pairs.addRevision(pair, { action: 'REJECT_PENDING', actorSub: actor.sub, note: input.note }, tx);
      return pair;
    }
    if (current.pendingEditorSub === actor.sub) throw new DomainError(ErrorCode.QA_SELF_REVIEW);
    const edit = current.pendingEdit as unknown as PendingEdit;
    const pair = await this.pairs.update(
      current.id,
      { ...edit.content, status: 'PUBLISHED', lastEditorSub: current.pendingEditorSub!, ...NO_PENDING_EDIT },
      edit.citations,
      tx,
    );
    await this.pairs.addRevision(pair, { action: 'APPROVE', actorSub: actor.sub, note: input.note }, tx);
    return pair;
  }

  /** Content staff (editors, reviewers, admins) see every state; everyone else sees only published, currently effective answers. */
  async get(pairId: string, actor: Actor | null): Promise<PairWithCitations> {
    const pair = await this.pairs.findById(pairId);
    if (!pair || (!isContentStaff(actor) && !isPublic(pair))) throw new DomainError(ErrorCode.QA_PAIR_NOT_FOUND, undefined, { pairId });
    return pair;
  }

  /** Everyone but staff lists published pairs only; asking for another status gives an empty page (as for policies). */
  async list(query: Parameters<PairRepository['list']>[0], actor: Actor | null) {
    if (isContentStaff(actor)) return this.pairs.list(query);
    if (query.status && query.status !== 'PUBLISHED') return { items: [], total: 0 };
    return this.pairs.list({ ...query, status: 'PUBLISHED' });
  }

  /** The public pairs citing a policy document (by id or externalId), for the policy's page. */
  async citing(documentId: string, externalId: string | null, limit: number) {
    const ids = [documentId, ...(externalId ? [externalId] : [])];
    const today = shanghaiDate();
    // a few more than asked: pairs not yet or no longer in force are dropped after the query
    const found = await this.pairs.findPublishedCiting(ids, limit * 2);
    return found.filter((p) => isPublic(p, today)).slice(0, limit);
  }

  /** The ids `citing` can find anything for, whatever the pairs' dates (a pair comes into force without a write). */
  citedDocumentIds(): Promise<string[]> {
    return this.pairs.publishedCitedIds();
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

function contentOf(input: UpsertQaPairReq, existing: PairWithCitations | null): PairContent {
  return {
    question: input.question,
    alternatives: input.alternatives,
    answer: input.answer,
    audience: input.audience,
    ...pairTopics(input, existing),
    ownerDepartment: input.ownerDepartment ?? null,
    effectiveFrom: input.effectiveFrom ?? null,
    effectiveTo: input.effectiveTo ?? null,
    sourcePolicyId: input.sourcePolicyId ?? null,
  };
}

/**
 * An editor's topics win and are kept through later saves that leave `topics` out; without them (or with null or
 * an empty list) the shared classifier reads the question (as the title), its alternatives and the answer.
 */
export function pairTopics(
  input: Pick<UpsertQaPairReq, 'topics' | 'question' | 'alternatives' | 'answer'>,
  existing: Pick<PairWithCitations, 'topics' | 'topicsOverridden'> | null,
): Pick<PairContent, 'topics' | 'topicsOverridden'> {
  if (input.topics?.length) return { topics: [...new Set(input.topics)], topicsOverridden: true };
  if (input.topics === undefined && existing?.topicsOverridden) return { topics: existing.topics, topicsOverridden: true };
  const body = [...input.alternatives, input.answer].join('\n');
  return { topics: citizenTopicClassifier().classify({ title: input.question, body }), topicsOverridden: false };
}

function selfReview(externalId: string | null): DomainError {
  return new DomainError(ErrorCode.QA_SELF_REVIEW, '不能发布自己撰写或修改的问答：请保存为草稿，由另一位审核人发布。', { externalId });
}

/** Whether the input equals the pair's pending edit (a re-import of the same edit changes nothing). */
function samePending(existing: PairWithCitations, content: PairContent, citations: CheckedCitation[]): boolean {
  const edit = existing.pendingEdit as unknown as PendingEdit | null;
  if (!edit) return false;
  return sameContent({ ...existing, ...edit.content, citations: edit.citations as never }, content, citations);
}

function sameContent(existing: PairWithCitations, content: PairContent, citations: CheckedCitation[]): boolean {
  const pick = (c: { documentId: string; anchor: string | null; quote: string; state: string }) => [
    c.documentId,
    c.anchor,
    c.quote,
    c.state,
  ];
  const keys = Object.keys(content) as Array<keyof PairContent>;
  return (
    keys.every((k) => JSON.stringify(existing[k]) === JSON.stringify(content[k])) &&
    JSON.stringify(existing.citations.map(pick)) === JSON.stringify(citations.map(pick))
  );
}
