import { Converter, Locale } from 'opencc-js/t2cn';
import { RecentResults } from './recent-results.js';

/** Traditional → simplified, table-driven (OpenCC's standard traditional tables). */
// opencc-js's preset typings do not resolve under nodenext module resolution, so the converter is typed here.
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
const toSimplified: (text: string) => string = Converter({ from: 't', to: 'cn' });

/**
 * Every dictionary entry of the converter's tables (OpenCC's t2s chain) whose replacement differs from
 * its key, indexed by one character of the key with that character's offset in it. The converter only
 * changes text where such a key occurs, so a text containing none of them converts to itself and the
 * (costly) conversion is skipped: most simplified text qualifies, and the result is identical either way.
 * Without the chain (another opencc-js layout) every text is converted, as before.
 */
const CHANGING = ((): Map<number, Array<{ key: string; offset: number }>> | null => {
  const chain = (Locale as unknown as { configs?: Record<string, unknown> }).configs?.t2s;
  if (!chain) return null;
  const index = new Map<number, Array<{ key: string; offset: number }>>();
  const entry = (key: string, value: string) => {
    if (key === value) return;
    let offset = 0;
    while (offset < key.length && key.codePointAt(offset) === value.codePointAt(offset))
      offset += key.codePointAt(offset)! > 0xffff ? 2 : 1;
    if (offset >= key.length) offset = 0;
    const c = key.codePointAt(offset)!;
    const list = index.get(c);
    if (list) list.push({ key, offset });
    else index.set(c, [{ key, offset }]);
  };
  const walk = (x: unknown): void => {
    if (typeof x === 'string') {
      for (const pair of x.split('|')) {
        const [key, value] = pair.split(' ');
        if (key && value !== undefined) entry(key, value);
      }
    } else if (Array.isArray(x)) {
      if (x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string' && !x[0].includes('|')) entry(x[0], x[1]);
      else x.forEach(walk);
    } else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(chain);
  return index;
})();

/** Lowest code unit of any indexed character: everything below (Latin, digits, punctuation) is skipped at once. */
const LOWEST = CHANGING ? Math.min(0xd800, ...CHANGING.keys()) : 0;

function mayChange(text: string): boolean {
  if (!CHANGING) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < LOWEST) continue;
    // A surrogate pair is looked up as its whole code point.
    const keys = CHANGING.get(c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c);
    if (keys?.some(({ key, offset }) => i >= offset && text.startsWith(key, i - offset))) return true;
  }
  return false;
}

/**
 * The one normalisation applied to documents and queries alike, so both sides produce the same
 * terms: NFKC (also folds full-width Latin/digits/punctuation and U+3000 to half-width),
 * traditional → simplified, lowercase, whitespace runs → one space.
 */
export function normalize(text: string): string {
  if (!text) return '';
  return recentlyNormalized.get(text, normalizeNow);
}

/** a question is normalised four or five times per ask (engine, matcher, places, words, bigrams) */
const recentlyNormalized = new RecentResults<string>(4);

function normalizeNow(text: string): string {
  const nfkc = text.normalize('NFKC');
  return (mayChange(nfkc) ? toSimplified(nfkc) : nfkc).toLowerCase().replace(/\s+/gu, ' ').trim();
}
