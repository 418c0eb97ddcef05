import { TolerantNatsDeserializer, UNPARSEABLE } from './nats-server.js';

const msg = (body: string, reply?: string) => ({
  subject: 'rpc.x.y.z',
  reply,
  json: () => JSON.parse(body),
});

const deserializer = new TolerantNatsDeserializer();

test("Nest's own packets pass through", () => {
  expect(deserializer.deserialize(msg('{"pattern":"rpc.x.y.z","data":{"a":1},"id":"1"}'), { channel: 'rpc.x.y.z' })).toEqual({
    pattern: 'rpc.x.y.z',
    data: { a: 1 },
    id: '1',
  });
});

test('a non-JSON request still gets an id, so it is answered instead of timing out', () => {
  const packet = deserializer.deserialize(msg('{oops', '_INBOX.1'), { channel: 'rpc.x.y.z' });
  expect(packet).toMatchObject({ pattern: 'rpc.x.y.z', data: UNPARSEABLE });
  expect((packet as { id?: string }).id).toBeDefined();
});

test('a plain JSON request without a reply subject stays fire-and-forget', () => {
  expect(deserializer.deserialize(msg('{"actor":null}'), { channel: 'rpc.x.y.z' })).toMatchObject({ id: undefined });
});
