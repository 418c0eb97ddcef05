import { ErrorCode } from '@govdisc/contracts';
import { httpStatusOf } from './status.js';

test('every error code maps to a 4xx or 5xx status', () => {
  for (const code of Object.values(ErrorCode)) {
    const status = httpStatusOf(code);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  }
});

test('client mistakes are 4xx, platform trouble is 5xx', () => {
  expect(httpStatusOf(ErrorCode.VALIDATION_FAILED)).toBe(400);
  expect(httpStatusOf(ErrorCode.POLICY_DOCUMENT_NOT_FOUND)).toBe(404);
  expect(httpStatusOf(ErrorCode.POLICY_DOCUMENT_ALREADY_PUBLISHED)).toBe(409);
  expect(httpStatusOf(ErrorCode.SERVICE_UNAVAILABLE)).toBe(503);
  expect(httpStatusOf(ErrorCode.SERVICE_TIMEOUT)).toBe(504);
});
