import { normalize } from '@govdisc/text-analysis';
import { createHash } from 'node:crypto';

/** Same text after normalisation with whitespace and punctuation removed → same hash (exact duplicates). */
export function contentHash(body: string): string {
  return createHash('sha256')
    .update(normalize(body).replace(/[\s\p{P}]+/gu, ''))
    .digest('hex');
}
