import { ErrorCode } from '@govdisc/contracts';
import { UNPARSEABLE, decodeReply, decodeRequest, encodeErrorReply, encodeRequest, encodeResponseReply } from './rpc-wire.js';

const msg = (body: string, header?: string) => ({
  data: new TextEncoder().encode(body),
  headers: header === undefined ? undefined : { get: (name: string) => (name === 'x-request-id' ? header : '') },
});

test('a request is plain JSON: actor, payload and the correlation id', () => {
  const body = encodeRequest({ sub: 'u-1', roles: ['citizen'] }, { q: '公积金' }, 'req-1');
  expect(JSON.parse(body)).toEqual({ actor: { sub: 'u-1', roles: ['citizen'] }, payload: { q: '公积金' }, correlationId: 'req-1' });
  expect(decodeRequest(msg(body))).toEqual({ data: JSON.parse(body), correlationId: 'req-1', textChecked: true });
});

test('the correlation id may come as a header; the body wins; forged ids are dropped', () => {
  expect(decodeRequest(msg('{"actor":null,"payload":{}}', 'hdr-1')).correlationId).toBe('hdr-1');
  expect(decodeRequest(msg('{"actor":null,"payload":{},"correlationId":"body-1"}', 'hdr-1')).correlationId).toBe('body-1');
  expect(decodeRequest(msg('{"actor":null,"payload":{},"correlationId":"a b\\nc"}')).correlationId).toBeUndefined();
});

test('a body that is not JSON decodes to the UNPARSEABLE marker (answered with MALFORMED_MESSAGE)', () => {
  expect(decodeRequest(msg('{oops')).data).toBe(UNPARSEABLE);
  expect(decodeRequest(msg('')).data).toBe(UNPARSEABLE);
});

test('text that escapes a lone surrogate or U+0000 is not cleared, so the handler walks it', () => {
  expect(decodeRequest(msg('{"actor":null,"payload":{"t":"a\\ud800"}}')).textChecked).toBe(false);
  expect(decodeRequest(msg('{"actor":null,"payload":{"t":"a\\u0000"}}')).textChecked).toBe(false);
  expect(decodeRequest(msg('{"actor":null,"payload":{"t":"😀 \\u00e9 政务"}}')).textChecked).toBe(true);
});

test('replies: a response around already-encoded JSON, or an error body', () => {
  expect(decodeReply(encodeResponseReply('{"items":[1]}'))).toEqual({ reply: { response: { items: [1] } }, textChecked: true });
  expect(JSON.parse(encodeErrorReply({ code: ErrorCode.FORBIDDEN, message: '无权' }))).toEqual({
    err: { code: 'FORBIDDEN', message: '无权' },
  });
});

test("the caller's idempotency key travels in the body; one spelled otherwise than the gateway allows is dropped", () => {
  const body = encodeRequest(null, {}, 'req-2', 'gw1:0123456789abcdef');
  expect(JSON.parse(body)).toMatchObject({ idempotencyKey: 'gw1:0123456789abcdef' });
  expect(decodeRequest(msg(body)).idempotencyKey).toBe('gw1:0123456789abcdef');
  expect(decodeRequest(msg('{"actor":null,"payload":{}}')).idempotencyKey).toBeUndefined();
  expect(decodeRequest(msg('{"actor":null,"payload":{},"idempotencyKey":"short"}')).idempotencyKey).toBeUndefined();
  expect(decodeRequest(msg('{"actor":null,"payload":{},"idempotencyKey":"a b c d e f g h"}')).idempotencyKey).toBeUndefined();
});
