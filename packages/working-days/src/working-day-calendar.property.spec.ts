import fc from 'fast-check';
import { loadOfficialSchedule } from './official-schedule.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

const calendar = new WorkingDayCalendar(loadOfficialSchedule());

// Dates inside the published schedule (2024-01-01 .. 2026-10-31) so results are never provisional.
const day = fc.integer({ min: 0, max: 1_035 }).map((i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
const n = fc.integer({ min: 1, max: 40 });

test('adding N working days then counting back gives N', () => {
  fc.assert(fc.property(day, n, (from, days) => calendar.countBetween(from, calendar.add(from, days).date) === days));
});

test('no due date falls on a non-working day', () => {
  fc.assert(fc.property(day, n, (from, days) => calendar.isWorkingDay(calendar.add(from, days).date)));
});

test('the due date is the first day reaching N (one day earlier counts N-1)', () => {
  fc.assert(
    fc.property(day, n, (from, days) => {
      const due = calendar.add(from, days).date;
      const before = new Date(Date.parse(`${due}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      return calendar.countBetween(from, before) === days - 1;
    }),
  );
});

test('a pause shifts the due date by exactly the paused working days', () => {
  fc.assert(
    fc.property(day, fc.integer({ min: 1, max: 19 }), fc.integer({ min: 0, max: 20 }), (receipt, used, paused) => {
      const pauseStart = calendar.add(receipt, used).date; // letter sent on the `used`-th WD
      const pauseEnd = calendar.add(pauseStart, paused).date; // opinion arrives `paused` WDs later
      const pausedWd = calendar.countBetween(pauseStart, pauseEnd);
      const shifted = calendar.add(receipt, 20 + pausedWd).date;
      const original = calendar.add(receipt, 20).date;
      return pausedWd === paused && calendar.countBetween(original, shifted) === paused;
    }),
  );
});

test('addition composes: add(add(d, a), b) = add(d, a + b)', () => {
  fc.assert(fc.property(day, n, n, (from, a, b) => calendar.add(calendar.add(from, a).date, b).date === calendar.add(from, a + b).date));
});
