import { kthLargest } from './execute.js';

describe('kthLargest', () => {
  it('is the k-th value of a descending sort, for every k, with ties and zero', () => {
    const values = Float64Array.from([3.5, 0.5, 7, 7, 0, 2.25, 10, 3.5, 1e-9]);
    const sorted = [...values].sort((a, b) => b - a);
    for (let k = 1; k <= values.length; k++) expect(kthLargest(values, k)).toBe(sorted[k - 1]);
  });

  it('agrees with sorting on random arrays', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 100;
    for (let round = 0; round < 50; round++) {
      const values = Float64Array.from({ length: 1 + (round % 40) }, random);
      const sorted = [...values].sort((a, b) => b - a);
      const k = 1 + (round % values.length);
      expect(kthLargest(values, k)).toBe(sorted[k - 1]);
    }
  });
});
