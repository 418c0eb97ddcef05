import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { PrismaService } from '../infra/prisma.service.js';
import { TtlCache } from '../infra/ttl-cache.js';

type TopicWithCount = Awaited<ReturnType<TopicRepository['readWithCounts']>>[number];

@Injectable()
export class TopicRepository {
  /** The topic list is read on every home page; counts may lag a few seconds, the order never on this replica. */
  private readonly listed = new TtlCache<TopicWithCount[]>(5_000, 1);

  constructor(private readonly prisma: PrismaService) {}

  async assertKnown(codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    const found = await this.prisma.qaTopic.findMany({ where: { code: { in: codes } }, select: { code: true } });
    const unknown = codes.filter((c) => !found.some((f) => f.code === c));
    if (unknown.length) throw new DomainError(ErrorCode.QA_TOPIC_UNKNOWN, undefined, { unknown });
  }

  /** Topics in the editors' order, each with its number of published pairs (cached for 5 s). */
  listWithCounts(): Promise<TopicWithCount[]> {
    return this.listed.get('all', () => this.readWithCounts());
  }

  private async readWithCounts() {
    const [topics, counts] = await Promise.all([
      this.prisma.qaTopic.findMany({ orderBy: [{ position: 'asc' }, { code: 'asc' }] }),
      this.prisma.$queryRawUnsafe<Array<{ code: string; n: bigint }>>(
        `SELECT t AS code, count(*) AS n FROM qa_pair, unnest(topics) AS t WHERE status = 'PUBLISHED' GROUP BY t`,
      ),
    ]);
    return topics.map((t) => ({ ...t, publishedCount: Number(counts.find((c) => c.code === t.code)?.n ?? 0) }));
  }

  /** Listed codes come first in the given order; the rest keep their relative order after them. */
  async reorder(codes: string[]): Promise<void> {
    await this.assertKnown(codes);
    const all = await this.prisma.qaTopic.findMany({ orderBy: [{ position: 'asc' }, { code: 'asc' }] });
    const order = [...codes, ...all.map((t) => t.code).filter((c) => !codes.includes(c))];
    await this.prisma.$transaction(order.map((code, i) => this.prisma.qaTopic.update({ where: { code }, data: { position: i + 1 } })));
    this.listed.clear();
  }
}
