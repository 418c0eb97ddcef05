import { DomainError, ErrorCode, type SearchPart, type SearchType } from '@govdisc/contracts';
import { blendFirstPage, parseUnifiedQuery, unifiedResult } from './unified-search.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'NOT_A_DOMAIN_ERROR';
  }
  return undefined;
}

const part = (type: SearchType, scores: number[], total = scores.length): SearchPart => ({
  type,
  total,
  items: scores.map((score, i) => ({ type, id: `${type}-${i}`, title: `${type} ${i}`, snippet: '', meta: '', score })),
});

describe('parseUnifiedQuery', () => {
  test('trims q, defaults to the blended page 1, reads type and page', () => {
    expect(parseUnifiedQuery({ q: '  公积金 ' })).toEqual({ q: '公积金', type: null, page: 1 });
    expect(parseUnifiedQuery({ q: '社保', type: 'qa', page: '3' })).toEqual({ q: '社保', type: 'qa', page: 3 });
  });

  test.each([
    [{}, ErrorCode.SEARCH_QUERY_EMPTY],
    [{ q: '   ' }, ErrorCode.SEARCH_QUERY_EMPTY],
    [{ q: '长'.repeat(101) }, ErrorCode.SEARCH_QUERY_TOO_LONG],
    [{ q: '社保', type: 'video' }, ErrorCode.SEARCH_TYPE_UNKNOWN],
    [{ q: '社保', page: '2' }, ErrorCode.SEARCH_PAGE_OUT_OF_RANGE],
    [{ q: '社保', type: 'policy', page: '51' }, ErrorCode.SEARCH_PAGE_OUT_OF_RANGE],
    [{ q: '社保', type: 'policy', page: '0' }, ErrorCode.SEARCH_PAGE_OUT_OF_RANGE],
    [{ q: '社保', type: 'policy', page: '1.5' }, ErrorCode.SEARCH_PAGE_OUT_OF_RANGE],
    [{ q: '社保', type: 'policy', page: 'abc' }, ErrorCode.SEARCH_PAGE_OUT_OF_RANGE],
  ])('%j → %s', (query, code) => {
    expect(codeOf(() => parseUnifiedQuery(query))).toBe(code);
  });

  test('100 characters (not UTF-16 units) is the longest query', () => {
    expect(parseUnifiedQuery({ q: '𠀀'.repeat(100) }).q).toHaveLength(200);
  });
});

describe('blendFirstPage', () => {
  test('every type with hits shows up, leaders first, then the rest by relative score', () => {
    const items = blendFirstPage(
      [part('policy', [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]), part('qa', []), part('bundle', [0.5])],
      10,
    );
    expect(items).toHaveLength(10);
    expect(items.map((i) => i.id).slice(0, 3)).toEqual(['policy-0', 'bundle-0', 'policy-1']);
    expect(items.some((i) => i.type === 'qa')).toBe(false);
  });

  test('ties go policy, Q&A, guide, bundle', () => {
    const items = blendFirstPage([part('bundle', [1]), part('guide', [1]), part('qa', [1]), part('policy', [1])], 10);
    expect(items.map((i) => i.type)).toEqual(['policy', 'qa', 'guide', 'bundle']);
  });
});

test('unifiedResult counts every type, a missing part as 0, and pages within one type', () => {
  const parts = [part('policy', [1, 0.5], 42), part('guide', [1], 7)];
  const blended = unifiedResult({ q: '社保', type: null, page: 1 }, parts, ['qa']);
  expect(blended.counts).toEqual({ policy: 42, qa: 0, guide: 7, bundle: 0 });
  expect(blended.partial).toEqual(['qa']);
  expect(blended.items.map((i) => i.id)).toEqual(['policy-0', 'guide-0', 'policy-1']);
  const guides = unifiedResult({ q: '社保', type: 'guide', page: 1 }, parts, []);
  expect(guides.items.map((i) => i.type)).toEqual(['guide']);
});
