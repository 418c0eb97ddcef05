/** Body text → paragraphs with stable anchors for chapters (ch-3), sections (ch-3-sec-2) and articles (art-12). */
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
    .map((text): Paragraph => {
      const ch = CHAPTER.exec(text);
      if (ch) {
        chapter = chineseNumber(ch[1]!);
        return { anchor: unique(`ch-${chapter}`), kind: 'chapter', text };
      }
      const sec = SECTION.exec(text);
      if (sec) return { anchor: unique(`ch-${chapter}-sec-${chineseNumber(sec[1]!)}`), kind: 'section', text };
      const art = ARTICLE.exec(text);
      if (art) {
        const suffix = art[2] ? `-${chineseNumber(art[2])}` : '';
        return { anchor: unique(`art-${chineseNumber(art[1]!)}${suffix}`), kind: 'article', text };
      }
      return { anchor: null, kind: 'text', text };
    });
}
