import { gramFeatures, questionIntents } from './question-features.js';

describe('questionIntents', () => {
  it.each([
    ['发票寄递几号开始', 'time'],
    ['补贴标准是多少', 'amount'],
    ['失业金去哪里领', 'channel'],
    ['办理需要什么材料', 'material'],
    ['符合什么条件可以申请', 'condition'],
    ['稳岗返还的钱能用来干嘛', 'use'],
  ])('%s asks for %s', (q, intent) => {
    expect(questionIntents(q)).toContain(intent);
  });

  it('is empty when the question does not say, and 如何处理 is not a place (何处)', () => {
    expect([...questionIntents('企业用水欠费如何处理')]).toEqual([]);
  });
});

describe('gramFeatures', () => {
  it('keys character pairs by sound, so a homophone typo shares them', () => {
    const typed = gramFeatures('发漂寄递');
    expect([...gramFeatures('发票寄递').keys()].filter((k) => k.startsWith('b:') && typed.has(k)).length).toBe(3);
  });

  it('leaves out question words, so they make no pairs with the words around them', () => {
    const keys = [...gramFeatures('缓缴多久').keys()];
    expect(keys).toContain('c:缓');
    expect(keys.some((k) => k.includes('久'))).toBe(false);
  });
});
