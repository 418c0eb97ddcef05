import { jaccard, questionTokens } from './question-similarity.js';

test('similar questions share most of their tokens', () => {
  const a = questionTokens('公积金贷款额度怎么算');
  const b = questionTokens('公积金贷款额度如何计算');
  const c = questionTokens('孩子上学怎么报名');
  expect(jaccard(a, b)).toBeGreaterThan(jaccard(a, c));
});
