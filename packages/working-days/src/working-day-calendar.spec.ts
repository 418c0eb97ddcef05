import { loadOfficialSchedule } from './official-schedule.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

const calendar = new WorkingDayCalendar(loadOfficialSchedule());

// Worked examples of the domain spec §5.7 (official calendar).
test.each([
  ['2026-02-10', 20, '2026-03-16'],
  ['2025-09-26', 20, '2025-10-30'],
  ['2025-12-10', 20, '2026-01-08'],
  ['2026-04-28', 7, '2026-05-11'],
  ['2026-05-11', 20, '2026-06-08'],
  ['2026-09-17', 20, '2026-10-21'],
  ['2026-03-09', 15, '2026-03-30'],
])('add(%s, %i) = %s', (from, days, expected) => {
  expect(calendar.add(from, days)).toEqual({ date: expected, provisional: false });
});

test('make-up working days count, holidays do not', () => {
  expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班
  expect(calendar.isWorkingDay('2025-10-01')).toBe(false); // National Day
  expect(calendar.isWorkingDay('2026-03-14')).toBe(false); // plain Saturday
});

test('a deadline reaching into a year with no published schedule is provisional', () => {
  const result = calendar.add('2026-12-20', 20);
  expect(result.provisional).toBe(true);
  expect(calendar.add('2026-03-02', 5).provisional).toBe(false);
});
