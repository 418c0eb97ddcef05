import { onePerAnswer, sameAnswerKey } from './answer-groups.js';

const ANSWERS: Record<string, string> = {
  a: '中小微企业承租国有企业房产的，免收2月份房租。',
  b: '中小微企业承租国有企业房产的, 免收 2 月份房租', // the same answer, spaced and punctuated otherwise
  c: '中小微企业承租国有企业房产的，免收3月份房租。', // one character apart: another answer
  d: '全额减免',
  e: '全额减免',
};
const m = (id: string) => ({ id, confidence: 0.5 });

test('answers that are the same text apart from spaces, punctuation and width share a key; short ones have none', () => {
  expect(sameAnswerKey(ANSWERS.a!)).toBe(sameAnswerKey(ANSWERS.b!));
  expect(sameAnswerKey('中小微企业承租国有企业房产的，免收２月份房租。')).toBe(sameAnswerKey(ANSWERS.a!));
  expect(sameAnswerKey(ANSWERS.c!)).not.toBe(sameAnswerKey(ANSWERS.a!));
  expect(sameAnswerKey(ANSWERS.d!)).toBeUndefined();
});

test('one match per answer: the best ranked keeps its place, later ones with the same answer go, short answers stay apart', () => {
  const kept = onePerAnswer([m('c'), m('b'), m('d'), m('a'), m('e'), m('x')], (id) => ANSWERS[id]);
  expect(kept.map((k) => k.id)).toEqual(['c', 'b', 'd', 'e', 'x']);
  expect(onePerAnswer([], (id) => ANSWERS[id])).toEqual([]);
});
