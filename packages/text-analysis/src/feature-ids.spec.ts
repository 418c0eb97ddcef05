import { charMask, containsWord, Counts, FeatureIds, ScratchMap } from './feature-ids.js';

describe('FeatureIds', () => {
  it('gives each key one dense id and -1 for keys never interned', () => {
    const ids = new FeatureIds();
    expect([ids.intern('w:社保'), ids.intern('b:shebao'), ids.intern('w:社保')]).toEqual([0, 1, 0]);
    expect(ids.idOf('w:公积金')).toBe(-1);
    expect(ids.size).toBe(2);
  });
});

describe('Counts', () => {
  it('grows past its first block and reads 0 for ids it never saw', () => {
    const df = new Counts();
    expect(df.add(5000, 2)).toBe(2);
    expect(df.add(5000, -1)).toBe(1);
    expect(df.get(4999)).toBe(0);
    expect(df.get(-1)).toBe(0);
  });
});

describe('ScratchMap', () => {
  it('forgets everything on clear, and ignores the unknown id -1', () => {
    const m = new ScratchMap();
    m.set(3, 0.5);
    m.set(70_000, 2);
    m.set(-1, 9);
    expect([m.get(3), m.get(70_000), m.has(-1), m.has(4)]).toEqual([0.5, 2, false, false]);
    m.clear();
    expect([m.has(3), m.get(70_000)]).toEqual([false, 0]);
  });
});

describe('charMask', () => {
  const texts = ['企业缓缴社会保险费的期限是多久', '职工租房提取住房公积金每月能提取多少', 'abc123'];
  it('never rules out a word the text contains', () => {
    for (const text of texts) {
      const mask = charMask(text);
      for (let i = 0; i < text.length; i++) {
        for (let j = i + 1; j <= text.length; j++)
          expect(containsWord(text, mask, text.slice(i, j), charMask(text.slice(i, j)))).toBe(true);
      }
    }
  });

  it('rules out words the text lacks', () => {
    const text = texts[0]!;
    expect(containsWord(text, charMask(text), '公积金', charMask('公积金'))).toBe(false);
  });
});
