import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma.service.js';

/** Queries on the Q&A topics; the order rule, the cache and the "unknown topic" error are TopicService's. */
@Injectable()
export class TopicRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Which of these codes exist. */
  async existingCodes(codes: string[]): Promise<Set<string>> {
    const found = await this.prisma.qaTopic.findMany({ where: { code: { in: codes } }, select: { code: true } });
    return new Set(found.map((f) => f.code));
  }

  /** Topics in the editors' order (position, then code). */
  listOrdered() {
    return this.prisma.qaTopic.findMany({ orderBy: [{ position: 'asc' }, { code: 'asc' }] });
  }

  /** Number of published pairs per topic code (topics without any are absent). */
  async publishedCounts(): Promise<Map<string, number>> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ code: string; n: bigint }>>(
      `SELECT t AS code, count(*) AS n FROM qa_pair, unnest(topics) AS t WHERE status = 'PUBLISHED' GROUP BY t`,
    );
    return new Map(rows.map((r) => [r.code, Number(r.n)]));
  }

  /** Writes positions 1, 2, … in the given order, in one transaction. */
  async setOrder(codes: string[]): Promise<void> {
    await this.prisma.$transaction(codes.map((code, i) => this.prisma.qaTopic.update({ where: { code }, data: { position: i + 1 } })));
  }
}
