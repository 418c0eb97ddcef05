import { policyBodyHtml, policyTocHtml } from './policy-body';

describe('policyBodyHtml', () => {
  it('renders chapters, sections, articles with linkable anchors and plain text', () => {
    const html = policyBodyHtml([
      { anchor: 'ch-1', kind: 'chapter', text: '第一章 总则' },
      { anchor: 'ch-1-sec-1', kind: 'section', text: '第一节 一般规定' },
      { anchor: 'art-1', kind: 'article', text: '第一条 为了规范……' },
      { anchor: null, kind: 'text', text: '附件：申请表' },
    ]);
    expect(html).toBe(
      '<h3 id="ch-1">第一章 总则</h3><h4 id="ch-1-sec-1">第一节 一般规定</h4>' +
        '<p id="art-1" class="article">第一条 为了规范……<a class="anchor-link" href="#art-1" aria-label="本条链接">#</a></p>' +
        '<p>附件：申请表</p>',
    );
  });

  it('escapes markup in the text and the anchors, so a body cannot inject HTML', () => {
    const html = policyBodyHtml([{ anchor: 'a"><script>', kind: 'article', text: "<img src=x onerror=alert(1)> & 'q'" }]);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;');
    expect(html).toContain('id="a&quot;&gt;&lt;script&gt;"');
  });
});

describe('policyTocHtml', () => {
  const articles = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ anchor: `art-${i + 1}`, kind: 'article', text: `第${i + 1}条 内容` }));

  it('lists chapters and articles (not sections or plain text) as links to their anchors', () => {
    const html = policyTocHtml([
      { anchor: 'ch-1', kind: 'chapter', text: '第一章 总则' },
      { anchor: 'ch-1-sec-1', kind: 'section', text: '第一节 一般规定' },
      ...articles(3),
      { anchor: null, kind: 'text', text: '附件：申请表' },
    ]);
    expect(html).toBe(
      '<ul><li><a href="#ch-1">第一章 总则</a></li><li><a href="#art-1">第1条 内容</a></li>' +
        '<li><a href="#art-2">第2条 内容</a></li><li><a href="#art-3">第3条 内容</a></li></ul>',
    );
  });

  it('is empty for three clauses or fewer, and cuts a long clause to its first 30 characters', () => {
    expect(policyTocHtml(articles(3))).toBe('');
    const long = policyTocHtml([...articles(3), { anchor: 'art-4', kind: 'article', text: '条'.repeat(40) }]);
    expect(long).toContain(`<a href="#art-4">${'条'.repeat(30)}</a>`);
  });

  it('escapes markup in the clause text and anchors', () => {
    const html = policyTocHtml([...articles(3), { anchor: 'x"><b>', kind: 'article', text: '<script>alert(1)</script>' }]);
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('href="#x&quot;&gt;&lt;b&gt;"');
  });
});
