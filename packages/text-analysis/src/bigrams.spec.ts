import { cjkBigrams } from './bigrams.js';

describe('cjkBigrams', () => {
  it('makes overlapping bigrams of each Han run', () => {
    expect(cjkBigrams('老旧小区')).toEqual(['老旧', '旧小', '小区']);
  });

  it('breaks runs at non-Han characters', () => {
    expect(cjkBigrams('医保2020年度')).toEqual(['医保', '年度']);
  });

  it('keeps a lone Han character', () => {
    expect(cjkBigrams('a税b')).toEqual(['税']);
  });

  it('returns nothing for text without Han characters', () => {
    expect(cjkBigrams('abc 123')).toEqual([]);
  });
});
