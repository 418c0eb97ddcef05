import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { WriteBehindBuffer, findPage } from '@govdisc/service-kit';
import { PrismaService } from '../infra/prisma.service.js';
import { jaccard, questionTokens } from '@govdisc/text-analysis';

const SAME_CLUSTER = 0.5;
const MAX_VARIANTS = 20;
/** How often the questions asked since the last write are filed into their clusters. */
const FLUSH_MS = 1_000;

/**
 * Low-confidence questions grouped by similarity, with counts: what people ask that we cannot answer.
 * Asking only queues the question; a write-behind buffer files a second's questions together (one
 * transaction per distinct question, counts summed), so concurrent askers never wait on each other's
 * cluster row. A crash loses at most the last second of this demand log, accepted on purpose.
 */
@Injectable()
export class UnansweredRepository implements OnModuleDestroy {
  private readonly queued = new WriteBehindBuffer<string>({ label: 'unanswered questions', flushMs: FLUSH_MS, write: (batch) => this.file(batch) });

  constructor(private readonly prisma: PrismaService) {}

  record(question: string): void {
    this.queued.add(question);
  }

  /** Files every queued question now (tests, shutdown). */
  flush(): Promise<void> {
    return this.queued.flush();
  }

  onModuleDestroy() {
    return this.queued.close();
  }

  private async file(batch: string[]): Promise<void> {
    const counts = new Map<string, number>();
    for (const q of batch) counts.set(q, (counts.get(q) ?? 0) + 1);
    for (const [question, count] of counts) await this.fileOne(question, count);
  }

  private async fileOne(question: string, count: number): Promise<void> {
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
        await tx.unansweredCluster.update({ where: { id: best.c.id }, data: { count: { increment: count }, lastAskedAt: new Date(), variants } });
      } else {
        await tx.unansweredCluster.create({ data: { sample: question, variants: [question], tokens, count } });
      }
    });
  }

  async list(query: { page: number; pageSize: number }) {
    await this.flush(); // editors see what was asked up to now
    return findPage(this.prisma.unansweredCluster, {
      orderBy: [{ count: 'desc' }, { lastAskedAt: 'desc' }],
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
