import { loadOfficialSchedule } from './official-schedule.js';
import { WorkingDayCalendar } from './working-day-calendar.js';
import { shanghaiDate } from '@govdisc/contracts';

const calendar = new WorkingDayCalendar(loadOfficialSchedule());

// Spec §5.7: pause and fee-window examples (the plain ones are in working-day-calendar.spec.ts).
test('third-party pause example: receipt 03-02, letter 03-06, reply 03-20 → due 2026-04-14', () => {
  expect(calendar.add('2026-03-02', 20).date).toBe('2026-03-30');
  expect(calendar.countBetween('2026-03-02', '2026-03-06')).toBe(4);
  const paused = calendar.countBetween('2026-03-06', '2026-03-20');
  expect(calendar.add('2026-03-02', 20 + paused).date).toBe('2026-04-14');
});

test('fee payment window: notice received Sat 2026-01-31 → pay by 2026-03-05', () => {
  expect(calendar.add('2026-01-31', 20).date).toBe('2026-03-05');
});

// Spec §11 calendar edge cases 1–7, 9.
test('§11.1 Spring Festival make-up Saturdays count', () => {
  expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
  expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  expect(calendar.add('2026-02-10', 20).date).toBe('2026-03-16');
});

test.each(['2025-01-26', '2025-09-28', '2026-01-04', '2026-09-20'])('§11.2 make-up Sunday %s is a working day', (d) => {
  expect(calendar.isWorkingDay(d)).toBe(true);
});

test('§11.3 receipt on a holiday Sunday (2026-02-15): day 1 is 2026-02-24', () => {
  expect(calendar.add('2026-02-15', 1).date).toBe('2026-02-24');
});

test('§11.4 receipt on a make-up working day (2026-02-14) is day zero; day 1 = 2026-02-24', () => {
  expect(calendar.add('2026-02-14', 1).date).toBe('2026-02-24');
});

test('§11.5 a due date may land on a make-up Saturday', () => {
  expect(calendar.add('2026-02-13', 1).date).toBe('2026-02-14');
});

test('§11.6 crossing the year boundary', () => {
  expect(calendar.add('2025-12-10', 20)).toEqual({ date: '2026-01-08', provisional: false });
});

test('§11.7 reaching into a year without a published schedule is flagged provisional, with the reason', () => {
  const r = calendar.explain('2026-12-15', 20);
  expect(r).toMatchObject({ date: '2027-01-12', provisional: true });
  expect(r.text).toContain('临时');
  expect(calendar.explain('2026-02-10', 20).text).toContain('02-14');
});

test('§11.9 Shanghai date of a timestamp does not depend on the server time zone', () => {
  // 00:30 in Shanghai is 16:30 UTC of the previous day.
  expect(shanghaiDate(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
  expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
});

test('a schedule added as data changes results without code changes (and gets a new version)', () => {
  const data = loadOfficialSchedule();
  const withNewYear = new WorkingDayCalendar({ ...data, version: 'test+2027', holidays: [...data.holidays, '2027-01-01'] });
  expect(withNewYear.covers(2027)).toBe(true);
  expect(withNewYear.add('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: false });
  expect(withNewYear.version).not.toBe(calendar.version);
});

test.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])('§11.9 results do not depend on the process time zone (TZ=%s)', (tz) => {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    expect(shanghaiDate(new Date('2026-02-13T16:30:00Z'))).toBe('2026-02-14');
    expect(new WorkingDayCalendar(loadOfficialSchedule()).add('2026-02-13', 1).date).toBe('2026-02-14');
  } finally {
    process.env.TZ = saved;
  }
});
