import type { SearchAnalyticsDay, z } from '@govdisc/contracts';

/** Searches, searches without a hit, and clicks of one normalised query on one day. */
export interface QueryDayRow {
  day: string;
  query: string;
  searches: number;
  zeroHits: number;
  clicks: number;
}

export interface DayTotals {
  day: string;
  searches: number;
  clicks: number;
}

type Day = z.input<typeof SearchAnalyticsDay>;
type Ranked = { query: string; count: number };

/**
 * Per day (every day of the range, newest first, empty ones included): the most searched queries,
 * queries that found nothing, and queries whose results nobody opened — each the `limit` largest
 * counts, ties by query text so the report is stable.
 */
export function buildReport(input: {
  days: readonly string[];
  rows: readonly QueryDayRow[];
  totals: readonly DayTotals[];
  limit: number;
}): Day[] {
  const rowsOf = groupBy(input.rows, (r) => r.day);
  const totalsOf = new Map(input.totals.map((t) => [t.day, t]));
  return input.days.map((day) => {
    const rows = rowsOf.get(day) ?? [];
    const top = (pick: (r: QueryDayRow) => number, keep: (r: QueryDayRow) => boolean) => ranked(rows.filter(keep), pick, input.limit);
    return {
      day,
      searches: totalsOf.get(day)?.searches ?? 0,
      clicks: totalsOf.get(day)?.clicks ?? 0,
      topQueries: top(
        (r) => r.searches,
        (r) => r.searches > 0,
      ),
      zeroResultQueries: top(
        (r) => r.zeroHits,
        (r) => r.zeroHits > 0,
      ),
      noClickQueries: top(
        (r) => r.searches,
        (r) => r.searches > 0 && r.clicks === 0,
      ),
    };
  });
}

function ranked(rows: QueryDayRow[], count: (r: QueryDayRow) => number, limit: number): Ranked[] {
  return rows
    .map((r) => ({ query: r.query, count: count(r) }))
    .sort((a, b) => b.count - a.count || (a.query < b.query ? -1 : a.query > b.query ? 1 : 0))
    .slice(0, limit);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
