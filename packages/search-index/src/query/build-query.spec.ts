import { toDays } from '../ranking.js';
import { buildQuery, COORD_EXPONENT, coordination, minShouldMatch, passageGroups, QUESTION_LEXICON_WEIGHT } from './build-query.js';

describe('buildQuery', () => {
  it('makes one group per query word with synonyms as alternatives', () => {
    const ast = buildQuery({ q: '医保报销' });
    const tokens = ast.groups.map((g) => g.alternatives.filter((a) => a.fields[0]!.field === 'title_tok').map((a) => a.tokens[0]));
    expect(tokens).toEqual([['医保', '医疗保险'], ['报销']]);
    expect(ast.minShouldMatch).toBe(2);
  });

  it('weights title above body', () => {
    const alt = buildQuery({ q: '公积金' }).groups[0]!.alternatives[0]!;
    const boost = Object.fromEntries(alt.fields.map((f) => [f.field, f.boost]));
    expect(boost.title_tok).toBeGreaterThan(boost.body_tok!);
  });

  it('adds a title-bigram fallback for long Han words', () => {
    const alts = buildQuery({ q: '老旧小区改造' }).groups[0]!.alternatives;
    expect(alts.at(-1)).toEqual({ tokens: ['老旧', '旧小', '小区', '区改', '改造'], fields: [{ field: 'title_bi', boost: 0.5 }] });
  });

  it("makes a law's shorthand one word: its full title's words, or the shorthand as written", () => {
    const ast = buildQuery({ q: '网安法第二十一条' });
    expect(ast.groups[0]!.alternatives.map((a) => a.tokens)).toEqual([
      ['网络安全', '法'],
      ['网', '安', '法'],
    ]);
    expect(ast.groups).toHaveLength(2);
    expect(buildQuery({ q: '国情法律' }).groups.flatMap((g) => g.alternatives.flatMap((a) => a.tokens))).not.toContain('国家');
  });

  it('takes a document number out of the text and keeps its key', () => {
    const ast = buildQuery({ q: '浙政办发2018年111号文件' });
    expect(ast.docnoKey).toBe('浙政办发|2018|111');
    expect(ast.groups).toEqual([]);
  });

  it('keeps the remaining words next to a document number', () => {
    const ast = buildQuery({ q: '国务院令第514号 年休假' });
    expect(ast.docnoKey).toBe('国务院令||514');
    expect(ast.groups).toHaveLength(1);
  });

  it('drops empty filters, wraps single values and pages', () => {
    const ast = buildQuery({ filters: { level: '省', agency: [], validity: ['有效', '已修改'] }, page: 3, pageSize: 20 });
    expect(ast.filters).toEqual([
      { field: 'level', values: ['省'] },
      { field: 'validity', values: ['有效', '已修改'] },
    ]);
    expect([ast.from, ast.size]).toEqual([40, 20]);
  });

  it('caps the page size and uses the given day for recency', () => {
    const ast = buildQuery({ q: '社保', pageSize: 1000, now: '2024-06-01' });
    expect(ast.size).toBe(100);
    expect(ast.nowDays).toBe(toDays('2024-06-01'));
  });

  it('matches nothing when the text has no searchable word, everything when there is no text', () => {
    expect(buildQuery({ q: '的？！' }).matchNone).toBe(true);
    expect(buildQuery({ q: '' }).matchNone).toBe(false);
    expect(buildQuery({}).matchNone).toBe(false);
  });

  it("analyses a text once: a repeat shares its groups, the request's own parts still apply", () => {
    const first = buildQuery({ q: '网安法 医保报销', regionPrior: true, homeRegion: '浙江省杭州市' });
    const again = buildQuery({
      q: '网安法 医保报销',
      regionPrior: true,
      homeRegion: '浙江省杭州市',
      page: 3,
      match: 'loose',
      facetSize: 5,
    });
    expect(again.groups).toBe(first.groups);
    expect(again.regionPrior).toEqual(first.regionPrior);
    expect([again.from, again.minShouldMatch, again.facetSize]).toEqual([20, 1, 5]);
    expect(buildQuery({ q: '网安法 医保报销' }).regionPrior).toBeNull();
    expect(buildQuery({ q: '网安法 医保报销', regionPrior: true, homeRegion: '北京市' }).regionPrior).not.toEqual(first.regionPrior);
  });

  it('requires all words of short queries and two thirds of long ones', () => {
    expect([1, 2, 3, 4, 6].map(minShouldMatch)).toEqual([1, 2, 2, 3, 4]);
  });

  it('coordinated matching takes a third of the words and scores by the share held; one word is never coordinated', () => {
    const ast = buildQuery({ q: '公司 辞退 员工 补偿 标准 计算', match: 'coordinated' });
    expect(ast.groups).toHaveLength(6);
    expect([ast.minShouldMatch, ast.coordExponent]).toEqual([2, COORD_EXPONENT]);
    expect([6, 5, 3, 2].map((m) => coordination(ast, m))).toEqual([1, Math.sqrt(5 / 6), Math.sqrt(1 / 2), Math.sqrt(1 / 3)]);
    const auto = buildQuery({ q: '公司 辞退 员工 补偿 标准 计算' });
    expect([auto.minShouldMatch, auto.coordExponent, coordination(auto, 2)]).toEqual([4, 0, 1]);
    expect(buildQuery({ q: '公积金', match: 'coordinated' }).coordExponent).toBe(0);
  });

  it('scores clauses with the body alternatives only, leaving out title bigrams and a law named by its shorthand', () => {
    const ast = buildQuery({ q: '网安法 老旧小区改造', passages: true });
    expect(ast.passageWeight).toBeGreaterThan(0);
    const clauses = passageGroups(ast.groups);
    expect(clauses).toHaveLength(ast.groups.filter((g) => !g.names).length);
    expect(clauses.length).toBeLessThan(ast.groups.length);
    for (const alt of clauses.flatMap((g) => g.alternatives)) expect(alt.fields).toEqual([{ field: 'clause_tok', boost: 1 }]);
    expect(buildQuery({ q: '老旧小区改造' }).passageWeight).toBe(0);
  });

  it("adds the lexicon's legal terms below the asker's word, each word of a longer term at its share", () => {
    const plain = buildQuery({ q: '辞退' }).groups[0]!.alternatives;
    const expanded = buildQuery({ q: '辞退', lexicon: true }).groups[0]!.alternatives;
    const body = (a: (typeof expanded)[number]) => a.fields.find((f) => f.field === 'body_tok')?.boost ?? 0;
    const added = expanded.filter((a) => !plain.some((p) => p.tokens.join() === a.tokens.join()));
    expect(added.map((a) => a.tokens.join(''))).toContain('解除劳动合同');
    for (const a of added) expect(body(a) * a.tokens.length).toBeLessThanOrEqual(QUESTION_LEXICON_WEIGHT * body(expanded[0]!));
  });
});
