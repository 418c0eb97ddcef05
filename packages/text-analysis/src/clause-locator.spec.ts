import { citableClauses, locateClause, matchKey, quoteIn } from './clause-locator.js';
import { toParagraphs } from './clauses.js';

const law = toParagraphs(
  [
    '2020年1月1日 公布',
    '第一章 总则',
    '第一条 为了规范职工带薪年休假，制定本条例。',
    '第二条 职工连续工作1年以上的，享受带薪年休假。',
    '单位应当保证职工享受年休假。',
    '第二章 待遇',
    '第三条 职工累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天。',
  ].join('\n'),
);
const notice = toParagraphs(
  [
    '北京市人民政府办公厅关于支持中小微企业的若干措施',
    '一、减轻企业房租负担。中小微企业承租市及区属国有企业房产的，免收2月份房租。',
    '二、加大金融支持力度。对受疫情影响较大的企业，银行不得盲目抽贷、断贷、压贷。',
    '三、减免社会保险费。阶段性减免企业基本养老保险、失业保险、工伤保险单位缴费部分。',
  ].join('\n'),
);

test('the citable units are articles (with their later paragraphs) and plain paragraphs outside articles', () => {
  expect(citableClauses(law).map((c) => c.anchor)).toEqual(['p-1', 'art-1', 'art-2', 'art-3']);
  expect(citableClauses(law)[2]!.text).toContain('单位应当保证');
  expect(citableClauses(notice).map((c) => c.anchor)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
});

test('a verbatim answer is pinned to the clause holding it, line breaks and spaces aside', () => {
  expect(locateClause(notice, '银行不得盲目抽贷、断贷、压贷')).toMatchObject({ anchor: 'p-3', method: 'verbatim', score: 1 });
  // an answer from an article's second paragraph cites the article
  expect(locateClause(law, '单位应当保证 职工享受年休假。')).toMatchObject({ anchor: 'art-2', method: 'verbatim' });
});

test('an answer differing in width and punctuation is found after normalisation', () => {
  const found = locateClause(law, '职工累计工作已满１年不满１０年的,年休假５天');
  expect(found).toMatchObject({ anchor: 'art-3', method: 'normalised' });
  expect(quoteIn(found!.clauseText, found!.quote)).toBe(true);
});

test('a reworded answer falls back to the clause holding most of its character trigrams', () => {
  const found = locateClause(notice, '阶段性减免企业基本养老保险、失业保险和工伤保险的单位缴费');
  expect(found).toMatchObject({ anchor: 'p-4', method: 'overlap' });
  expect(found!.score).toBeGreaterThanOrEqual(0.6);
  // the verifier will not call a reworded quote verbatim: the editor checks it
  expect(quoteIn(found!.clauseText, found!.quote)).toBe(false);
  expect(locateClause(notice, '阶段性减免企业基本养老保险、失业保险和工伤保险的单位缴费', { allowOverlap: false })).toBeNull();
});

test('an answer from another text, or spread evenly over clauses, gets no clause', () => {
  expect(locateClause(notice, '个人所得税汇算清缴的截止时间延长至6月30日')).toBeNull();
  expect(locateClause(notice, '减免社会保险费的具体办法由人力资源社会保障部另行制定')).toBeNull();
  // half in one paragraph, half in the next: no clause is clearly the one
  expect(locateClause(notice, '银行不得盲目抽贷、断贷、压贷。三、减免社会保险费。阶段性')).toBeNull();
});

test('an answer held by several clauses is cited where the question points, else at the first', () => {
  expect(locateClause(law, '年休假')).toMatchObject({ anchor: 'art-1', method: 'verbatim', holders: 3 });
  expect(locateClause(law, '年休假', { question: '工作满10年不满20年的职工有几天年休假？' })).toMatchObject({
    anchor: 'art-3',
    holders: 3,
  });
  expect(locateClause(law, '年休假', { question: '单位要保证职工享受什么？' })).toMatchObject({ anchor: 'art-2' });
});

test('the match key ignores width, case, whitespace and punctuation', () => {
  expect(matchKey('ＡＢＣ， 第１条。\n')).toBe('abc第1条');
  expect(quoteIn('第一条 甲乙丙', '')).toBe(false);
});
