import { byteToLength, lengthToByte } from './lucene-norms.js';

describe('Lucene length norms', () => {
  it('keeps short lengths exact', () => {
    for (const n of [0, 1, 7, 23]) expect(byteToLength(lengthToByte(n))).toBe(n);
  });

  it('rounds long lengths down to a 4-bit mantissa bucket', () => {
    // values from Lucene's SmallFloat: 24 + int4(…) buckets
    expect(byteToLength(lengthToByte(100))).toBe(96);
    expect(byteToLength(lengthToByte(1000))).toBe(984);
    expect(byteToLength(lengthToByte(5000))).toBe(4632);
  });

  it('is monotonic', () => {
    let prev = -1;
    for (let n = 0; n < 100_000; n += 37) {
      const d = byteToLength(lengthToByte(n));
      expect(d).toBeGreaterThanOrEqual(prev);
      expect(d).toBeLessThanOrEqual(n);
      prev = d;
    }
  });
});
