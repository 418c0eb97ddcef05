import { buildReport, type QueryDayRow } from './analytics-report.js';
import { calendarDay, lastDays } from './calendar.js';

const row = (day: string, query: string, searches: number, zeroHits: number, clicks: number): QueryDayRow => ({
  day,
  query,
  searches,
  zeroHits,
  clicks,
});

test('per day: top queries by searches, zero-result queries, queries nobody clicked; every day of the range, newest first', () => {
  const days = ['2026-11-28', '2026-11-27', '2026-11-26'];
  const report = buildReport({
    days,
    rows: [
      row('2026-11-28', '公积金提取', 5, 0, 3),
      row('2026-11-28', '公机金', 2, 2, 0),
      row('2026-11-28', '养老保险', 3, 0, 0),
      row('2026-11-28', '医保', 3, 1, 1),
      row('2026-11-27', '年休假', 1, 0, 1),
      row('2026-11-27', '只有点击', 0, 0, 2),
    ],
    totals: [
      { day: '2026-11-28', searches: 13, clicks: 4 },
      { day: '2026-11-27', searches: 1, clicks: 3 },
    ],
    limit: 3,
  });
  expect(report.map((d) => d.day)).toEqual(days);
  expect(report[0]).toEqual({
    day: '2026-11-28',
    searches: 13,
    clicks: 4,
    topQueries: [
      { query: '公积金提取', count: 5 },
      { query: '养老保险', count: 3 },
      { query: '医保', count: 3 },
    ],
    zeroResultQueries: [
      { query: '公机金', count: 2 },
      { query: '医保', count: 1 },
    ],
    noClickQueries: [
      { query: '养老保险', count: 3 },
      { query: '公机金', count: 2 },
    ],
  });
  expect(report[1]!.topQueries).toEqual([{ query: '年休假', count: 1 }]);
  expect(report[1]!.noClickQueries).toEqual([]);
  expect(report[2]).toMatchObject({ searches: 0, clicks: 0, topQueries: [], zeroResultQueries: [], noClickQueries: [] });
});

test('days are China Standard Time calendar days', () => {
  expect(calendarDay(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28');
  expect(calendarDay(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
  expect(lastDays(3, '2026-03-01')).toEqual(['2026-03-01', '2026-02-28', '2026-02-27']);
});

test('the day remembered for the last second never outlives that second', () => {
  expect(calendarDay(new Date('2026-11-27T15:59:59.000Z'))).toBe('2026-11-27');
  expect(calendarDay(new Date('2026-11-27T15:59:59.999Z'))).toBe('2026-11-27');
  expect(calendarDay(new Date('2026-11-27T16:00:00.000Z'))).toBe('2026-11-28');
  expect(calendarDay(new Date('2026-11-27T15:59:59.500Z'))).toBe('2026-11-27');
});
