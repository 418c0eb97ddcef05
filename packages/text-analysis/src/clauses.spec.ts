import { chineseNumber, clauseAnchor, clauseLabel, clauseText, toParagraphs } from './clauses.js';

test('Chinese numerals become numbers', () => {
  expect([
    chineseNumber('十'),
    chineseNumber('十五'),
    chineseNumber('二十一'),
    chineseNumber('一百零三'),
    chineseNumber('一百二十三'),
    chineseNumber('12'),
  ]).toEqual([10, 15, 21, 103, 123, 12]);
  expect(chineseNumber('甲')).toBeNaN();
});

test('chapters, sections and articles get stable anchors; other paragraphs their position', () => {
  const body = '2007年12月14日 国务院令第514号公布\n第一章 总则\n第一条 为了……\n第二节 细则\n第二条 职工……\n第二条之一 补充……\n附件';
  expect(toParagraphs(body).map((p) => [p.kind, p.anchor])).toEqual([
    ['text', 'p-1'],
    ['chapter', 'ch-1'],
    ['article', 'art-1'],
    ['section', 'ch-1-sec-2'],
    ['article', 'art-2'],
    ['article', 'art-2-1'],
    ['text', 'p-7'],
  ]);
});

test('a line quoting an article of another text is a paragraph, not an article heading', () => {
  const body = '第五十七条规定：“公民应当服从指挥。”\n第三十九条第一款规定:“医疗机构发现甲类传染病时…”\n第三条 本办法自公布之日起施行。';
  expect(toParagraphs(body).map((p) => [p.kind, p.anchor])).toEqual([
    ['text', 'p-1'],
    ['text', 'p-2'],
    ['article', 'art-3'],
  ]);
});

test('an anchor does not move when text elsewhere changes, and repeats get a suffix', () => {
  const a = toParagraphs('第三条 甲\n第四条 乙').map((p) => p.anchor);
  const b = toParagraphs('序言新增一段\n第三条 甲（修改）\n第四条 乙').map((p) => p.anchor);
  expect(b.slice(1)).toEqual(a);
  expect(toParagraphs('第一条 甲\n第一条 乙').map((p) => p.anchor)).toEqual(['art-1', 'art-1-2']);
});

test('clause references in any spelling name the anchor toParagraphs gives', () => {
  expect(['第五条', '第 五 条', 'art-5', '第五条之一', '第二章', '第二章第一节', '第十二条', 'ch-3', '附件'].map(clauseAnchor)).toEqual([
    'art-5',
    'art-5',
    'art-5',
    'art-5-1',
    'ch-2',
    'ch-2-sec-1',
    'art-12',
    'ch-3',
    null,
  ]);
});

test('the text of a clause runs to the next heading; a chapter holds its articles', () => {
  const paragraphs = toParagraphs(
    '第一章 总则\n第一条 为了规范。\n第二条 本办法适用于全市。\n具体范围见附件。\n第二章 待遇\n第三条 每月补贴500元。',
  );
  expect(clauseText(paragraphs, 'art-2')).toBe('第二条 本办法适用于全市。\n具体范围见附件。');
  expect(clauseText(paragraphs, 'ch-1')).toContain('第二条');
  expect(clauseText(paragraphs, 'ch-1')).not.toContain('第三条');
  expect(clauseText(paragraphs, 'art-9')).toBeNull();
  expect(clauseText(paragraphs, 'p-4')).toBe('具体范围见附件。');
});

test("a plain paragraph is cited by its position, and every anchor has a reader's label", () => {
  expect(['p-3', '第3段'].map(clauseAnchor)).toEqual(['p-3', 'p-3']);
  expect(['art-5', 'art-5-1', 'ch-2', 'ch-2-sec-1', 'p-7'].map(clauseLabel)).toEqual(['第5条', '第5条之1', '第2章', '第2章第1节', '第7段']);
});
