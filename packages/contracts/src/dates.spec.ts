import { shanghaiDate } from './dates.js';

describe('shanghaiDate', () => {
  it('turns at Shanghai midnight (16:00 UTC), also when asked again within the same second', () => {
    expect(shanghaiDate(new Date('2026-01-01T15:59:59.001Z'))).toBe('2026-01-01');
    expect(shanghaiDate(new Date('2026-01-01T15:59:59.999Z'))).toBe('2026-01-01');
    expect(shanghaiDate(new Date('2026-01-01T16:00:00.000Z'))).toBe('2026-01-02');
    expect(shanghaiDate(new Date('2026-01-01T15:59:59.500Z'))).toBe('2026-01-01');
  });

  it('refuses an invalid date, as the formatter does', () => {
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
