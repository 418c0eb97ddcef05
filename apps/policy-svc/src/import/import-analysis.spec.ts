import { splitByWeight } from './import-analysis.js';

test('a batch is split into contiguous parts of about equal weight, never empty', () => {
  const w = (x: number) => x;
  expect(splitByWeight([1, 1, 1, 1], w, 2)).toEqual([
    [1, 1],
    [1, 1],
  ]);
  expect(splitByWeight([10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], w, 2)).toEqual([[10], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]);
  expect(splitByWeight([5], w, 4)).toEqual([[5]]);
  expect(splitByWeight([1, 2, 3], w, 1)).toEqual([[1, 2, 3]]);
  expect(splitByWeight([], w, 2)).toEqual([[]]);
});
