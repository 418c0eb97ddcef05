/**
 * Feature strings (`w:` words, `b:` sound-keyed character pairs, `c:` characters) as dense integer
 * ids, so matching compares numbers in typed arrays instead of hashing strings. Only stored
 * questions add ids: an asked word the corpus has never seen is -1 and can match nothing.
 */
export class FeatureIds {
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  /** The id of `key`, or -1 when no stored question has it. */
  idOf(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
}

/** Per-feature counters indexed by id (document frequencies), grown as ids are added. */
export class Counts {
  private values = new Int32Array(1024);

  get(id: number): number {
    return id >= 0 && id < this.values.length ? this.values[id]! : 0;
  }

  add(id: number, delta: number): number {
    if (id >= this.values.length) {
      const grown = new Int32Array(Math.max(id + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    return (this.values[id]! += delta);
  }
}

/**
 * A set of ids (with a number per id) that empties in O(1): each clear starts a new stamp, and only
 * entries carrying the current stamp count. One is reused for every question a matcher answers.
 */
export class ScratchMap {
  private stamps = new Uint32Array(1024);
  private values = new Float64Array(1024);
  private stamp = 1;

  clear(): void {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  set(id: number, value: number): void {
    if (id < 0) return;
    if (id >= this.stamps.length) this.grow(id + 1);
    this.stamps[id] = this.stamp;
    this.values[id] = value;
  }

  has(id: number): boolean {
    return id >= 0 && id < this.stamps.length && this.stamps[id] === this.stamp;
  }

  /** The value set for `id` since the last clear, else 0. */
  get(id: number): number {
    return this.has(id) ? this.values[id]! : 0;
  }

  private grow(min: number) {
    const size = Math.max(min, this.stamps.length * 2);
    const stamps = new Uint32Array(size);
    stamps.set(this.stamps);
    const values = new Float64Array(size);
    values.set(this.values);
    this.stamps = stamps;
    this.values = values;
  }
}

/**
 * A 64-bit signature of the characters in a text (two 32-bit halves). When a word's signature has
 * a bit the text's lacks, the text cannot contain the word, and the substring search is skipped.
 */
export interface CharMask {
  lo: number;
  hi: number;
}

export function charMask(text: string): CharMask {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < text.length; i++) {
    const bit = Math.imul(text.charCodeAt(i), 0x9e3779b1) >>> 26; // top 6 bits of a multiplicative hash
    if (bit < 32) lo |= 1 << bit;
    else hi |= 1 << (bit - 32);
  }
  return { lo, hi };
}

/** Whether `text` (with signature `mask`) contains `word` (with signature `wordMask`). */
export function containsWord(text: string, mask: CharMask, word: string, wordMask: CharMask): boolean {
  return (wordMask.lo & mask.lo) === wordMask.lo && (wordMask.hi & mask.hi) === wordMask.hi && text.includes(word);
}
