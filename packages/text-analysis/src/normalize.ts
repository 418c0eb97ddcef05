import { Converter } from 'opencc-js/t2cn';

/** Traditional → simplified, table-driven (OpenCC's standard traditional tables). */
const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * The one normalisation applied to documents and queries alike, so both sides produce the same
 * terms: NFKC (also folds full-width Latin/digits/punctuation and U+3000 to half-width),
 * traditional → simplified, lowercase, whitespace runs → one space.
 */
export function normalize(text: string): string {
  if (!text) return '';
  const nfkc = text.normalize('NFKC');
  return toSimplified(nfkc).toLowerCase().replace(/\s+/gu, ' ').trim();
}
