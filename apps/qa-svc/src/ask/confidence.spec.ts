import { confidenceOf, jaccard, questionTokens } from './confidence.js';

test('a rewording with synonyms of every word is confident, an unrelated question is not', () => {
  const candidate = '租房可以提取住房公积金吗 租房提取公积金每月能取多少';
  const close = confidenceOf({ asked: '租房能提公积金吗', candidate, score: 10 });
  const far = confidenceOf({ asked: '残疾人两项补贴标准', candidate, score: 3 });
  expect(close).toBeGreaterThan(0.6);
  expect(far).toBeLessThan(0.3);
  expect(close).toBeGreaterThan(far);
});

test('a runner-up almost as good lowers confidence; nothing asked means no confidence', () => {
  const candidate = '灵活就业人员怎么参加医保';
  const clear = confidenceOf({ asked: '灵活就业怎么参加医保', candidate, score: 10, runnerUpScore: 2 });
  const tied = confidenceOf({ asked: '灵活就业怎么参加医保', candidate, score: 10, runnerUpScore: 9.9 });
  expect(tied).toBeLessThan(clear);
  expect(confidenceOf({ asked: '', candidate, score: 10 })).toBe(0);
});

test('similar questions share most of their tokens', () => {
  const a = questionTokens('公积金贷款额度怎么算');
  const b = questionTokens('公积金贷款额度如何计算');
  const c = questionTokens('孩子上学怎么报名');
  expect(jaccard(a, b)).toBeGreaterThan(jaccard(a, c));
});
