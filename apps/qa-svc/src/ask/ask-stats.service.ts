import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type AskCounts, shanghaiDate } from '@govdisc/contracts';
import { WriteBehindBuffer } from '@govdisc/service-kit';
import { AskStatsRepository, type DayTopicCounts } from './ask-stats.repository.js';

/** How often the asks counted since the last write are added to the daily rows. */
const FLUSH_MS = 1_000;
const DAY_MS = 86_400_000;

export type AskOutcome = 'answered' | 'suggestionsOnly' | 'fallback';
interface Tally {
  day: string;
  topic: string;
  outcome: AskOutcome;
}

const zero = (): AskCounts => ({ asked: 0, answered: 0, suggestionsOnly: 0, fallback: 0 });
function addTo(sum: AskCounts, row: AskCounts): void {
  sum.asked += row.asked;
  sum.answered += row.answered;
  sum.suggestionsOnly += row.suggestionsOnly;
  sum.fallback += row.fallback;
}

/**
 * 一号答's per-day counters (asked, answered, suggestions only, fallback) per topic, kept durably at the cost of one
 * upsert per second: asking only appends to a write-behind buffer, whose flush sums the second's asks per day and
 * topic and adds them in one statement. A crash loses at most the last second of counts, accepted for analytics.
 */
@Injectable()
export class AskStatsService implements OnModuleDestroy {
  private readonly queued = new WriteBehindBuffer<Tally>({
    label: 'ask counters',
    flushMs: FLUSH_MS,
    write: (batch) => this.repository.add(summed(batch)),
    probe: () => this.repository.probe(),
  });

  constructor(private readonly repository: AskStatsRepository) {}

  record(outcome: AskOutcome, topic: string | undefined): void {
    this.queued.add({ day: shanghaiDate(), topic: (topic ?? '').slice(0, 50), outcome });
  }

  flush(): Promise<void> {
    return this.queued.flush();
  }

  onModuleDestroy() {
    return this.queued.close();
  }

  /** Per day (every day of the range, zeros included, for a chart) and per topic (most asked first), with totals. */
  async between(range: { from?: string; to?: string }) {
    await this.flush(); // the counts up to now
    const to = range.to ?? shanghaiDate();
    const from = range.from ?? shanghaiDate(new Date(Date.parse(`${to}T12:00:00+08:00`) - 29 * DAY_MS));
    const rows = await this.repository.between(from, to);
    const days = new Map<string, AskCounts>();
    for (let t = Date.parse(`${from}T12:00:00+08:00`); t <= Date.parse(`${to}T12:00:00+08:00`); t += DAY_MS)
      days.set(shanghaiDate(new Date(t)), zero());
    const topics = new Map<string, AskCounts>();
    const total = zero();
    for (const row of rows) {
      addTo(days.get(row.day) ?? days.set(row.day, zero()).get(row.day)!, row);
      addTo(topics.get(row.topic) ?? topics.set(row.topic, zero()).get(row.topic)!, row);
      addTo(total, row);
    }
    return {
      from,
      to,
      total,
      days: [...days].map(([day, c]) => ({ day, ...c })),
      topics: [...topics].map(([topic, c]) => ({ topic, ...c })).sort((a, b) => b.asked - a.asked || a.topic.localeCompare(b.topic)),
    };
  }
}

/** A batch of asks as one row per day and topic. */
export function summed(batch: readonly Tally[]): DayTopicCounts[] {
  const rows = new Map<string, DayTopicCounts>();
  for (const t of batch) {
    const key = `${t.day}|${t.topic}`;
    const row = rows.get(key) ?? rows.set(key, { day: t.day, topic: t.topic, ...zero() }).get(key)!;
    row.asked++;
    row[t.outcome]++;
  }
  return [...rows.values()];
}
