import { policyBodyHtml } from './policy-body';

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
