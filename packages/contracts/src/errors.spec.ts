import { DomainError, ErrorCode, errorMessages, isErrorBody } from './errors.js';

test('every error code has a Chinese and an English message', () => {
  for (const code of Object.values(ErrorCode)) {
    expect(errorMessages[code].zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(errorMessages[code].en.length).toBeGreaterThan(5);
  }
});

test('DomainError defaults to the Chinese message and serialises to the wire shape', () => {
  const error = new DomainError(ErrorCode.QA_PAIR_NOT_FOUND, undefined, { pairId: 'x' });
  expect(error.toBody()).toEqual({ code: 'QA_PAIR_NOT_FOUND', message: errorMessages.QA_PAIR_NOT_FOUND.zh, details: { pairId: 'x' } });
  expect(isErrorBody(error.toBody())).toBe(true);
  expect(isErrorBody({ code: 'SOMETHING_ELSE', message: 'x' })).toBe(false);
});
