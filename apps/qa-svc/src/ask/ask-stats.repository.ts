import { Injectable } from '@nestjs/common';
import type { AskCounts } from '@govdisc/contracts';
import { PrismaService } from '../infra/prisma.service.js';

export type DayTopicCounts = AskCounts & { day: string; topic: string };

/** The daily 一号答 counters: added to in one statement per batch, read back per day and per topic. */
@Injectable()
export class AskStatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  probe(): Promise<unknown> {
    return this.prisma.$queryRawUnsafe('SELECT 1');
  }

  /** Adds each (day, topic) row's counts to the stored ones, creating the rows not there yet: one upsert for the batch. */
  async add(rows: DayTopicCounts[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <K extends keyof DayTopicCounts>(k: K) => rows.map((r) => r[k]);
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO ask_daily_count AS c (day, topic, asked, answered, suggestions_only, fallback)
         SELECT * FROM unnest($1::char(10)[], $2::varchar(50)[], $3::int[], $4::int[], $5::int[], $6::int[])
       ON CONFLICT (day, topic) DO UPDATE SET asked = c.asked + EXCLUDED.asked, answered = c.answered + EXCLUDED.answered,
         suggestions_only = c.suggestions_only + EXCLUDED.suggestions_only, fallback = c.fallback + EXCLUDED.fallback`,
      col('day'),
      col('topic'),
      col('asked'),
      col('answered'),
      col('suggestionsOnly'),
      col('fallback'),
    );
  }

  /** Every stored row from `from` to `to` (days, inclusive). */
  between(from: string, to: string): Promise<DayTopicCounts[]> {
    return this.prisma.askDailyCount.findMany({ where: { day: { gte: from, lte: to } }, orderBy: [{ day: 'asc' }, { topic: 'asc' }] });
  }
}
