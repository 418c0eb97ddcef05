import { analyzerVersion } from './analyzer-version.js';

describe('analyzerVersion', () => {
  it('is a stable 16-hex-digit hash', () => {
    expect(analyzerVersion()).toMatch(/^[0-9a-f]{16}$/u);
    expect(analyzerVersion()).toBe(analyzerVersion());
  });
});
