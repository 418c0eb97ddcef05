import { canonicalSpelling } from './route-pipeline.js';

test('a route answers only to its one spelling; encoded path parameters are the same resource', () => {
  const matches = canonicalSpelling('/api/v1/disclosure-requests/track/:trackingCode');
  expect(matches('/api/v1/disclosure-requests/track/ABC?x=1')).toBe(true);
  expect(matches('/api/v1/disclosure-requests/track/A%42C')).toBe(true);
  for (const variant of [
    '/api/v1/disclosure%2Drequests/track/ABC',
    '/%61pi/v1/disclosure-requests/track/ABC',
    '/api/v1/./disclosure-requests/track/ABC',
    '/api/v1/disclosure-requests/track/./ABC',
    '//api/v1/disclosure-requests/track/ABC',
    '/api/v1/disclosure-requests/track/..',
  ]) {
    expect({ variant, matches: matches(variant) }).toEqual({ variant, matches: false });
  }
});
