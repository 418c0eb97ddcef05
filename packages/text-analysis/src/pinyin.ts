import { pinyin } from 'pinyin-pro';
import { normalize } from './normalize.js';

/** First letters of each character's pinyin (专精特新 → zjtx); Latin letters and digits kept. */
export function pinyinInitials(text: string): string {
  const norm = normalize(text);
  if (!norm) return '';
  const letters = pinyin(norm, { pattern: 'first', toneType: 'none', type: 'array' });
  return letters.join('').toLowerCase().replace(/[^a-z0-9]/gu, '');
}
