/**
 * The results of a pure function for the last few inputs. One question is analysed by several parts in turn (the
 * engine's query, the matcher's words, places and character pairs, the bigram ranker), each normalising or
 * segmenting the same text again: the repeats are answered from here. Exact by construction (same input string, same
 * result); a few entries, compared with ===, so a miss costs next to nothing.
 */
export class RecentResults<R> {
  private readonly inputs: (string | undefined)[];
  private readonly results: (R | undefined)[];
  private next = 0;

  constructor(size: number) {
    this.inputs = new Array<string | undefined>(size).fill(undefined);
    this.results = new Array<R | undefined>(size).fill(undefined);
  }

  get(input: string, compute: (input: string) => R): R {
    for (let i = 0; i < this.inputs.length; i++) if (this.inputs[i] === input) return this.results[i]!;
    const result = compute(input);
    this.inputs[this.next] = input;
    this.results[this.next] = result;
    this.next = (this.next + 1) % this.inputs.length;
    return result;
  }
}
