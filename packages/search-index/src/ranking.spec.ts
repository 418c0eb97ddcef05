import { BOOST_PARAMS, boostFactor, toDays } from './ranking.js';

describe('boostFactor', () => {
  const now = toDays('2025-01-01');

  it('gives a brand-new valid document the full recency extra', () => {
    expect(boostFactor('有效', now, now)).toBeCloseTo(1 + BOOST_PARAMS.recency, 10);
  });

  it('halves the recency extra after the half-life', () => {
    expect(boostFactor('有效', now - 5 * 365, now)).toBeCloseTo(1 + BOOST_PARAMS.recency / 2, 10);
  });

  it('ranks a repealed document below a valid one of the same date', () => {
    expect(boostFactor('废止', now, now)).toBeLessThan(boostFactor('有效', now, now));
    expect(boostFactor('废止', now, now)).toBeGreaterThan(0);
  });

  it('treats a missing date as old and future dates as today', () => {
    expect(boostFactor('有效', null, now)).toBe(1);
    expect(boostFactor('有效', now + 100, now)).toBeCloseTo(1 + BOOST_PARAMS.recency, 10);
  });

  it('converts ISO dates to epoch days', () => {
    expect(toDays('1970-01-02')).toBe(1);
  });
});
