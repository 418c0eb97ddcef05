/** Analytics days are calendar days where the platform's readers live (China Standard Time, no DST). */
export const ANALYTICS_TIME_ZONE = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('en-US', { timeZone: ANALYTICS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

// Every search records its day: formatting is costly, and within one second the day cannot change (zone offsets are whole seconds).
let last = { second: Number.NaN, day: '' };

/** YYYY-MM-DD of an instant in ANALYTICS_TIME_ZONE. */
export function calendarDay(at: Date): string {
  const second = Math.floor(at.getTime() / 1000);
  if (second !== last.second) {
    const parts = dayFormat.formatToParts(at);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    last = { second, day: `${part('year')}-${part('month')}-${part('day')}` };
  }
  return last.day;
}

/** `count` days ending with `today` (YYYY-MM-DD), newest first. */
export function lastDays(count: number, today: string): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(end - i * 86_400_000).toISOString().slice(0, 10));
}
