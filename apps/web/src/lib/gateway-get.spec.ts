import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getJson } from './gateway-get';

let server: Server;
let baseUrl: string;
const seen: Array<{ url?: string; headers: Record<string, unknown> }> = [];
/** what the next answers are: status and body, or 'drop' (the socket closed without an answer) */
let answers: Array<[number, string] | 'drop'> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    const answer = answers.shift() ?? [200, '{}'];
    if (answer === 'drop') return req.socket.destroy();
    res.writeHead(answer[0], { 'content-type': 'application/json' }).end(answer[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen.length = 0;
  answers = [];
});

test("a 2xx answer's JSON, with the caller's headers; any other status is null (as openapi-fetch's data)", async () => {
  answers = [
    [200, '{"id":"a","title":"政策"}'],
    [404, '{"code":"POLICY_DOCUMENT_NOT_FOUND"}'],
    [500, 'oops'],
  ];
  const target = { baseUrl, headers: { 'accept-language': 'zh-CN', authorization: 'Bearer t' } };
  expect(await getJson(target, '/api/v1/policies/a/detail?related=5')).toEqual({ id: 'a', title: '政策' });
  expect(await getJson(target, '/x')).toBeNull();
  expect(await getJson(target, '/x')).toBeNull();
  expect(seen[0]).toMatchObject({
    url: '/api/v1/policies/a/detail?related=5',
    headers: { 'accept-language': 'zh-CN', authorization: 'Bearer t', accept: 'application/json' },
  });
});

test('a 2xx body that is not JSON and an unreachable gateway throw (the page answers 503)', async () => {
  answers = [[200, 'not json']];
  await expect(getJson({ baseUrl, headers: {} }, '/x')).rejects.toThrow(SyntaxError);
  await expect(getJson({ baseUrl: 'http://127.0.0.1:1', headers: {} }, '/x')).rejects.toThrow(/ECONNREFUSED/);
});

test('a request on a kept-alive socket the gateway closed is sent again once on a new one, never more', async () => {
  answers = [[200, '{"n":1}'], 'drop', [200, '{"n":2}']];
  expect(await getJson({ baseUrl, headers: {} }, '/x')).toEqual({ n: 1 });
  expect(await getJson({ baseUrl, headers: {} }, '/x')).toEqual({ n: 2 }); // the kept socket dropped: asked again
  expect(seen).toHaveLength(3);
  answers = ['drop', 'drop'];
  await new Promise((resolve) => setTimeout(resolve, 10));
  server.closeAllConnections(); // no kept socket left: the next request opens a new one
  await expect(getJson({ baseUrl, headers: {} }, '/x')).rejects.toThrow(/socket hang up|ECONNRESET/);
});
