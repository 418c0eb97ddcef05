import { Injectable } from '@nestjs/common';
import { findPage } from '@govdisc/service-kit';
import { PrismaService } from '../infra/prisma.service.js';
import { jaccard, questionTokens } from '@govdisc/text-analysis';

const SAME_CLUSTER = 0.5;
const MAX_VARIANTS = 20;

/** Low-confidence questions grouped by similarity, with counts: what people ask that we cannot answer. */
@Injectable()
export class UnansweredRepository {
  constructor(private readonly prisma: PrismaService) {}

  async record(question: string): Promise<void> {
    const tokens = questionTokens(question);
    if (tokens.length === 0) return;
    await this.prisma.$transaction(async (tx) => {
      // Candidates share at least one token (GIN index); the most similar one above the bar wins.
      const candidates = await tx.unansweredCluster.findMany({ where: { tokens: { hasSome: tokens } }, take: 50, orderBy: { count: 'desc' } });
      const best = candidates
        .map((c) => ({ c, sim: jaccard(tokens, c.tokens) }))
        .sort((a, b) => b.sim - a.sim)[0];
      if (best && best.sim >= SAME_CLUSTER) {
        const variants = best.c.variants.includes(question) || best.c.variants.length >= MAX_VARIANTS ? best.c.variants : [...best.c.variants, question];
        await tx.unansweredCluster.update({ where: { id: best.c.id }, data: { count: { increment: 1 }, lastAskedAt: new Date(), variants } });
      } else {
        await tx.unansweredCluster.create({ data: { sample: question, variants: [question], tokens } });
      }
    });
  }

  list(query: { page: number; pageSize: number }) {
    return findPage(this.prisma.unansweredCluster, {
      orderBy: [{ count: 'desc' }, { lastAskedAt: 'desc' }],
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
