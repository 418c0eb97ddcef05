import { TopicClassifier, citizenTopicClassifier, parseTopicLexicon } from './topic-classifier.js';

const LEXICON = `
# comment
generic: 标准
social-insurance | 社保 | 养老、失业保险
cues: 养老保险:2 社保
elderly-care | 养老 | 养老服务、标准
cues: 老年人
`;

describe('parseTopicLexicon', () => {
  const [si, ec] = parseTopicLexicon(LEXICON);

  it('reads codes, names and descriptions in file order', () => {
    expect([si!.code, si!.name, ec!.code, ec!.description]).toEqual(['social-insurance', '社保', 'elderly-care', '养老服务、标准']);
  });

  it('turns description phrases into cues, but not generic words or another topic’s name', () => {
    const siTerms = si!.cues.map((c) => c.term);
    expect(siTerms).toEqual(expect.arrayContaining(['养老保险', '社保', '失业保险']));
    expect(siTerms).not.toContain('养老'); // elderly-care's name
    expect(ec!.cues.map((c) => c.term)).toEqual(expect.arrayContaining(['养老', '养老服务', '老年人']));
    expect(ec!.cues.map((c) => c.term)).not.toContain('标准');
  });

  it('keeps listed weights (default 1)', () => {
    expect(si!.cues.find((c) => c.term === '养老保险')!.weight).toBe(2);
    expect(ec!.cues.find((c) => c.term === '老年人')!.weight).toBe(1);
  });

  it('rejects cues before any topic', () => {
    expect(() => parseTopicLexicon('cues: 税')).toThrow(/before any topic/);
  });
});

describe('TopicClassifier', () => {
  const classifier = new TopicClassifier(parseTopicLexicon(LEXICON), {
    titleWeight: 3,
    bodyCap: 2,
    minScore: 2,
    relative: 0.5,
    maxTopics: 3,
  });

  it('lets the longest cue win: 养老保险 is social insurance, not elderly care', () => {
    expect(classifier.scores({ title: '养老保险怎么交' })).toEqual([{ code: 'social-insurance', score: 6 }]);
  });

  it('weighs title hits over body hits and caps repeated body hits', () => {
    expect(classifier.scores({ title: '', body: '老年人 老年人 老年人 老年人' })).toEqual([{ code: 'elderly-care', score: 2 }]);
  });

  it('drops topics under the minimum score or far behind the best', () => {
    expect(classifier.classify({ title: '社保', body: '老年人' })).toEqual(['social-insurance']);
    expect(classifier.classify({ title: '', body: '老年人' })).toEqual([]);
    expect(classifier.classify({ title: '', body: '老年人，老年人' })).toEqual(['elderly-care']);
    expect(classifier.classify({ title: '天气预报' })).toEqual([]);
  });
});

describe('citizenTopicClassifier (shipped lexicon and calibration)', () => {
  const classifier = citizenTopicClassifier();

  it('covers the 17 citizen topic services in the taxonomy order', () => {
    expect(classifier.codes).toEqual([
      'enterprise-support',
      'subsidies',
      'education',
      'medical',
      'social-insurance',
      'employment',
      'housing-fund',
      'real-estate',
      'household-registration',
      'transport',
      'elderly-care',
      'marriage-birth',
      'disability',
      'tax',
      'entrepreneurship',
      'talent',
      'open-government',
    ]);
  });

  it.each([
    ['租房可以提取公积金吗？', ['housing-fund']],
    ['二手房过户要多久？', ['real-estate']],
    ['机动车驾驶证有效期满换证', ['transport']],
    ['申请政府信息公开要交钱吗？', ['open-government']],
    ['中华人民共和国刑事诉讼法', []],
  ])('%s → %j', (title, codes) => {
    expect(classifier.classify({ title })).toEqual(codes);
  });

  it('gives a subsidy question both its field and 资金奖补', () => {
    expect(classifier.classify({ title: '重度残疾人护理补贴每月多少钱？' }).sort()).toEqual(['disability', 'subsidies']);
  });
});
