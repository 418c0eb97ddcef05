/**
 * MinHash over character 5-gram shingles of the normalised body: the estimated Jaccard similarity
 * of two signatures finds reposts and successive versions (the corpus README's definition of a near-
 * duplicate is Jaccard ≥ 0.7 over the same shingles). 64 values; LSH with 16 bands × 4 rows.
 */
export const MINHASH_SIZE = 64;
export const LSH_BANDS = 16;
/** Tested on the shared corpus' known pairs (see minhash.spec.ts); below it, unrelated texts of one genre start to match. */
export const NEAR_DUPLICATE_THRESHOLD = 0.7;
const SHINGLE = 5;

// Fixed odd multipliers and offsets: signatures must be stable across processes and releases.
const A = Uint32Array.from({ length: MINHASH_SIZE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const B = Uint32Array.from({ length: MINHASH_SIZE }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Shingle hashes of the text with whitespace and punctuation removed. */
function shingles(text: string): Uint32Array {
  const t = text.replace(/[\s\p{P}]+/gu, '');
  if (t.length <= SHINGLE) return Uint32Array.of(fnv1a(t, 0, t.length));
  const out = new Uint32Array(t.length - SHINGLE + 1);
  for (let i = 0; i < out.length; i++) out[i] = fnv1a(t, i, i + SHINGLE);
  return out;
}

export function minhash(text: string): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const all = shingles(text);
  // Plain indexed loops over local typed arrays: the same values as the obvious version, about 3× faster.
  const a = A;
  const b = B;
  for (let j = 0; j < all.length; j++) {
    const s = all[j]!;
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = (Math.imul(a[i]!, s) + b[i]!) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

export const encodeSignature = (sig: Uint32Array): string => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
export function decodeSignature(text: string): Uint32Array {
  const buf = Buffer.from(text, 'base64');
  return new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

/** LSH band keys: two signatures sharing any key are candidates. */
export function bandKeys(sig: Uint32Array): string[] {
  const rows = MINHASH_SIZE / LSH_BANDS;
  return Array.from({ length: LSH_BANDS }, (_, b) => `${b}:${Array.from(sig.subarray(b * rows, (b + 1) * rows)).join(',')}`);
}

/**
 * In-memory LSH index over the signatures known so far. A fork is an overlay on its parent: it takes
 * a batch's pending documents without copying or touching the parent (cheap per batch at any size).
 */
export class NearDuplicateIndex {
  private readonly buckets = new Map<string, string[]>();
  private readonly sigs = new Map<string, Uint32Array>();

  constructor(private readonly parent: NearDuplicateIndex | null = null) {}

  /** Adds or replaces a signature (a replaced one stays in its old buckets; comparisons use the new one). */
  add(id: string, sig: Uint32Array): void {
    this.sigs.set(id, sig);
    for (const k of bandKeys(sig)) {
      const list = this.buckets.get(k);
      if (list) list.push(id);
      else this.buckets.set(k, [id]);
    }
  }

  /** An overlay that can take a batch's pending documents without touching this one. */
  fork(): NearDuplicateIndex {
    return new NearDuplicateIndex(this);
  }

  private signatureOf(id: string): Uint32Array | undefined {
    return this.sigs.get(id) ?? this.parent?.signatureOf(id);
  }

  private *candidates(key: string): Iterable<string> {
    if (this.parent) yield* this.parent.candidates(key);
    yield* this.buckets.get(key) ?? [];
  }

  /** The most similar known document at or above the threshold, excluding `self`. */
  best(sig: Uint32Array, self?: string): { id: string; similarity: number } | null {
    let best: { id: string; similarity: number } | null = null;
    const seen = new Set<string>();
    for (const k of bandKeys(sig)) {
      for (const id of this.candidates(k)) {
        if (id === self || seen.has(id)) continue;
        seen.add(id);
        const s = similarity(sig, this.signatureOf(id)!);
        if (s >= NEAR_DUPLICATE_THRESHOLD && (!best || s > best.similarity)) best = { id, similarity: s };
      }
    }
    return best;
  }
}
