import { readFileSync } from 'node:fs';
import { parseRecord } from '../import-record.js';
import { govPageToRecord, nestingDepth } from './gov-page.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8');

test('a gov.cn-style page: metadata from the table, body paragraphs without navigation, share bars or footers', () => {
  const page = govPageToRecord(fixture('gov-notice.html'));
  expect(page.ok).toBe(true);
  const parsed = parseRecord(page.ok ? page.record : null);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.record).toMatchObject({
    title: '江东市人民政府办公室关于进一步做好稳就业工作的通知',
    indexNumber: '11330100MB0001234X/2024-00087',
    category: '劳动、人事、监察\\就业',
    agency: '江东市人民政府办公室',
    docNumber: '江政办发〔2024〕5号',
    publishDate: '2024-03-08',
    sourceUrl: 'https://www.jiangdong.gov.cn/zwgk/zfwj/szfbgswj/202403/t20240312_1001.html',
  });
  expect(parsed.record.id).toMatch(/^html-[0-9a-f]{16}$/);
  const paragraphs = parsed.record.body.split('\n');
  expect(paragraphs[0]).toBe('各区人民政府，市政府各委、办、局，各直属单位：');
  expect(paragraphs).toContain('补助资金从就业补助资金中列支。');
  expect(paragraphs).toContain('（此件公开发布）');
  for (const chrome of [
    '首页',
    '分享到',
    '打印',
    '字体',
    '扫一扫',
    '主办',
    'ICP',
    '相关文件',
    '_hmt',
    'text-indent',
    '索 引 号',
    '发文字号',
  ]) {
    expect(parsed.record.body).not.toContain(chrome);
  }
});

test('a page without the metadata table: title, date, agency and URL from meta tags; list items kept as paragraphs', () => {
  const page = govPageToRecord(fixture('county-news-page.html'));
  const parsed = parseRecord(page.ok ? page.record : null);
  if (!parsed.ok) throw new Error(parsed.reason);
  expect(parsed.record).toMatchObject({
    title: '江东市青川区关于开展2024年春季农业生产技术培训的公告',
    agency: '青川区农业农村局',
    publishDate: '2024-02-20',
    sourceUrl: 'https://www.qingchuan.example.gov.cn/art/2024/2/20/art_1229_88.html',
  });
  const paragraphs = parsed.record.body.split('\n');
  expect(paragraphs).toEqual(expect.arrayContaining(['一、培训时间', '水稻集中育秧技术；', '联系电话：0571-00000000']));
  for (const chrome of ['您的位置', '网站首页', '分享', '上一篇', '版权所有', '浏览次数', 'document.write'])
    expect(parsed.record.body).not.toContain(chrome);
});

test('the same page gives the same id; a page without text is refused with a reason', () => {
  const a = govPageToRecord(fixture('gov-notice.html'));
  const b = govPageToRecord(fixture('gov-notice.html').replace('三、加强职业培训', '三、加强职业技能培训'));
  expect(a.ok && b.ok && a.record.id === b.record.id).toBe(true);
  expect(govPageToRecord('<html><head><title>空页面</title></head><body><nav>首页</nav></body></html>')).toEqual({
    ok: false,
    reason: '页面中找不到正文段落',
  });
});

test('a wrapper whose class looks like chrome but holds the text is kept', () => {
  const html = `<html><head><title>江东市关于公布第一批市级非物质文化遗产名录的通知_江东市</title></head><body>
    <div class="top">网站首页 | 政务公开</div>
    <div class="main top-space"><div class="txt">
      <p>各区人民政府，市政府各部门：</p>
      <p>经专家评审和社会公示，市政府同意公布第一批市级非物质文化遗产名录，共计二十项。</p>
      <p>各地各部门要做好名录项目的保护传承工作。</p>
    </div></div>
    <div class="footer">版权所有</div></body></html>`;
  const page = govPageToRecord(html);
  expect(page).toMatchObject({ ok: true, record: { title: '江东市关于公布第一批市级非物质文化遗产名录的通知' } });
  expect(page.ok && page.record.body!.split('\n')).toEqual([
    '各区人民政府，市政府各部门：',
    '经专家评审和社会公示，市政府同意公布第一批市级非物质文化遗产名录，共计二十项。',
    '各地各部门要做好名录项目的保护传承工作。',
  ]);
});

test('a pathologically deep page is refused before parsing', () => {
  const deep = `<html><body>${'<div>'.repeat(5000)}<p>正文</p>${'</div>'.repeat(5000)}</body></html>`;
  expect(govPageToRecord(deep)).toEqual({ ok: false, reason: '页面标签嵌套超过 1000 层，无法读取' });
  expect(nestingDepth('<div><p>a<p>b<br><img src=x><span>c</span></div>')).toBe(2);
});
