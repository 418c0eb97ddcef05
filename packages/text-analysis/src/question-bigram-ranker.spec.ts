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

/** Plain BM25 over every document, summed in the question's bigram order, ties to the earlier stored: what first() must give. */
function referenceFirst(docs: readonly { id: string; text: string }[], question: string): string | undefined {
  const grams = docs.map((d) => questionBigrams(d.text)).filter((g) => g.length > 0);
  const owners = docs.filter((d) => questionBigrams(d.text).length > 0).map((d) => d.id);
  if (grams.length === 0) return undefined;
  const [k1, b] = [1.2, 0.75];
  const norm = (k1 * b) / (grams.reduce((n, g) => n + g.length, 0) / grams.length);
  const scores = grams.map(() => 0);
  for (const g of new Set(questionBigrams(question))) {
    const n = grams.filter((d) => d.includes(g)).length;
    if (n === 0) continue;
    const idf = Math.log(1 + (grams.length - n + 0.5) / (n + 0.5));
    grams.forEach((d, i) => {
      const tf = d.filter((x) => x === g).length;
      if (tf > 0) scores[i] = scores[i]! + (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b) + norm * d.length);
    });
  }
  let best = -1;
  scores.forEach((s, i) => {
    if (s > 0 && (best < 0 || s > scores[best]!)) best = i;
  });
  return best >= 0 ? owners[best] : undefined;
}

test('stopping once the leader is decided gives the first of the full sums, near ties and duplicates included', () => {
  // a small alphabet and short texts: many shared pairs, equal scores and duplicate questions
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const text = (len: number) => Array.from({ length: len }, () => '社保公积金缴费'[Math.floor(next() * 7)]).join('');
  let checked = 0;
  for (let round = 0; round < 20; round++) {
    const r = new QuestionBigramRanker();
    const docs: { id: string; text: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const t = i % 9 === 8 ? docs[i - 3]!.text : text(2 + Math.floor(next() * 8));
      docs.push({ id: `q${i}`, text: t });
      r.upsert(`q${i}`, [t]);
    }
    for (let k = 0; k < 30; k++) {
      const q = text(1 + Math.floor(next() * 12));
      expect(r.first(q)).toBe(referenceFirst(docs, q));
      checked++;
    }
  }
  expect(checked).toBe(600);
});
