/**
 * Body text → paragraphs with stable anchors for chapters (ch-3), sections (ch-3-sec-2) and articles (art-12);
 * every other paragraph is anchored by its position (p-7, the 7th paragraph), so a notice without numbered
 * articles can still be cited paragraph by paragraph (a citation also records the document version it read).
 */
export interface Paragraph {
  anchor: string | null;
  kind: 'chapter' | 'section' | 'article' | 'text';
  text: string;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一百二十三 → 123, 十五 → 15, 12 → 12; NaN for anything else. */
export function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      total += (digit === -1 ? 1 : digit) * UNITS[ch]!;
      digit = -1;
    } else return Number.NaN;
  }
  return total + (digit === -1 ? 0 : digit);
}

const NUM = '([零〇一二两三四五六七八九十百千]+|\\d+)';
const CHAPTER = new RegExp(`^第${NUM}章`);
const SECTION = new RegExp(`^第${NUM}节`);
const ARTICLE = new RegExp(`^第${NUM}条(?:之([一二三四五六七八九十]+))?`);
/** A line quoting another text's article (第五十七条规定：…, 第三十九条第一款规定…) is a paragraph, not an article heading. */
const QUOTED_ARTICLE = new RegExp(`^第${NUM}条(?:之[一二三四五六七八九十]+)?(?:第${NUM}款|第${NUM}项)*(?:的?规定|明确|指出|提出|要求)`);

/** Anchors depend only on the heading numbers, so a citation survives edits elsewhere in the body. */
export function toParagraphs(body: string): Paragraph[] {
  const used = new Set<string>();
  let chapter = 0;
  const unique = (a: string) => {
    let out = a;
    for (let i = 2; used.has(out); i++) out = `${a}-${i}`;
    used.add(out);
    return out;
  };
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((text, index): Paragraph => {
      const ch = CHAPTER.exec(text);
      if (ch) {
        chapter = chineseNumber(ch[1]!);
        return { anchor: unique(`ch-${chapter}`), kind: 'chapter', text };
      }
      const sec = SECTION.exec(text);
      if (sec) return { anchor: unique(`ch-${chapter}-sec-${chineseNumber(sec[1]!)}`), kind: 'section', text };
      const art = QUOTED_ARTICLE.test(text) ? null : ARTICLE.exec(text);
      if (art) {
        const suffix = art[2] ? `-${chineseNumber(art[2])}` : '';
        return { anchor: unique(`art-${chineseNumber(art[1]!)}${suffix}`), kind: 'article', text };
      }
      return { anchor: unique(`p-${index + 1}`), kind: 'text', text };
    });
}

/**
 * A clause reference as editors type it (第五条, 第五条之一, 第二章, 第二章第一节) or as stored
 * (art-5, ch-2, ch-2-sec-1) → the anchor toParagraphs gives that clause; null if it names none.
 */
export function clauseAnchor(ref: string): string | null {
  const r = ref.replace(/\s+/g, '');
  if (/^(art-\d+(-\d+)?|ch-\d+(-sec-\d+)?)(-\d+)?$/.test(r) || /^p-\d+$/.test(r)) return r;
  const paragraph = /^第(\d+)段$/.exec(r);
  if (paragraph) return `p-${paragraph[1]}`;
  const chapterSection = new RegExp(`^第${NUM}章第${NUM}节$`).exec(r);
  if (chapterSection) return `ch-${chineseNumber(chapterSection[1]!)}-sec-${chineseNumber(chapterSection[2]!)}`;
  const article = new RegExp(`^${ARTICLE.source.slice(1)}$`).exec(r);
  if (article) return `art-${chineseNumber(article[1]!)}${article[2] ? `-${chineseNumber(article[2])}` : ''}`;
  const chapter = new RegExp(`^第${NUM}章$`).exec(r);
  if (chapter) return `ch-${chineseNumber(chapter[1]!)}`;
  return null;
}

/** The text of the clause at `anchor`: its heading paragraph and the plain paragraphs up to the next heading (a plain paragraph: itself). */
export function clauseText(paragraphs: readonly Paragraph[], anchor: string): string | null {
  const start = paragraphs.findIndex((p) => p.anchor === anchor);
  if (start < 0) return null;
  const headingKinds = new Set(['chapter', 'section', 'article']);
  const own = paragraphs[start]!;
  const out = [own.text];
  if (own.kind === 'text') return own.text;
  for (const p of paragraphs.slice(start + 1)) {
    // A chapter spans its articles; an article ends at the next heading.
    if (
      own.kind === 'chapter'
        ? p.kind === 'chapter'
        : own.kind === 'section'
          ? p.kind === 'chapter' || p.kind === 'section'
          : headingKinds.has(p.kind)
    )
      break;
    out.push(p.text);
  }
  return out.join('\n');
}

/** How a reader names the clause at an anchor: art-5 → 第5条, art-5-1 → 第5条之1, ch-2 → 第2章, ch-2-sec-1 → 第2章第1节, p-7 → 第7段. */
export function clauseLabel(anchor: string): string {
  const art = /^art-(\d+)(?:-(\d+))?/.exec(anchor);
  if (art) return `第${art[1]}条${art[2] ? `之${art[2]}` : ''}`;
  const sec = /^ch-(\d+)-sec-(\d+)/.exec(anchor);
  if (sec) return `第${sec[1]}章第${sec[2]}节`;
  const ch = /^ch-(\d+)/.exec(anchor);
  if (ch) return `第${ch[1]}章`;
  const p = /^p-(\d+)$/.exec(anchor);
  return p ? `第${p[1]}段` : anchor;
}
