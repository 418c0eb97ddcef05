import { cutWords } from './segmenter.js';
import { SnippetText, snippet, snippetOfWindow, snippetTerms, snippetWindow, snippetWindowSpan } from './snippet.js';

const strip = (html: string) => html.replace(/<\/?em>/gu, '').replace(/…/gu, '');

describe('snippet', () => {
  it('marks matches with <em>', () => {
    expect(snippet('职工连续工作1年以上的，享受带薪年休假。', ['年休假'])).toBe('职工连续工作1年以上的，享受<em>带薪年休假</em>。');
  });

  it('marks a whole word when the query term is a part of it', () => {
    expect(snippet('缴存住房公积金的职工', ['公积金'])).toContain('<em>住房公积金</em>');
  });

  it('escapes HTML in the text', () => {
    const out = snippet('<script>alert(1)</script> 社会保险', ['社会保险']);
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toContain('<script>');
    expect(out).toContain('<em>社会保险</em>');
  });

  it('never cuts an HTML entity in half', () => {
    const text = `${'某'.repeat(30)}A&amp;B 公司&lt;医疗保险&gt;${'条'.repeat(300)}`;
    const out = snippet(text, ['医疗保险'], { maxChars: 20 });
    for (const amp of out.matchAll(/&/gu)) {
      expect(out.slice(amp.index)).toMatch(/^&(amp|lt|gt|quot|#39);/u);
    }
    expect(out).toContain('<em>医疗保险</em>');
  });

  it('respects maxChars and cuts only at word boundaries', () => {
    const body =
      '第一条 为了规范住房公积金管理，维护住房公积金所有者的合法权益，促进城镇住房建设，提高城镇居民的居住水平，制定本条例。'.repeat(20);
    const out = snippet(body, ['城镇居民'], { maxChars: 40 });
    const text = strip(out);
    expect(text.length).toBeLessThanOrEqual(40);
    const words = new Set(cutWords(body));
    const pieces = cutWords(text);
    expect(pieces.slice(1, -1).every((w) => words.has(w))).toBe(true);
    expect(out).toContain('<em>城镇居民</em>');
    expect(out.startsWith('…')).toBe(true);
  });

  it('starts at the first hit deep inside a long body', () => {
    const body = `${'无关内容。'.repeat(2000)}个人所得税专项附加扣除${'其他。'.repeat(100)}`;
    expect(snippet(body, ['个人所得税'], { maxChars: 60 })).toContain('<em>个人所得税</em>');
  });

  it('starts at whichever term occurs first, whatever the order of the terms', () => {
    const body = `${'无关内容。'.repeat(200)}住房公积金提取${'无关内容。'.repeat(200)}（二）医疗保险报销${'其他。'.repeat(100)}`;
    for (const terms of [
      ['医疗保险', '（二）', '公积金'],
      ['公积金', '医疗保险'],
    ]) {
      const out = snippet(body, terms, { maxChars: 60 });
      expect(out).toContain('公积金</em>');
      expect(out).not.toContain('医疗');
    }
    // a term with characters a pattern would read as syntax is found as written ([附件] is not 附 or 件 anywhere)
    expect(snippet(`附${'无关内容。'.repeat(200)}详见[附件]说明`, ['[附件]'], { maxChars: 60 })).toContain('附件');
  });

  it('returns the beginning of the text when nothing matches', () => {
    expect(snippet('本办法自发布之日起施行。', ['公积金'])).toBe('本办法自发布之日起施行。');
  });
});

describe('snippet from its window (an engine that cuts the window where the text lives)', () => {
  const body = `${'无关内容。'.repeat(300)}职工&amp;单位缴存住房公积金的，\n\n  按月缴存。${'其他。'.repeat(100)}`;

  it.each([{ terms: ['公积金'] }, { terms: ['住房公积金', '缴存'] }, { terms: ['不存在'] }, { terms: [] }])(
    'equals snippet() for terms $terms',
    ({ terms }) => {
      const t = snippetTerms(terms);
      const { from, to } = snippetWindow(body, t, 120);
      expect(snippetOfWindow(body.slice(from, to), from, body.length, t, 120)).toBe(snippet(body, terms, { maxChars: 120 }));
    },
  );

  it('spans maxChars after the hit and a fifth of it before, plus slack for cut words', () => {
    expect(snippetWindowSpan(120)).toEqual({ before: 24 + 24, after: 120 + 24 });
  });
});

describe('SnippetText (a text segmented once, many snippets)', () => {
  it('matches snippet() at the start, in the middle and at the end of a text', () => {
    const body = `${'第一条 为了规范住房公积金管理，维护住房公积金所有者的合法权益。'.repeat(20)}城镇居民的居住水平&lt;提高&gt;。${'无关。'.repeat(50)}个人所得税`;
    const text = SnippetText.prepare(body);
    for (const terms of [['住房公积金'], ['城镇居民'], ['个人所得税'], ['提高'], ['缺席']]) {
      expect(text.snippet(terms, 60)).toBe(snippet(body, terms, { maxChars: 60 }));
    }
  });

  it('marks hits, escapes HTML and cuts at word boundaries', () => {
    const text = SnippetText.prepare('<script>alert(1)</script> 缴存住房公积金的职工');
    const out = text.snippet(['公积金']);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('<em>住房公积金</em>');
    expect(out).not.toContain('<script>');
  });

  it('restores from what prepare() stored without segmenting again', () => {
    const prepared = SnippetText.prepare('缴存住房公积金的职工连续工作1年以上的，享受带薪年休假。');
    const restored = SnippetText.restore(prepared.text, prepared.lengths);
    expect(restored.snippet(['年休假'])).toBe(prepared.snippet(['年休假']));
    expect([...prepared.lengths].reduce((a, b) => a + b, 0)).toBe(prepared.text.length);
  });

  it('keeps a window deep inside a long text cheap to find (checkpointed word starts)', () => {
    const body = `${'无关内容。'.repeat(5000)}个人所得税专项附加扣除${'其他。'.repeat(100)}`;
    expect(SnippetText.prepare(body).snippet(['个人所得税'], 60)).toBe(snippet(body, ['个人所得税'], { maxChars: 60 }));
  });
});
