import { Injectable, Logger } from '@nestjs/common';
import { type CreateBestBetReq, DomainError, ErrorCode, type UpdateBestBetReq } from '@govdisc/contracts';
import type { BestBet } from '../generated/prisma/client.js';
import { DocumentRepository } from '../document/document.repository.js';
import { requireQueryKey } from '../query-text/query-text.js';
import { isUniqueViolation } from '@govdisc/service-kit';
import { BestBetRepository, type BestBetFields } from './best-bet.repository.js';
import { PinTableService } from './pin-table.service.js';

/** Editors' best bets: one per normalised query, pinning published documents in a chosen order. */
@Injectable()
export class BestBetService {
  private readonly logger = new Logger(BestBetService.name);

  constructor(
    private readonly bestBets: BestBetRepository,
    private readonly documents: DocumentRepository,
    private readonly pins: PinTableService,
  ) {}

  list(query: { page: number; pageSize: number }) {
    return this.bestBets.page(query);
  }

  async create(req: CreateBestBetReq, actorSub: string): Promise<BestBet> {
    const fields = { ...queryFields(req.query), documentIds: req.documentIds };
    await this.assertPublished(fields.documentIds);
    const saved = await this.save(() => this.bestBets.create(fields, actorSub), fields.normalizedQuery);
    this.logger.log({ bestBetId: saved.id, documents: saved.documentIds.length }, 'best bet created');
    return saved;
  }

  async update(req: UpdateBestBetReq, actorSub: string): Promise<BestBet> {
    await this.get(req.bestBetId);
    const fields: Partial<BestBetFields> = {
      ...(req.query !== undefined ? queryFields(req.query) : {}),
      ...(req.documentIds !== undefined ? { documentIds: req.documentIds } : {}),
    };
    if (fields.documentIds) await this.assertPublished(fields.documentIds);
    const saved = await this.save(() => this.bestBets.update(req.bestBetId, fields, actorSub), fields.normalizedQuery);
    this.logger.log({ bestBetId: saved.id }, 'best bet updated');
    return saved;
  }

  async delete(bestBetId: string): Promise<void> {
    if (!(await this.bestBets.delete(bestBetId))) throw new DomainError(ErrorCode.POLICY_BEST_BET_NOT_FOUND, undefined, { bestBetId });
    this.pins.invalidate();
    this.logger.log({ bestBetId }, 'best bet deleted');
  }

  private async get(bestBetId: string): Promise<BestBet> {
    const found = await this.bestBets.findById(bestBetId);
    if (!found) throw new DomainError(ErrorCode.POLICY_BEST_BET_NOT_FOUND, undefined, { bestBetId });
    return found;
  }

  /** The unique index decides between two editors saving the same query at once. */
  private async save(write: () => Promise<BestBet>, normalizedQuery: string | undefined): Promise<BestBet> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.POLICY_BEST_BET_DUPLICATE_QUERY, undefined, { normalizedQuery });
      throw error;
    } finally {
      this.pins.invalidate();
    }
  }

  /** Only what readers can open may be pinned: existing, non-draft documents. */
  private async assertPublished(ids: readonly string[]) {
    const found = new Set((await this.documents.searchRows(ids)).map((row) => row.id));
    const unavailable = ids.filter((id) => !found.has(id));
    if (unavailable.length > 0)
      throw new DomainError(ErrorCode.POLICY_BEST_BET_DOCUMENT_UNAVAILABLE, undefined, { documentIds: unavailable });
  }
}

/** The query as typed and its matching key. */
function queryFields(query: string) {
  return { query, normalizedQuery: requireQueryKey(query, 'query') };
}
