import { z } from 'zod';
import { DomainError, ErrorCode } from './errors.js';
import { findIllFormedText, parseOrThrow, TextIssueCode } from './validation.js';

function issuesOf(fn: () => unknown): { code: ErrorCode; issues: Array<{ path: string; message: string; code?: string }> } {
  try {
    fn();
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, issues: (e.details as { issues: never }).issues };
  }
  throw new Error('expected a DomainError');
}

const schema = z.strictObject({
  title: z.string(),
  tags: z.array(z.string()).optional(),
  meta: z.record(z.string(), z.string()).optional(),
});

describe('ill-formed UTF-16 is refused with a field-level code', () => {
  test.each([
    ['a lone high surrogate at the end', { title: 'a\ud800' }, 'title'],
    ['a lone low surrogate', { title: '\udc00b' }, 'title'],
    ['a reversed pair', { title: '\udc00\ud800' }, 'title'],
    ['inside an array', { title: 'ok', tags: ['ok', 'x\udbff'] }, 'tags.1'],
    ['in a record value', { title: 'ok', meta: { k: '\ud800' } }, 'meta.k'],
    ['in a record key', { title: 'ok', meta: { ['k\ud800']: 'v' } }, 'meta.k\\ud800'],
    ['in an unknown key (before the schema reports it)', { title: 'ok', ['\udfff']: 1 }, '\\udfff'],
  ])('%s', (_name, input, path) => {
    const { code, issues } = issuesOf(() => parseOrThrow(schema, input));
    expect(code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(issues).toEqual([{ path, code: TextIssueCode.ILL_FORMED_UNICODE, message: expect.stringMatching(/代理项/) }]);
  });

  test('bus messages get MALFORMED_MESSAGE with the same issue', () => {
    const { code, issues } = issuesOf(() => parseOrThrow(schema, { title: '\ud800' }, ErrorCode.MALFORMED_MESSAGE));
    expect(code).toBe(ErrorCode.MALFORMED_MESSAGE);
    expect(issues[0]!.code).toBe(TextIssueCode.ILL_FORMED_UNICODE);
  });

  test('a transform that splits a surrogate pair is caught on the output', () => {
    const cut = z.object({ title: z.string().transform((s) => s.slice(0, 1)) });
    expect(issuesOf(() => parseOrThrow(cut, { title: '😀' })).issues[0]).toMatchObject({ path: 'title', code: 'ILL_FORMED_UNICODE' });
  });

  test('well-formed text passes: pairs, CJK, supplementary-plane characters', () => {
    expect(parseOrThrow(schema, { title: '𠮷野家😀政务公开', meta: { '😀': '𠮷' } })).toEqual({
      title: '𠮷野家😀政务公开',
      meta: { '😀': '𠮷' },
    });
  });

  test('U+0000 keeps its own code, in values and keys', () => {
    expect(issuesOf(() => parseOrThrow(schema, { title: 'a\u0000' })).issues).toEqual([
      { path: 'title', code: 'NUL_CHAR', message: expect.stringContaining('空字符') },
    ]);
    expect(issuesOf(() => parseOrThrow(schema, { title: 'a', meta: { 'k\u0000': 'v' } })).issues[0]).toMatchObject({
      path: 'meta.k\\u0000',
      code: 'NUL_CHAR',
    });
  });

  test('deeply nested input does not overflow the stack (the walk is iterative)', () => {
    let deep: unknown = 'x\ud800';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findIllFormedText(deep)?.code).toBe('ILL_FORMED_UNICODE');
    expect(() => parseOrThrow(schema, deep)).toThrow(DomainError);
  });
});
