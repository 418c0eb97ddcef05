import { normalizeQuery, requireQueryKey } from './query-text.js';

test('one key however a query was typed; Latin words stay apart', () => {
  expect(normalizeQuery(' 职工　年休假？ ')).toBe('职工年休假');
  expect(normalizeQuery('職工年休假')).toBe('职工年休假');
  expect(normalizeQuery('COVID-19 防控')).toBe('covid 19防控');
  expect(() => requireQueryKey('？！ 。', 'query')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
});
