import { byTimeLeft, timeLeftZh, urgencyOf } from './disclosure';

const row = (workingDaysLeft: number | null, overdue = false, paused = false) => ({ workingDaysLeft, overdue, paused });

test('the queue puts the most overdue first, then the fewest working days left, requests without a clock last', () => {
  const sorted = byTimeLeft([row(5), row(null, false, true), row(-2, true), row(0), row(-7, true), row(12)]);
  expect(sorted.map((r) => r.workingDaysLeft)).toEqual([-7, -2, 0, 5, 12, null]);
});

test('overdue and due within 3 working days are marked; a paused clock is never due soon', () => {
  expect(urgencyOf(row(-1, true))).toBe('overdue');
  expect(urgencyOf(row(3))).toBe('due-soon');
  expect(urgencyOf(row(4))).toBe('normal');
  expect(urgencyOf(row(null, false, true))).toBe('paused');
  expect(timeLeftZh(row(-2, true))).toBe('已超期 2 个工作日');
  expect(timeLeftZh(row(0))).toBe('今日到期');
});
