import { Injectable } from '@nestjs/common';
import { findPage } from '@govdisc/service-kit';
import type { BestBet } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export interface BestBetFields {
  query: string;
  normalizedQuery: string;
  documentIds: string[];
}

/** The only place that queries best bets. */
@Injectable()
export class BestBetRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every best bet's matching key and documents (the search path's lookup table; small). */
  allPins(): Promise<Array<Pick<BestBet, 'normalizedQuery' | 'documentIds'>>> {
    return this.prisma.bestBet.findMany({ select: { normalizedQuery: true, documentIds: true } });
  }

  page(query: { page: number; pageSize: number }) {
    return findPage(this.prisma.bestBet, { orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], ...query });
  }

  findById(id: string): Promise<BestBet | null> {
    return this.prisma.bestBet.findUnique({ where: { id } });
  }

  create(fields: BestBetFields, actorSub: string): Promise<BestBet> {
    return this.prisma.bestBet.create({ data: { ...fields, createdBy: actorSub, updatedBy: actorSub } });
  }

  update(id: string, fields: Partial<BestBetFields>, actorSub: string): Promise<BestBet> {
    return this.prisma.bestBet.update({ where: { id }, data: { ...fields, updatedBy: actorSub } });
  }

  async delete(id: string): Promise<boolean> {
    return (await this.prisma.bestBet.deleteMany({ where: { id } })).count > 0;
  }
}
