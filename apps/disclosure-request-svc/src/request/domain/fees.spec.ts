import { computeFee, perItemFee, perVolumeFee } from './fees.js';

// Spec §11.23: per item.
test.each([
  [1, 0],
  [10, 0],
  [11, 100],
  [30, 100],
  [31, 200],
  [40, 200],
  [41, 300],
  [51, 400],
])('per item: request #%i of the month costs %i', (n, fee) => {
  expect(perItemFee(n)).toBe(fee);
});

test('35 requests in a month cost 3,000 元 in total', () => {
  expect(Array.from({ length: 35 }, (_, i) => perItemFee(i + 1)).reduce((a, b) => a + b, 0)).toBe(3_000);
});

// Spec §11.24: per volume, including the Xi'an test vector.
test.each([
  [30, 0],
  [31, 10],
  [100, 700],
  [101, 720],
  [150, 1_700],
  [200, 2_700],
  [2_219, 83_460],
])('per volume: %i pages cost %i', (pages, fee) => {
  expect(perVolumeFee(pages)).toBe(fee);
});

test('the computation names the basis used', () => {
  expect(computeFee({ type: 'PER_VOLUME', pages: 101 }, 50)).toEqual({ amount: 720, computation: expect.stringContaining('按量') });
  expect(computeFee({ type: 'PER_ITEM' }, 11).amount).toBe(100);
});
