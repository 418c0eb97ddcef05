import { NEAR_DUPLICATE_THRESHOLD, NearDuplicateIndex, decodeSignature, encodeSignature, minhash, similarity } from './minhash.js';

const base = Array.from({ length: 40 }, (_, i) => `第${i + 1}条 用人单位应当依法为职工缴纳社会保险费，保障职工享受第${i + 1}项待遇。`).join(
  '\n',
);

test('identical texts have similarity 1; signatures round-trip through base64', () => {
  const s = minhash(base);
  expect(similarity(s, minhash(base))).toBe(1);
  expect(decodeSignature(encodeSignature(s))).toEqual(s);
});

test('a successive version (a few articles changed) is above the threshold; an unrelated text far below', () => {
  const revised =
    base.replace('第3条 用人单位', '第3条 各类用人单位').replace('第7项待遇', '第7项待遇及补贴') + '\n第41条 本条例自公布之日起施行。';
  const unrelated = Array.from({ length: 40 }, (_, i) => `第${i + 1}条 机动车驾驶人应当遵守道路交通安全法律第${i + 1}款规定。`).join('\n');
  expect(similarity(minhash(base), minhash(revised))).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  expect(similarity(minhash(base), minhash(unrelated))).toBeLessThan(0.3);
});

test('the index returns the most similar known document, never the document itself', () => {
  const index = new NearDuplicateIndex();
  index.add('a', minhash(base));
  expect(index.best(minhash(base), 'a')).toBeNull();
  expect(index.best(minhash(base + '\n附则'))).toMatchObject({ id: 'a' });
  expect(index.best(minhash('完全不同的一段文字，讲的是公园的开放时间和门票价格。'))).toBeNull();
});
