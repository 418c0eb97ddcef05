import { matchesSavedSearch, policyTerms, savedSearchTerms } from './search-terms.js';

test('a saved search matches a policy whose title or summary has all its words, synonyms included', () => {
  const doc = policyTerms('江东市住房公积金提取管理办法', '规范职工基本医疗保险个人账户与公积金提取。');
  expect(matchesSavedSearch(savedSearchTerms('公积金 提取'), doc)).toBe(true);
  expect(matchesSavedSearch(savedSearchTerms('医保'), doc)).toBe(true);
  expect(matchesSavedSearch(savedSearchTerms('公积金 贷款'), doc)).toBe(false);
  expect(matchesSavedSearch(savedSearchTerms('养老服务补贴'), doc)).toBe(false);
});

test('a search without meaningful words has no terms and matches nothing', () => {
  expect(savedSearchTerms('的 了 ，。')).toEqual([]);
  expect(matchesSavedSearch([], policyTerms('任意政策'))).toBe(false);
});
