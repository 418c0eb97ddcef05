import { RecentResults } from './recent-results.js';

test('answers a recent input from memory and computes the others, forgetting the oldest', () => {
  const calls: string[] = [];
  const recent = new RecentResults<number>(2);
  const length = (s: string) => (calls.push(s), s.length);
  expect(recent.get('社保', length)).toBe(2);
  expect(recent.get('公积金', length)).toBe(3);
  expect(recent.get('社保', length)).toBe(2);
  expect(calls).toEqual(['社保', '公积金']);
  recent.get('医保报销', length); // evicts 社保, the oldest
  expect(recent.get('公积金', length)).toBe(3);
  expect(recent.get('社保', length)).toBe(2);
  expect(calls).toEqual(['社保', '公积金', '医保报销', '社保']);
});
