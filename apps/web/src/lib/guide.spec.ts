import { beijingTime, beijingWeekday, copiesText, days, distanceText, openLabel, todayHours } from './guide';

// 2026-12-05 is a Saturday; 01:30 UTC is 09:30 in Beijing, 00:30 UTC is 08:30, 06:00 UTC is 14:00.
const sat = (utc: string) => new Date(`2026-12-05T${utc}:00Z`);
const hours = [
  { weekday: 1, open: '09:00', close: '17:00' },
  { weekday: 6, open: '09:00', close: '12:00' },
];

test('weekday and time are Beijing time, whatever the server runs in', () => {
  expect(beijingWeekday(sat('01:30'))).toBe(6);
  expect(beijingWeekday(new Date('2026-12-05T17:00:00Z'))).toBe(7); // 01:00 on Sunday in Beijing
  expect(beijingTime(sat('01:30'))).toBe('09:30');
});

test("today's hours and why a site is not open", () => {
  expect(todayHours(hours, 6)).toBe('今天（周六）09:00–12:00');
  expect(todayHours(hours, 7)).toBe('今天（周日）不开放');
  expect(openLabel({ openNow: true, weeklyHours: hours }, sat('01:30'))).toBe('现在开放');
  expect(openLabel({ openNow: false, weeklyHours: hours }, sat('00:30'))).toBe('尚未开门');
  expect(openLabel({ openNow: false, weeklyHours: hours }, sat('06:00'))).toBe('已下班');
  expect(openLabel({ openNow: false, weeklyHours: hours }, sat('01:30'))).toBe('今天闭馆'); // a holiday
  expect(openLabel({ openNow: false, weeklyHours: hours }, new Date('2026-12-06T02:00:00Z'))).toBe('今天不开放');
});

test('distances, time limits and copies in words', () => {
  expect(distanceText(3)).toBe('约 10 米');
  expect(distanceText(456)).toBe('约 460 米');
  expect(distanceText(2_449)).toBe('约 2.4 公里');
  expect(days(null)).toBe('以部门公布为准');
  expect(days(0)).toBe('即办');
  expect(days(5)).toBe('5 个工作日');
  expect(copiesText({ form: '纸质', originals: 1, copies: 2 })).toBe('纸质，原件 1 份，复印件 2 份');
});
