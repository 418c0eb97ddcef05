import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { cleanLabel, fieldOf, toRawRecord } from './source-fields.js';

type Doc = cheerio.CheerioAPI;

/** Never content: scripts, styles, forms, frames and the page chrome. */
const NOISE_TAGS =
  'script, style, noscript, template, iframe, frame, object, embed, svg, canvas, form, button, input, select, textarea, nav, header, footer, aside, link, meta';
/** Chrome by id/class: navigation, breadcrumbs, share bars, print/font-size tools, QR codes, related links, pagers. */
const NOISE_NAME =
  /(^|[-_\s])(nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|bdshare|bdsharebuttonbox|jiathis|social|toolbar|tools?|print|fontsize|font-size|zihao|header|head|top|topbar|footer|foot|bottom|copyright|sidebar|side|aside|related|relate|xgwj|comment|qrcode|ewm|erweima|login|search|pager|pagination|page-?nav|gotop|back-?top|advert|ads?|banner|links?|friendlink)([-_\s]|$)/i;
/** Where the text of a page usually is, most specific first (gov.cn and common CMS templates). */
const CONTENT_SELECTORS = [
  '#UCAP-CONTENT',
  '.pages_content',
  '#zoom',
  '.TRS_Editor',
  '.trs_editor_view',
  '.article-content',
  '.article_content',
  '.content_text',
  '.wz_con',
  '#content',
  '.content',
  'article',
  'main',
  '.article',
];
/** Lines that are page chrome even inside the content block. */
const BOILERPLATE = [
  /^【?\s*(打印|关闭|关闭窗口|打印本页|打印正文|返回顶部|收藏|纠错|我要纠错)\s*】?(\s*【?\s*(打印|关闭|关闭窗口|打印本页|收藏|纠错)\s*】?)*$/u,
  /^【?\s*字[体号]\s*[：:]?\s*[[【]?\s*大\s*[\]】]?\s*[[【]?\s*中\s*[\]】]?\s*[[【]?\s*小\s*[\]】]?\s*】?$/u,
  /^(分享到|分享)\s*[：:]?.{0,20}$/u,
  /^扫一扫(在手机)?(打开|查看)?(当前页|本页)?$/u,
  /^(责任编辑|编辑|校对|审核)\s*[：:]/u,
  /^(上一篇|下一篇|相关(文件|链接|稿件|阅读))\s*[：:]?/u,
  /^(浏览次数|访问量|阅读次数|点击数)\s*[：:]?\s*\d*$/u,
];
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'table',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'center',
  'ul',
  'ol',
]);

const MAX_DEPTH = 1000;
/** Elements that close themselves or are closed implicitly by the next one: not counted as nesting. */
const NOT_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'option',
]);

/** Upper bound of the element nesting of an HTML text, from its tags alone (cheap, before parsing). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/gu)) {
    if (NOT_NESTING.has(m[2]!.toLowerCase())) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && ++depth > max) max = depth;
  }
  return max;
}

export type PageResult = { ok: true; record: Record<string, string> } | { ok: false; reason: string };

/**
 * A government web page → one import record: metadata from the gov.cn metadata table (索引号, 主题分类,
 * 发文机关, 成文日期, 标题, 发文字号, 发布日期; label cells followed by value cells, or "标签：值" in one
 * element) and meta tags (ArticleTitle, PubDate, ContentSource, og:*), the body as paragraphs with
 * navigation, scripts, styles, headers/footers, share bars and boilerplate removed.
 */
export function govPageToRecord(html: string, opts: { sourceUrl?: string } = {}): PageResult {
  // Parsing and walking a pathologically deep tree is slow (quadratic) and recursive: refuse it first.
  if (nestingDepth(html) > MAX_DEPTH) return { ok: false, reason: `页面标签嵌套超过 ${MAX_DEPTH} 层，无法读取` };
  const $ = cheerio.load(html);
  const meta = metaTags($);
  const table = metadataTable($);
  const title = table.title ?? meta.title ?? (firstText($, 'h1') || undefined) ?? pageTitle($);
  const root = contentRoot($);
  const paragraphs = root ? paragraphsOf($, root) : [];
  while (paragraphs.length > 0 && title && sameText(paragraphs[0]!, title)) paragraphs.shift();
  if (!title) return { ok: false, reason: '页面中找不到标题（元数据表“标题”、ArticleTitle、h1 或 title）' };
  if (paragraphs.length === 0) return { ok: false, reason: '页面中找不到正文段落' };
  const sourceUrl = opts.sourceUrl ?? meta.url;
  const fields = {
    ...table,
    title,
    agency: table.agency ?? meta.agency,
    publishDate: table.publishDate,
    releaseDate: table.releaseDate ?? meta.date,
    sourceUrl,
    body: paragraphs.join('\n'),
  };
  return { ok: true, record: toRawRecord(fields, 'html', [table.indexNumber && `${table.agency ?? ''}|${table.indexNumber}`, sourceUrl]) };
}

function metaTags($: Doc): { title?: string; date?: string; agency?: string; url?: string } {
  const content = (...names: string[]) => {
    for (const n of names) {
      const v = $(`meta[name="${n}" i], meta[property="${n}" i]`).attr('content')?.trim();
      if (v) return v;
    }
    return undefined;
  };
  const canonical = $('link[rel="canonical"]').attr('href')?.trim();
  const url = content('og:url', 'url') ?? canonical;
  return {
    title: content('ArticleTitle', 'og:title', 'dc.title'),
    date: content('PubDate', 'firstpublishedtime', 'article:published_time', 'dc.date'),
    agency: content('ContentSource', 'dc.publisher'),
    url: url && /^https?:\/\//iu.test(url) ? url : undefined,
  };
}

