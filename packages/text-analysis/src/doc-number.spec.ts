import { detectDocNumber, parseDocNumber } from './doc-number.js';

describe('parseDocNumber', () => {
  it.each([
    '浙政办发〔2018〕111号',
    '浙政办发[2018]111号',
    '浙政办发［2018］111号',
    '浙政办发(2018)111号',
    '浙政办发（2018）111号',
    '浙政办发【2018】111号',
    '浙政办发2018年111号',
    '浙政办发〔2018〕第111号',
    '浙政办发 〔2018〕 111 号',
    '浙政办发2018111号',
  ])('%s → 浙政办发|2018|111', (spelling) => {
    expect(parseDocNumber(spelling)).toEqual({ prefix: '浙政办发', year: '2018', serial: '111', key: '浙政办发|2018|111' });
  });

  it('accepts a trailing 文件 and year written with 年', () => {
    expect(parseDocNumber('湘政发2014年27号文件')?.key).toBe('湘政发|2014|27');
  });

  it('splits a year and serial typed together', () => {
    expect(parseDocNumber('国资通法规202249号')?.key).toBe('国资通法规|2022|49');
  });

  it('parses order numbers without a year, with 令 before or after the serial', () => {
    expect(parseDocNumber('国务院令第514号')?.key).toBe('国务院令||514');
    expect(parseDocNumber('国务院第514号令')?.key).toBe('国务院令||514');
    expect(parseDocNumber('中华人民共和国国务院令第514号')?.key).toBe('国务院令||514');
  });

  it('parses announcements with 年 and 第', () => {
    expect(parseDocNumber('财政部公告2020年第6号')).toEqual({ prefix: '财政部公告', year: '2020', serial: '6', key: '财政部公告|2020|6' });
    expect(parseDocNumber('财政部 税务总局公告2020年第8号')?.key).toBe('财政部税务总局公告|2020|8');
  });

  it('folds traditional characters and full-width digits', () => {
    expect(parseDocNumber('江醫保發〔２０２３〕7號')?.key).toBe('江医保发|2023|7');
  });

  it('drops leading zeros of the serial', () => {
    expect(parseDocNumber('京政办发〔2020〕007号')?.key).toBe('京政办发|2020|7');
  });

  it('rejects text that is not a document number', () => {
    expect(parseDocNumber('住房公积金提取')).toBeNull();
    expect(parseDocNumber('2018年111号')).toBeNull();
    expect(parseDocNumber('')).toBeNull();
  });
});

describe('detectDocNumber', () => {
  it('finds a number inside a question and trims the words before it', () => {
    expect(detectDocNumber('请问浙政办发2018年111号文件讲了什么')?.key).toBe('浙政办发|2018|111');
  });

  it('trims to a known organ abbreviation', () => {
    expect(detectDocNumber('关于京政办发〔2020〕7号的解读')?.key).toBe('京政办发|2020|7');
  });

  it('finds order numbers in running text', () => {
    expect(detectDocNumber('查一下国务院令第514号')?.key).toBe('国务院令||514');
  });

  it('returns null for an ordinary query', () => {
    expect(detectDocNumber('公积金怎么提取')).toBeNull();
    expect(detectDocNumber('2020年社保缴费基数')).toBeNull();
  });
});
