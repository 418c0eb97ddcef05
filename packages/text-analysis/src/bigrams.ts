const HAN = /\p{Script=Han}/u;

/**
 * Overlapping CJK character bigrams of each Han run (a single-character run yields itself).
 * The recall safety net for words the dictionary does not know.
 */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0]!);
    for (let i = 0; i + 1 < run.length; i++) out.push(run[i]! + run[i + 1]!);
    run = [];
  };
  for (const ch of text) {
    if (HAN.test(ch)) run.push(ch);
    else flush();
  }
  flush();
  return out;
}
