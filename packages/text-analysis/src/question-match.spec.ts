import { confidenceOf, jaccard, questionTokens, rankAnswers } from './question-match.js';

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

test('rankAnswers puts the answer for the asked province above a better-scoring one for another', () => {
  const questions: Record<string, string> = { jx: '江西省对不裁员企业返还多少失业保险费', sx: '山西省对不裁员企业返还多少失业保险费' };
  const ranked = rankAnswers('山西企业不裁员失业保险返还比例', [{ id: 'jx', score: 10 }, { id: 'sx', score: 9 }], (id) => questions[id]!);
  expect(ranked.map((r) => r.id)).toEqual(['sx', 'jx']);
  expect(ranked[0]!.confidence).toBeGreaterThan(ranked[1]!.confidence);
});
