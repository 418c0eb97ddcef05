/**
 * Stored pairs whose answers are the same text (imports repeat an answer under differently worded questions: 115
 * such groups, 276 pairs, in the sample corpus) are one answer to the asker: 一号答 shows it once, under the best
 * ranked of its questions, so "您是不是想问" does not spend two of its three places on the same answer. Short answers
 * ("全额减免", "300元") are left apart: two questions can share one by chance.
 */
export const SAME_ANSWER_MIN_CHARS = 12;

/** The text two answers must share to be one answer (spaces, punctuation and full/half width ignored), or undefined when too short. */
export function sameAnswerKey(answer: string): string | undefined {
  const key = answer.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  return [...key].length >= SAME_ANSWER_MIN_CHARS ? key : undefined;
}

/** answer text → key: the stored answers are few and asked about again and again (a bound keeps odd callers small) */
const keys = new Map<string, string | undefined>();
const MAX_REMEMBERED = 50_000;

function rememberedKey(answer: string): string | undefined {
  if (keys.has(answer)) return keys.get(answer);
  if (keys.size >= MAX_REMEMBERED) keys.clear();
  const key = sameAnswerKey(answer);
  keys.set(answer, key);
  return key;
}

/**
 * The ranked matches with every later match whose answer is the same text as an earlier one's left out; order kept.
 * `answerOf` gives a match's answer text (undefined: kept, never grouped).
 */
export function onePerAnswer<T extends { id: string }>(matches: readonly T[], answerOf: (id: string) => string | undefined): T[] {
  const seen = new Set<string>();
  return matches.filter((m) => {
    const answer = answerOf(m.id);
    const key = answer === undefined ? undefined : rememberedKey(answer);
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
