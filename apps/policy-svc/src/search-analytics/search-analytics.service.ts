import { Injectable } from '@nestjs/common';
import { maskPersonalNumbers } from '@govdisc/contracts';
import { requireQueryKey, normalizeQuery } from '../query-text/query-text.js';
import { buildReport } from './analytics-report.js';
import { ANALYTICS_TIME_ZONE, calendarDay, lastDays } from './calendar.js';
import { SearchAnalyticsRepository } from './search-analytics.repository.js';
import { SearchEventBuffer } from './search-event-buffer.js';

/** Logs searches and result clicks by normalised query; reports them per day for editors. */
@Injectable()
export class SearchAnalyticsService {
  constructor(
    private readonly buffer: SearchEventBuffer,
    private readonly events: SearchAnalyticsRepository,
  ) {}

  /** Synchronous and cheap: called on the search path. */
  recordSearch(q: string, totalHits: number, at = new Date()): void {
    // ID-card and phone numbers typed into the search box are masked before editors ever see them.
    const query = maskPersonalNumbers(normalizeQuery(q));
    if (query) this.buffer.add({ kind: 'search', day: calendarDay(at), query, totalHits, documentId: null, at });
  }

  recordClick(input: { query: string; documentId: string }, at = new Date()): void {
    const query = maskPersonalNumbers(requireQueryKey(input.query, 'query'));
    this.buffer.add({ kind: 'click', day: calendarDay(at), query, totalHits: null, documentId: input.documentId, at });
  }

  async report(input: { days: number; limit: number }, now = new Date()) {
    const days = lastDays(input.days, calendarDay(now));
    const [to, from] = [days[0]!, days[days.length - 1]!];
    const [rows, totals] = await Promise.all([this.events.perQuery(from, to, input.limit), this.events.dayTotals(from, to)]);
    return { timeZone: ANALYTICS_TIME_ZONE, days: buildReport({ days, rows, totals, limit: input.limit }) };
  }
}
