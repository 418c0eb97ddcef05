import { summaryOf } from './document.mapper.js';

test("a published event's summary is the first non-empty paragraph, at most 300 characters", () => {
  expect(summaryOf('\n  为规范住房公积金提取管理，制定本办法。\n第一条 ……')).toBe('为规范住房公积金提取管理，制定本办法。');
  expect(summaryOf('长'.repeat(400))).toHaveLength(300);
  expect(summaryOf(' \n \n')).toBeNull();
});
