import { isPublic, mayBePublic } from './pair.service.js';

const pair = (status: string, effectiveFrom: string | null = null, effectiveTo: string | null = null) =>
  ({ status, effectiveFrom, effectiveTo }) as Parameters<typeof isPublic>[0];

test.each([
  ['published, no dates', pair('PUBLISHED'), true, true],
  ['published, effective from a later day', pair('PUBLISHED', '2026-12-01'), false, true],
  ['published, effective from today', pair('PUBLISHED', '2026-11-28'), true, true],
  ['published, last day today', pair('PUBLISHED', null, '2026-11-28'), true, true],
  ['published, past its last day', pair('PUBLISHED', null, '2026-11-27'), false, false],
  ['in review', pair('IN_REVIEW'), false, false],
  ['needs update', pair('NEEDS_UPDATE'), false, false],
])('%s: public today %s, may be public (held for answering) %s', (_what, p, publicToday, held) => {
  expect(isPublic(p, '2026-11-28')).toBe(publicToday);
  expect(mayBePublic(p, '2026-11-28')).toBe(held);
});
