import { Converter } from 'opencc-js/t2cn';
import { normalize } from './normalize.js';

const convertAlways = Converter({ from: 't', to: 'cn' });
const reference = (text: string) => (text ? convertAlways(text.normalize('NFKC')).toLowerCase().replace(/\s+/gu, ' ').trim() : '');

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

  it('skips the conversion only where it would change nothing: phrase entries and traditional characters still convert', () => {
    const samples = [
      '住房公积金提取办法',
      '一坏土',
      '反覆研究，答覆如下',
      '乾隆年间天气乾燥',
      '著作权与显著标志',
      '頭髮後面的雲彩',
      '𠀾𪚥 astral 豈 更',
      '第一条　为了维护职工休息休假权利（試行）',
    ];
    for (const s of samples) expect(normalize(s)).toBe(reference(s));
  });

  it('returns an empty string for empty input', () => {
    expect(normalize('')).toBe('');
  });
});
