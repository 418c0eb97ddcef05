import { normalize } from './normalize.js';

describe('normalize', () => {
  it('folds full-width Latin, digits and spaces to half-width', () => {
    expect(normalize('ＧＢ／Ｔ　２０２０')).toBe('gb/t 2020');
  });

  it('converts traditional to simplified Chinese', () => {
    expect(normalize('醫療保險與個人所得稅')).toBe('医疗保险与个人所得税');
  });

  it('lowercases Latin and folds whitespace runs', () => {
    expect(normalize('  APP  下载\n\t指南 ')).toBe('app 下载 指南');
  });

  it('leaves simplified text unchanged', () => {
    expect(normalize('住房公积金提取办法')).toBe('住房公积金提取办法');
  });

  it('returns an empty string for empty input', () => {
    expect(normalize('')).toBe('');
  });
});
