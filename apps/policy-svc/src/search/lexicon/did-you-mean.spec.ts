import { proposeCorrection } from './did-you-mean.js';
import { editDistance } from './edit-distance.js';
import { SearchLexicon } from './search-lexicon.js';

const lexicon = new SearchLexicon();
const docs = [
  { title: '江东市住房公积金提取管理办法', keywords: ['住房公积金', '公积金', '提取'] },
  { title: '江东市住房公积金缴存管理办法', keywords: ['公积金', '缴存'] },
  { title: '职工带薪年休假条例', keywords: ['年休假', '带薪', '职工'] },
  { title: '城乡居民基本养老保险实施办法', keywords: ['养老保险', '城乡居民'] },
  { title: '失业保险金申领办法', keywords: ['失业保险', '失业保险金', '申领'] },
  { title: '社会保障卡办理指南', keywords: ['社保卡', '办理'] },
  { title: '专精特新中小企业认定办法', keywords: ['专精特新', '中小企业', '认定'] },
  { title: '职工基本医疗保险门诊共济办法', keywords: ['医保', '门诊', '报销'] },
];
docs.forEach((d, i) => lexicon.upsert({ id: `d${i}`, version: 1, topics: ['社会保障'], agencies: ['江东市人民政府'], ...d }));

test.each([
  ['公机金提取', '公积金提取'],
  ['住房公机金', '住房公积金'],
  ['养老保限', '养老保险'],
  ['带薪年修假', '带薪年休假'],
  ['社保卡办里', '社保卡办理'],
  ['公金积', '公积金'],
  ['医报报销', '医保报销'],
  ['失业保金申领', '失业保险申领'],
  ['zjtx', '专精特新'],
  ['专精特新 qiye', null],
])('%s → %s', (typed, expected) => {
  expect(proposeCorrection(typed, lexicon)).toBe(expected);
});

test('a query the library already speaks, a document number or unrelated words get no suggestion', () => {
  for (const q of ['住房公积金提取', '职工年休假', '江政办发〔2025〕12号', '火星探测器', '', '的', '中小企业认定服务']) {
    expect(proposeCorrection(q, lexicon)).toBeNull();
  }
});

test('question fillers stay as typed, and a correct word is never cut down to a shorter known one', () => {
  expect(proposeCorrection('公机金怎么提取', lexicon)).toBe('公积金怎么提取');
  expect(proposeCorrection('年休假期', lexicon)).toBeNull();
});

test('traditional characters and full-width letters are read as their normal form first', () => {
  expect(proposeCorrection('養老保限', lexicon)).toBe('养老保险');
  expect(proposeCorrection('ＺＪＴＸ', lexicon)).toBe('专精特新');
});

test('the lexicon follows document updates: a newer version replaces the old terms, an older one is ignored', () => {
  const own = new SearchLexicon();
  own.upsert({ id: 'a', version: 2, title: '公积金提取办法', keywords: [], topics: [], agencies: [] });
  expect(own.has('公积金')).toBe(true);
  expect(own.upsert({ id: 'a', version: 1, title: '失业保险办法', keywords: [], topics: [], agencies: [] })).toBe(false);
  own.upsert({ id: 'a', version: 3, title: '失业保险办法', keywords: [], topics: [], agencies: [] });
  expect(own.has('公积金')).toBe(false);
  expect(own.termsWithInitials('gjj')).toEqual([]);
  expect(own.has('失业保险')).toBe(true);
  own.remove('a');
  expect(own.documents).toBe(0);
  expect(own.has('失业保险')).toBe(false);
});

test('edit distance counts a swap of neighbours as one edit and stops past the budget', () => {
  expect(editDistance('公金积', '公积金')).toBe(1);
  expect(editDistance('养老保限', '养老保险')).toBe(1);
  expect(editDistance('失业保险', '失业保险金')).toBe(1);
  expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  expect(editDistance('', '医保')).toBe(2);
});
