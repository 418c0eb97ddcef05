import { z } from 'zod';
import { defineEvent, defineRpc } from './define.js';
import { type DomainError, ErrorCode } from './errors.js';
import { PUBLIC } from './roles.js';
import { jsonTextMayHoldBadText } from './validation.js';

const ctx = { source: 'test', correlationId: 'c-1' };
const greeted = defineEvent('test.person.greeted', {
  1: z.object({ name: z.string() }),
  2: z.object({ name: z.string(), times: z.number().int() }),
});

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
}

describe('defineEvent', () => {
  test('make validates with the latest version and builds a full envelope', () => {
    const envelope = greeted.make({ name: '张三', times: 2 }, ctx);
    expect(envelope).toMatchObject({ type: 'test.person.greeted', version: 2, source: 'test', correlationId: 'c-1' });
    expect(envelope.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(codeOf(() => greeted.make({ name: '张三' }, ctx))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  test('parse accepts every declared version and rejects the rest as MALFORMED_MESSAGE', () => {
    const v1 = { ...greeted.make({ name: 'a', times: 1 }, ctx), version: 1, payload: { name: 'a' } };
    expect(greeted.parse(JSON.parse(JSON.stringify(v1))).payload).toEqual({ name: 'a' });
    expect(codeOf(() => greeted.parse({ ...v1, version: 3 }))).toBe(ErrorCode.MALFORMED_MESSAGE);
    expect(codeOf(() => greeted.parse({ ...v1, type: 'other.thing.happened' }))).toBe(ErrorCode.MALFORMED_MESSAGE);
    expect(codeOf(() => greeted.parse({ ...v1, id: 'not-a-uuid' }))).toBe(ErrorCode.MALFORMED_MESSAGE);
    expect(codeOf(() => greeted.parse('garbage'))).toBe(ErrorCode.MALFORMED_MESSAGE);
  });

  test('receivers ignore unknown payload fields (adding an optional field keeps the version)', () => {
    const raw = { ...greeted.make({ name: 'a', times: 1 }, ctx), payload: { name: 'a', times: 1, extra: true } };
    expect(greeted.parse(raw).payload).toEqual({ name: 'a', times: 1 });
  });
});

describe('defineRpc', () => {
  const echo = defineRpc('rpc.test.echo.send', {
    access: PUBLIC,
    request: z.strictObject({ text: z.string().min(1) }),
    response: z.object({ text: z.string() }),
  });

  test('requests carry the actor and a validated payload', () => {
    const actor = { sub: 'u1', roles: ['citizen'] };
    expect(echo.makeRequest({ text: 'hi' }, actor)).toEqual({ actor, payload: { text: 'hi' } });
    expect(echo.parseRequest({ actor: null, payload: { text: 'hi' } }).payload).toEqual({ text: 'hi' });
  });

  test('bad input on each side gets its own code, with field-level issues in Chinese', () => {
    expect(codeOf(() => echo.makeRequest({ text: '' }, null))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => echo.parseRequest({ payload: { text: 'x' } }))).toBe(ErrorCode.MALFORMED_MESSAGE);
    try {
      echo.makeRequest({ text: 'x', extra: 1 } as never, null);
    } catch (error) {
      const details = (error as DomainError).details as { issues: Array<{ path: string; message: string }> };
      expect(details.issues[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(codeOf(() => echo.makeResponse({} as never))).toBe(ErrorCode.INTERNAL_ERROR);
  });

  test('RPC subjects must live under rpc.', () => {
    expect(() => defineRpc('policy.document.get', { access: PUBLIC, request: z.object({}), response: z.object({}) })).toThrow(/rpc\./);
  });
});

test('strings with U+0000 are refused on both sides (PostgreSQL cannot store them)', () => {
  const echo = defineRpc('rpc.test.nul.check', { access: PUBLIC, request: z.object({ a: z.array(z.string()) }), response: z.object({}) });
  expect(codeOf(() => echo.makeRequest({ a: ['ok', 'bad\u0000'] }, null))).toBe(ErrorCode.VALIDATION_FAILED);
  expect(codeOf(() => echo.parseRequest({ actor: null, payload: { a: ['x\u0000'] } }))).toBe(ErrorCode.MALFORMED_MESSAGE);
  expect(echo.makeRequest({ a: ['正常'] }, null).payload).toEqual({ a: ['正常'] });
});

test('encodeResponse: the validated response as JSON text, refusing ill-formed text or U+0000 in it', () => {
  const rpc = defineRpc('rpc.test.encode.response', {
    access: PUBLIC,
    request: z.object({}),
    response: z.object({ title: z.string(), tags: z.array(z.string()).default([]) }),
  });
  expect(JSON.parse(rpc.encodeResponse({ title: '政务公开 😀' }))).toEqual({ title: '政务公开 😀', tags: [] });
  expect(codeOf(() => rpc.encodeResponse({ title: 42 } as never))).toBe(ErrorCode.INTERNAL_ERROR);
  expect(codeOf(() => rpc.encodeResponse({ title: 'a\ud800' }))).toBe(ErrorCode.INTERNAL_ERROR);
  expect(codeOf(() => rpc.encodeResponse({ title: 'ok', tags: ['x\u0000'] }))).toBe(ErrorCode.INTERNAL_ERROR);
});

test('jsonTextMayHoldBadText clears text without \\u escapes of surrogates or U+0000', () => {
  expect(jsonTextMayHoldBadText(JSON.stringify({ t: '政务 😀 \u00e9' }))).toBe(false);
  expect(jsonTextMayHoldBadText(JSON.stringify({ t: 'a\ud800' }))).toBe(true);
  expect(jsonTextMayHoldBadText(JSON.stringify({ t: 'a\u0000' }))).toBe(true);
  expect(jsonTextMayHoldBadText('{"t":"\\uDC00"}')).toBe(true);
});
