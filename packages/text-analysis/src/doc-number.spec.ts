import { detectDocNumber, parseDocNumber, recordOrderNumbers } from './doc-number.js';

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

  it.each([
    '国务院令第656号',
    '国务院令656号',
    '国务院令656',
    '国务院令第656',
    '国务院656号令',
    '国务院第656号令',
    '国令656号',
    '中华人民共和国国务院令第656号',
  ])('order number %s → 国务院令||656', (spelling) => {
    expect(parseDocNumber(spelling)?.key).toBe('国务院令||656');
  });

  it("keys an order by the organ's short name, however the organ is written", () => {
    for (const s of ['人社部令第5号', '人社部令5', '人力资源和社会保障部令第5号', '中华人民共和国人力资源和社会保障部令第5号'])
      expect(parseDocNumber(s)?.key).toBe('人社部令||5');
    expect(parseDocNumber('住房和城乡建设部令第8号')?.key).toBe(parseDocNumber('住建部令8号')?.key);
    expect(parseDocNumber('国家市场监督管理总局令第3号')?.key).toBe('市场监管总局令||3');
  });

  it('leaves numbers that are not orders alone (人社部发 is a number prefix of its own)', () => {
    expect(parseDocNumber('人社部发〔2020〕8号')?.key).toBe('人社部发|2020|8');
    expect(parseDocNumber('禁令5')).toBeNull();
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

  it('finds an order number typed without 号', () => {
    expect(detectDocNumber('查一下国务院令656的内容')?.key).toBe('国务院令||656');
    expect(detectDocNumber('住建部令5号全文')?.key).toBe('住建部令||5');
  });

  it('finds a number typed in full-width digits (folded before the digit check)', () => {
    expect(detectDocNumber('关于京政办发〔２０２０〕７号的解读')?.key).toBe('京政办发|2020|7');
  });

  it('returns null for an ordinary query', () => {
    expect(detectDocNumber('公积金怎么提取')).toBeNull();
    expect(detectDocNumber('2020年社保缴费基数')).toBeNull();
  });
});

describe('recordOrderNumbers', () => {
  const record = [
    '1991年3月4日 中华人民共和国国务院令第76号发布',
    '2018年9月6日 国务院第23次常务会议修订通过',
    '根据2020年3月27日《国务院关于修改和废止部分行政法规的决定》（国务院令第726号）修订',
    '2018年11月6日 中华人民共和国国务院令第706号公布',
    '2019年3月1日 施行',
    '第一章 总则',
    '第一条 依照国务院令第9号发布的规定执行。',
  ].join('\n');

  it('keys the original order and every revising order of the promulgation record', () => {
    expect(recordOrderNumbers(record)).toEqual(['国务院令||76', '国务院令||726', '国务院令||706']);
  });

  it('stops at the first chapter or clause and ignores lines that are not a record', () => {
    expect(recordOrderNumbers('第一条 依照国务院令第9号执行\n2018年1月1日 国务院令第5号公布')).toEqual([]);
    expect(recordOrderNumbers('各区人民政府：\n现将国务院令第9号转发给你们')).toEqual([]);
  });

  it('keys joint orders and ministries by the same rules as a query', () => {
    expect(recordOrderNumbers('2021年1月1日 中华人民共和国人力资源和社会保障部令第5号公布')).toEqual([parseDocNumber('人社部令5号')!.key]);
  });
});
