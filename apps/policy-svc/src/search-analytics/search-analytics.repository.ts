import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma.service.js';
import type { DayTotals, QueryDayRow } from './analytics-report.js';

/** One logged search ('search', with its hit count) or result click ('click', with the document). */
export interface SearchEventRow {
  kind: 'search' | 'click';
  /** calendar day, YYYY-MM-DD */
  day: string;
  query: string;
  totalHits: number | null;
  documentId: string | null;
  at: Date;
}

/** The only place that reads or writes search_event. */
@Injectable()
export class SearchAnalyticsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Deletes the events of days before `day` (YYYY-MM-DD), a batch at a time so no statement holds
   * many row locks or a long transaction; returns how many went.
   */
  async deleteBefore(day: string, batch = 10_000): Promise<number> {
    let deleted = 0;
    for (;;) {
      const n = await this.prisma.$executeRawUnsafe(
        'DELETE FROM search_event WHERE id IN (SELECT id FROM search_event WHERE day < $1::date LIMIT $2)',
        day,
        batch,
      );
      deleted += n;
      if (n < batch) return deleted;
    }
  }

  /** Succeeds while the database answers: lets the write-behind buffer tell a bad row from an outage. */
  async ping(): Promise<void> {
    await this.prisma.$queryRawUnsafe('SELECT 1');
  }

  /** One multi-row INSERT for the whole batch: column arrays unnested into rows. */
  insert(rows: readonly SearchEventRow[]): Promise<number> {
    return this.prisma.$executeRawUnsafe(
      `INSERT INTO search_event (kind, day, query, total_hits, document_id, at)
       SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::int[], $5::uuid[], $6::timestamptz[])`,
      rows.map((r) => r.kind),
      rows.map((r) => r.day),
      rows.map((r) => r.query),
      rows.map((r) => r.totalHits),
      rows.map((r) => r.documentId),
      rows.map((r) => r.at.toISOString()),
    );
  }

  /**
   * Per day and query: searches, searches without a hit, clicks — only rows that can make one of
   * the day's three lists (top `limit` of each), so a long tail of one-off queries is not sent back.
   */
  perQuery(from: string, to: string, limit: number): Promise<QueryDayRow[]> {
    return this.prisma.$queryRawUnsafe<QueryDayRow[]>(
      `WITH per AS (
         SELECT day, query,
                count(*) FILTER (WHERE kind = 'search')::int AS searches,
                count(*) FILTER (WHERE kind = 'search' AND total_hits = 0)::int AS zero_hits,
                count(*) FILTER (WHERE kind = 'click')::int AS clicks
           FROM search_event WHERE day BETWEEN $1::date AND $2::date
          GROUP BY day, query
       ), ranked AS (
         SELECT per.*,
                row_number() OVER (PARTITION BY day ORDER BY searches DESC, query) AS by_searches,
                row_number() OVER (PARTITION BY day ORDER BY zero_hits DESC, query) AS by_zero,
                row_number() OVER (PARTITION BY day ORDER BY (searches > 0 AND clicks = 0) DESC, searches DESC, query) AS by_no_click
           FROM per
       )
       SELECT day::text AS day, query, searches, zero_hits AS "zeroHits", clicks
         FROM ranked WHERE by_searches <= $3 OR by_zero <= $3 OR by_no_click <= $3`,
      from,
      to,
      limit,
    );
  }

  dayTotals(from: string, to: string): Promise<DayTotals[]> {
    return this.prisma.$queryRawUnsafe<DayTotals[]>(
      `SELECT day::text AS day, count(*) FILTER (WHERE kind = 'search')::int AS searches, count(*) FILTER (WHERE kind = 'click')::int AS clicks
         FROM search_event WHERE day BETWEEN $1::date AND $2::date GROUP BY day`,
      from,
      to,
    );
  }
}
