import { pinyin } from 'pinyin-pro';
import { normalize } from './normalize.js';

/** First letters of each character's pinyin (专精特新 → zjtx); Latin letters and digits kept. */
export function pinyinInitials(text: string): string {
  const norm = normalize(text);
  if (!norm) return '';
  const letters = pinyin(norm, { pattern: 'first', toneType: 'none', type: 'array' });
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, '');
}

const syllables = new Map<string, string>();

/**
 * A Han character's toneless syllable with the distinctions callers often blur folded (zh/ch/sh →
 * z/c/s, -ing → -in, -eng → -en), so a homophone typed by mistake (发漂 for 发票, 社宝 for 社保)
 * gets the key of the intended character; any other character is its own key. The reading is the
 * character's most common one, the same on both sides of a comparison.
 */
export function soundKey(char: string): string {
  let key = syllables.get(char);
  if (key === undefined) {
    key = /^\p{Script=Han}$/u.test(char)
      ? pinyin(char, { toneType: 'none' })
          .replace(/^([zcs])h/u, '$1')
          .replace(/([ie])ng$/u, '$1n')
      : char;
    syllables.set(char, key);
  }
  return key;
}
