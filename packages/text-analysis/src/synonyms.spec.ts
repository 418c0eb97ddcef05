import { readDictFile, SYNONYM_FILE } from './dictionary.js';
import { queryTokens } from './segmenter.js';
import { createSynonymTable, defaultSynonyms, expandQuery, parseSynonyms } from './synonyms.js';

describe('synonyms', () => {
  it.each([
    ['医保', '医疗保险'],
    ['社保', '社会保险'],
    ['公积金', '住房公积金'],
    ['年假', '年休假'],
    ['个税', '个人所得税'],
    ['低保', '最低生活保障'],
  ])('expands %s to include %s', (colloquial, official) => {
    expect(expandQuery([colloquial])[0]).toEqual(expect.arrayContaining([colloquial, official]));
  });

  it('expands both ways and keeps the query token first', () => {
    expect(expandQuery(['医疗保险'])[0]).toEqual(['医疗保险', '医保']);
  });

  it('expands 年假 to all three leave terms', () => {
    expect(new Set(expandQuery(['年假'])[0])).toEqual(new Set(['年假', '年休假', '带薪年休假']));
  });

  it('leaves unknown terms alone, one group per token', () => {
    expect(expandQuery(['提取', '公积金'])).toEqual([['提取'], expect.arrayContaining(['公积金', '住房公积金'])]);
  });

  it('parses comments, blank lines, full-width commas and traditional script', () => {
    const groups = parseSynonyms('# v1\n\n醫保，医疗保险\nsingle\n');
    expect(groups).toEqual([['医保', '医疗保险']]);
    expect(createSynonymTable(groups).alternatives('医保')).toEqual(['医保', '医疗保险']);
  });

  it('every entry of the shipped table is one query token (else expansion cannot match)', () => {
    const entries = parseSynonyms(readDictFile(SYNONYM_FILE).toString('utf8')).flat();
    const split = entries.filter((e) => queryTokens(e).length !== 1 || queryTokens(e)[0] !== e);
    expect(split).toEqual([]);
    expect(defaultSynonyms().groups.length).toBeGreaterThan(10);
  });
});
