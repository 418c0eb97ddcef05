import { QuestionBigramRanker, questionBigrams } from './question-bigram-ranker.js';
import { QuestionMatcher } from './question-matcher.js';

test('a question is cut into the character pairs of its Han, letter and digit runs', () => {
  expect(questionBigrams('社保 缓缴？A股')).toEqual(['社保', '缓缴', 'a股']);
  expect(questionBigrams('税')).toEqual(['税']);
  expect(questionBigrams('？！')).toEqual([]);
  // a character outside the basic plane is one character, not two halves
  expect(questionBigrams('𠮷野家 𠮷')).toEqual(['𠮷野', '野家', '𠮷']);
});

test('ranks first the stored question sharing the rarest pairs, by its best phrasing', () => {
  const r = new QuestionBigramRanker();
  r.upsert('fund', ['住房公积金贷款逾期怎么办？']);
  r.upsert('invoice', ['纳税人邮寄发票如何收费？', '发票寄递要钱吗？']);
  r.upsert('masks', ['市民如何预约购买口罩？']);
  expect(r.first('公积金贷款还不上')).toBe('fund');
  expect(r.first('寄递发票收费吗')).toBe('invoice');
  expect(r.first('明天天气')).toBeUndefined();
});

test('forgets removed and replaced questions', () => {
  const r = new QuestionBigramRanker();
  r.upsert('a', ['口罩在哪里预约购买？']);
  r.upsert('b', ['口罩价格上涨怎么举报？']);
  expect(r.first('预约口罩')).toBe('a');
  r.remove('a');
  expect(r.first('预约口罩')).toBe('b');
  r.upsert('b', ['核酸检测的作用是什么？']);
  expect(r.first('预约口罩')).toBeUndefined();
  expect(r.first('核酸检测')).toBe('b');
});

test("the matcher's bigram opinion follows its upserts and removals", () => {
  const m = new QuestionMatcher();
  m.upsert('fund', ['住房公积金贷款逾期怎么办？']);
  m.upsert('masks', ['市民如何预约购买口罩？']);
  expect(m.bigramFirst('预约口罩')).toBe('masks');
  m.remove('masks');
  expect(m.bigramFirst('预约口罩')).toBeUndefined();
});