/** Label/value pairs of the metadata table (or "标签：值" items), removed from the page once read. */
function metadataTable($: Doc): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {};
  const read = new Set<AnyNode>();
  // Labels and values are short: longer elements are skipped before their text is built.
  const textLength = subtreeLengths($.root()[0]!, textOf);
  $('td, th, dt, dd, li, span, b, strong, label, em').each((_, el) => {
    if (read.has(el) || (textLength.get(el) ?? 0) > 400 || $(el).children('td, th, li, div, p, table').length > 0) return;
    const text = cleanText($(el).text());
    // "发文字号：国办发〔2020〕6号" in one element …
    const inline = /^([^：:]{2,8})[：:]\s*(.+)$/u.exec(text);
    const inlineField = inline ? fieldOf(inline[1]!) : null;
    if (inline && inlineField) {
      if (!found[inlineField]) found[inlineField] = inline[2]!.trim();
      read.add(el);
      return;
    }
    // … or a label cell ("索 引 号：", with its colon: a body table's header cells are not metadata) and its value cell.
    const label = cleanLabel(text);
    const isLabel = /[：:]$/u.test(text) || el.tagName === 'dt';
    const field = isLabel && label.length <= 8 ? fieldOf(label) : null;
    if (!field) return;
    const next = $(el).next().length > 0 ? $(el).next() : $(el).parent().next();
    const value = cleanText(next.text());
    if (next.length === 0 || !value || fieldOf(value) || value.length > 300) return;
    if (!found[field]) found[field] = value;
    read.add(el).add(next[0]!);
  });
  // The metadata block is not part of the body: drop its table (or the items themselves).
  for (const el of read) {
    const table = $(el).closest('table');
    (table.length > 0 ? table : $(el)).remove();
  }
  return found;
}

function pageTitle($: Doc): string | undefined {
  // "标题_栏目_站点" / "标题 - 站点": the part before the site's suffixes.
  const t = cleanText($('title').first().text()).split(/\s*[_|]\s*|\s+-\s+/u)[0];
  return t || undefined;
}

function firstText($: Doc, selector: string): string {
  return cleanText($(selector).first().text());
}

function contentRoot($: Doc): Element | null {
  $(NOISE_TAGS).remove();
  // A chrome-looking name on a block holding most of the page's paragraphs is a wrapper, not chrome.
  const root = $.root()[0]!;
  const paragraphText = paragraphLengths(root);
  const total = paragraphText.get(root) ?? 0;
  $('[id], [class]').each((_, el) => {
    const names = `${$(el).attr('id') ?? ''} ${$(el).attr('class') ?? ''}`;
    if (!NOISE_NAME.test(names) || CONTENT_SELECTORS.some((sel) => $(el).is(sel))) return;
    if (total > 0 && (paragraphText.get(el) ?? 0) > total / 2) return;
    $(el).remove();
  });
  for (const selector of CONTENT_SELECTORS) {
    const el = $(selector).first();
    if (el.length > 0 && cleanText(el.text()).length >= 20) return el[0] as Element;
  }
  // No known container: the element whose own paragraphs hold the most text.
  let best: Element | null = null;
  let bestLength = 0;
  $('div, td, section, article, body').each((_, el) => {
    const length = $(el)
      .children('p')
      .toArray()
      .reduce((a, p) => a + cleanText($(p).text()).length, 0);
    if (length > bestLength) [best, bestLength] = [el, length];
  });
  return best ?? $('body')[0] ?? null;
}

/** A size summed over every node's subtree, in one pass (bottom-up, no recursion); `own` null = sum of children. */
function subtreeLengths(root: AnyNode, own: (node: AnyNode) => number | null): Map<AnyNode, number> {
  const lengths = new Map<AnyNode, number>();
  const stack: Array<{ node: AnyNode; visited: boolean }> = [{ node: root, visited: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    const children = (top.node as Element).children ?? [];
    if (!top.visited) {
      stack.push({ node: top.node, visited: true });
      for (const child of children) stack.push({ node: child, visited: false });
      continue;
    }
    lengths.set(top.node, own(top.node) ?? children.reduce((a, c) => a + (lengths.get(c) ?? 0), 0));
  }
  return lengths;
}

/** domhandler's node kind (a string enum cheerio does not export), compared by its value. */
const kindOf = (node: AnyNode): string => node.type;

const textOf = (node: AnyNode): number | null => (kindOf(node) === 'text' ? (node as unknown as { data: string }).data.length : null);

/** Length of the <p> text inside every element. */
function paragraphLengths(root: AnyNode): Map<AnyNode, number> {
  const text = subtreeLengths(root, textOf);
  return subtreeLengths(root, (node) => (kindOf(node) === 'text' ? 0 : (node as Element).tagName === 'p' ? (text.get(node) ?? 0) : null));
}

/** The block's text with block elements and <br> as line breaks; blank and boilerplate lines dropped. */
function paragraphsOf($: Doc, root: Element): string[] {
  const parts: string[] = [];
  const walk = (node: AnyNode) => {
    if (kindOf(node) === 'text') parts.push((node as unknown as { data: string }).data);
    else if (kindOf(node) === 'tag') {
      const el = node as Element;
      if (el.tagName === 'br') return void parts.push('\n');
      const block = BLOCK_TAGS.has(el.tagName);
      if (block) parts.push('\n');
      for (const child of el.children) walk(child);
      if (el.tagName === 'td' || el.tagName === 'th') parts.push(' ');
      if (block) parts.push('\n');
    }
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map(cleanText)
    .filter((l) => l.length > 0 && !BOILERPLATE.some((re) => re.test(l)));
}

/** Collapses whitespace (incl. &nbsp; and the ideographic space) and trims. */
function cleanText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
}

const sameText = (a: string, b: string) => a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '');
