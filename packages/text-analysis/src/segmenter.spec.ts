import { cutWords, indexTokens, queryTokens } from './segmenter.js';

describe('segmentation with the domain dictionary', () => {
  it.each(['专精特新', '稳岗返还', '留抵退税', '一网通办', '跨省通办', '放管服', '住房公积金', '年休假', '依申请公开'])(
    'keeps the policy term %s whole in queries',
    (term) => {
      expect(queryTokens(`推进${term}工作`)).toContain(term);
    },
  );

  it('keeps issuing-organ abbreviations whole', () => {
    expect(queryTokens('浙政办发文件')).toContain('浙政办发');
    expect(queryTokens('国办发通知')).toContain('国办发');
  });

  it('indexes sub-words in search mode so shorter queries still match', () => {
    const tokens = indexTokens('中华人民共和国社会保险法');
    expect(tokens).toEqual(expect.arrayContaining(['中华人民共和国', '社会保险', '社会', '保险']));
  });

  it('indexes long dictionary sub-words of long words', () => {
    expect(indexTokens('城镇职工基本医疗保险办法')).toEqual(expect.arrayContaining(['基本医疗保险', '医疗保险', '医疗', '保险']));
  });

  it('drops punctuation and stop words', () => {
    const tokens = indexTokens('关于做好社会保险工作的通知。');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('。');
    expect(tokens).toContain('通知');
  });

  it('drops question fillers from queries but keeps the topic', () => {
    expect(queryTokens('请问公积金怎么提取？')).toEqual(['公积金', '提取']);
  });

  it('normalises before segmenting (traditional, full-width)', () => {
    expect(queryTokens('醫療保險')).toEqual(['医疗保险']);
  });

  it('cutWords covers the input contiguously', () => {
    const text = '浙江省人民政府办公厅关于印发通知（浙政办发〔2018〕111号）';
    expect(cutWords(text).join('')).toBe(text);
  });
});
