import { defaultParaphrases, NO_PARAPHRASES, parseParaphrases } from './paraphrase-lexicon.js';
import { QuestionMatcher } from './question-matcher.js';

describe('parseParaphrases', () => {
  it('reads word<TAB>alternative:weight lines, strongest first, skipping comments and bad weights', () => {
    const lexicon = parseParaphrases('# mined\n坐牢\t构成犯罪:0.8,判刑:0.4,坏:x,自己:0\n\n错开上下班\t灵活安排工作时间:2\n');
    expect(lexicon.size).toBe(2);
    expect(lexicon.of('坐牢')).toEqual([
      { term: '构成犯罪', weight: 0.8 },
      { term: '判刑', weight: 0.4 },
    ]);
    // weights are clamped to 1: a paraphrase never counts for more than the word itself
    expect(lexicon.of('错开上下班')).toEqual([{ term: '灵活安排工作时间', weight: 1 }]);
    expect(lexicon.of('没有')).toEqual([]);
  });

  it('ships a lexicon mined from the corpus, with its provenance', () => {
    const lexicon = defaultParaphrases();
    expect(lexicon.size).toBeGreaterThan(100);
    // two questions with the same answer, one saying 指示 and the other 批示
    expect(lexicon.of('批示').map((p) => p.term)).toContain('指示');
  });
});

describe('QuestionMatcher with paraphrases', () => {
  const corpus = {
    crime: '隐瞒病情拒不隔离构成犯罪的如何处理？',
    isolate: '隐瞒病情拒不隔离的人员如何处理？',
    hours: '企业可以灵活安排工作时间吗？',
    hoursFee: '企业安排加班如何支付工资？',
  };
  // entries are words, as the segmenter cuts them (错开上下班 is 错开 + 上下班)
  const lexicon = parseParaphrases('坐牢\t构成犯罪:0.9\n上下班\t工作时间:0.9\n');
  const build = (paraphrases = lexicon) => {
    const m = new QuestionMatcher(undefined, { paraphrases });
    for (const [id, q] of Object.entries(corpus)) m.upsert(id, [q]);
    return m;
  };

  it('finds a stored question by the paraphrase of a word it lacks', () => {
    const withLexicon = build();
    const without = build(NO_PARAPHRASES);
    const ask = '隐瞒病情拒不隔离会坐牢吗';
    expect(withLexicon.match(ask)[0]!.id).toBe('crime');
    const score = (m: QuestionMatcher, id: string) => m.match(ask).find((x) => x.id === id)?.score ?? 0;
    expect(score(withLexicon, 'crime') - score(withLexicon, 'isolate')).toBeGreaterThan(
      score(without, 'crime') - score(without, 'isolate'),
    );
    // 企业 is in both stored questions: 上下班 ↔ 工作时间 tells them apart
    const hours = '企业能错开上下班吗';
    expect(withLexicon.match(hours)[0]!.id).toBe('hours');
    const lead = (m: QuestionMatcher) => m.match(hours)[0]!.score - (m.match(hours).find((x) => x.id === 'hoursFee')?.score ?? 0);
    expect(lead(withLexicon)).toBeGreaterThan(lead(without));
  });

  it('counts a paraphrase for less than the word itself', () => {
    const m = build();
    const viaParaphrase = m.match('隐瞒病情拒不隔离会坐牢吗')[0]!;
    const viaWord = m.match('隐瞒病情拒不隔离会构成犯罪吗')[0]!;
    expect(viaParaphrase.id).toBe('crime');
    expect(viaParaphrase.score).toBeLessThan(viaWord.score);
    expect(viaParaphrase.confidence).toBeLessThan(viaWord.confidence);
  });
});
