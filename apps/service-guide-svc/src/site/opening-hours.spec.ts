import { WorkingDayCalendar } from '@govdisc/working-days';
import { haversineMeters, isOpenAt } from './opening-hours.js';

// A small calendar of its own: Thursday 2026-10-01 a holiday, Saturday 2026-10-10 a make-up working day.
const calendar = new WorkingDayCalendar({ version: 'test', holidays: ['2026-10-01', '2026-10-03'], makeUpWorkdays: ['2026-10-10'] });
const weekdays = { openOnHolidays: false, weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })) };
const beijing = (local: string) => new Date(`${local}+08:00`);

test('open within the weekday hours in Beijing time, closing time excluded', () => {
  expect(isOpenAt(weekdays, beijing('2026-10-08T09:00:00'), calendar)).toBe(true);
  expect(isOpenAt(weekdays, beijing('2026-10-08T08:59:00'), calendar)).toBe(false);
  expect(isOpenAt(weekdays, beijing('2026-10-08T17:00:00'), calendar)).toBe(false);
  // 01:30 UTC on Thursday is 09:30 on Thursday in Beijing
  expect(isOpenAt(weekdays, new Date('2026-10-08T01:30:00Z'), calendar)).toBe(true);
});

test('holidays close a site unless it opens on holidays; a make-up Saturday opens with Monday hours', () => {
  expect(isOpenAt(weekdays, beijing('2026-10-01T10:00:00'), calendar)).toBe(false);
  expect(isOpenAt({ ...weekdays, openOnHolidays: true }, beijing('2026-10-01T10:00:00'), calendar)).toBe(true);
  expect(isOpenAt(weekdays, beijing('2026-10-10T10:00:00'), calendar)).toBe(true);
  expect(isOpenAt(weekdays, beijing('2026-10-17T10:00:00'), calendar)).toBe(false);
  const saturdays = { openOnHolidays: false, weeklyHours: [{ weekday: 6, open: '09:00', close: '12:00' }] };
  expect(isOpenAt(saturdays, beijing('2026-10-17T10:00:00'), calendar)).toBe(true);
  expect(isOpenAt(saturdays, beijing('2026-10-03T10:00:00'), calendar)).toBe(false); // a Saturday inside the holiday
});

test('haversine distance: zero for the same point, about 111.2 km per degree of latitude', () => {
  expect(haversineMeters({ lat: 28.2, lng: 112.9 }, { lat: 28.2, lng: 112.9 })).toBe(0);
  expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195, -1);
  expect(haversineMeters({ lat: 89.9, lng: 0 }, { lat: 89.9, lng: 180 })).toBeCloseTo(22_239, -1);
});
