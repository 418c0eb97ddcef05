import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma.service.js';

interface StatsRow {
  helpful: bigint;
  not_helpful: bigint;
  rating_count: bigint;
  rating_avg: string | null;
  comments: bigint;
}

const STATS = `count(*) FILTER (WHERE f.helpful) AS helpful, count(*) FILTER (WHERE f.helpful = false) AS not_helpful,
  count(f.rating) AS rating_count, round(avg(f.rating), 2)::text AS rating_avg, count(f.comment) AS comments`;

const toStats = (r: StatsRow) => ({
  helpful: Number(r.helpful),
  notHelpful: Number(r.not_helpful),
  ratingCount: Number(r.rating_count),
  ratingAverage: r.rating_avg === null ? null : Number(r.rating_avg),
  comments: Number(r.comments),
});

@Injectable()
export class FeedbackRepository {
  constructor(private readonly prisma: PrismaService) {}

  add(entry: { pairId: string; helpful?: boolean; rating?: number; comment?: string; actorSub: string | null }) {
    return this.prisma.qaFeedback.create({ data: entry });
  }

  /** Per answer (worst first, so editors see what to fix) and per topic. */
  async stats(topic?: string) {
    const filter = topic ? 'WHERE $1 = ANY(p.topics)' : '';
    const params = topic ? [topic] : [];
    const byPair = await this.prisma.$queryRawUnsafe<Array<StatsRow & { pair_id: string; question: string }>>(
      `SELECT p.id::text AS pair_id, p.question, ${STATS} FROM qa_feedback f JOIN qa_pair p ON p.id = f.pair_id ${filter}
       GROUP BY p.id, p.question ORDER BY not_helpful DESC, rating_avg ASC NULLS LAST LIMIT 200`,
      ...params,
    );
    const byTopic = await this.prisma.$queryRawUnsafe<Array<StatsRow & { topic: string }>>(
      `SELECT t AS topic, ${STATS} FROM qa_feedback f JOIN qa_pair p ON p.id = f.pair_id, unnest(p.topics) AS t
       ${topic ? 'WHERE t = $1' : ''} GROUP BY t ORDER BY t`,
      ...params,
    );
    return {
      byPair: byPair.map((r) => ({ pairId: r.pair_id, question: r.question, ...toStats(r) })),
      byTopic: byTopic.map((r) => ({ topic: r.topic, ...toStats(r) })),
    };
  }
}
