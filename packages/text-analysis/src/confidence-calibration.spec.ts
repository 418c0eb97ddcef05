import { calibratedConfidence, calibrateMatches } from './confidence-calibration.js';

const model = { weights: { intercept: 0.65, logitRaw: 1.8, lead: 3.6, agree: 0.8 } };
const m = (id: string, confidence: number) => ({ id, confidence });

test('calibrated confidence is a probability that grows with the raw confidence and with the lead', () => {
  const p = (raw: number, lead: number) => calibratedConfidence(model, raw, lead);
  const byRaw = [0, 0.2, 0.5, 0.8, 1].map((raw) => p(raw, 0));
  expect(byRaw.every((x) => x >= 0 && x <= 1)).toBe(true);
  expect(byRaw).toEqual([...byRaw].sort((a, b) => a - b));
  expect(p(1, 1)).toBeLessThanOrEqual(1);
  expect(p(0.6, 0.3)).toBeGreaterThan(p(0.6, 0));
});

test('a clear winner is surer than the top of several near-equal candidates; the others stay below the top, in order', () => {
  const clear = calibrateMatches(model, [m('a', 0.6), m('b', 0.2)]);
  const close = calibrateMatches(model, [m('a', 0.6), m('b', 0.58), m('c', 0.3)]);
  expect(clear[0]!.confidence).toBeGreaterThan(close[0]!.confidence);
  const calibrated = close.map((m) => m.confidence);
  expect(calibrated).toEqual([...calibrated].sort((a, b) => b - a));
});

test('identity weights give back the raw confidence (rounded)', () => {
  expect(calibratedConfidence({ weights: { intercept: 0, logitRaw: 1, lead: 0 } }, 0.637, 0.2)).toBe(0.637);
});

test("the search engine ranking the same pair first raises that match's confidence, and only that match's", () => {
  const matches = [m('a', 0.6), m('b', 0.58)];
  const alone = calibrateMatches(model, matches);
  const agreed = calibrateMatches(model, matches, { engineTop: 'a' });
  expect(agreed[0]!.confidence).toBeGreaterThan(alone[0]!.confidence);
  expect(agreed[1]!.confidence).toBe(alone[1]!.confidence);
  expect(calibrateMatches(model, matches, { engineTop: 'b' })[1]!.confidence).toBeGreaterThan(alone[1]!.confidence);
  expect(calibratedConfidence({ weights: { intercept: 0, logitRaw: 1, lead: 0 } }, 0.637, 0, 1)).toBe(0.637);
});

test("a plain bigram BM25 ranking the same pair first raises that match's confidence, and only that match's", () => {
  const withBigrams = { weights: { ...model.weights, agreeBigrams: 0.6 } };
  const matches = [m('a', 0.6), m('b', 0.58)];
  const alone = calibrateMatches(withBigrams, matches, { engineTop: 'a' });
  const agreed = calibrateMatches(withBigrams, matches, { engineTop: 'a', bigramTop: 'a' });
  expect(agreed[0]!.confidence).toBeGreaterThan(alone[0]!.confidence);
  expect(agreed[1]!.confidence).toBe(alone[1]!.confidence);
  // a model without the weight ignores it
  expect(calibrateMatches(model, matches, { bigramTop: 'a' })).toEqual(calibrateMatches(model, matches));
});
