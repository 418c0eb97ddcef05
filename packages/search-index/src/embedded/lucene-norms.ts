// Lucene stores a field's length in one lossy byte (SmallFloat.intToByte4); BM25 then uses the
// decoded length. Mirroring it keeps embedded scores equal to OpenSearch's.

function longToInt4(i: number): number {
  const numBits = 32 - Math.clz32(i);
  if (numBits < 4) return i;
  const shift = numBits - 4;
  return ((i >>> shift) & 0x07) | ((shift + 1) << 3);
}

function int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

const NUM_FREE_VALUES = 255 - longToInt4(0x7fffffff);

export function lengthToByte(length: number): number {
  return length < NUM_FREE_VALUES ? length : NUM_FREE_VALUES + longToInt4(length - NUM_FREE_VALUES);
}

export function byteToLength(b: number): number {
  return b < NUM_FREE_VALUES ? b : NUM_FREE_VALUES + int4ToLong(b - NUM_FREE_VALUES);
}

/** Decoded length for each of the 256 byte values. */
export const LENGTH_TABLE: Float64Array = Float64Array.from({ length: 256 }, (_, b) => byteToLength(b));
