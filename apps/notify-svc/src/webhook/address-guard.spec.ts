import type { LookupAddress } from 'node:dns';
import { checkLiteralHost, isBlockedAddress, publicOnlyLookup } from './address-guard.js';

test.each([
  ['127.0.0.1', true],
  ['10.1.2.3', true],
  ['172.20.0.1', true],
  ['192.168.1.1', true],
  ['169.254.169.254', true],
  ['100.64.0.1', true],
  ['0.0.0.0', true],
  ['::1', true],
  ['::ffff:127.0.0.1', true],
  ['fd00::1', true],
  ['fe80::1', true],
  ['8.8.8.8', false],
  ['202.96.128.86', false],
  ['2400:3200::1', false],
])('%s blocked: %s', (address, expected) => {
  expect(isBlockedAddress(address)).toBe(expected);
});

test('IP-literal hosts are checked before connecting', () => {
  expect(() => checkLiteralHost(new URL('http://169.254.169.254/latest/meta-data'))).toThrow(/not a public address/);
  expect(() => checkLiteralHost(new URL('http://[::1]:8080/'))).toThrow(/not a public address/);
  expect(() => checkLiteralHost(new URL('https://8.8.8.8/hook'))).not.toThrow();
});

test('a name resolving to a private address is refused by the lookup hook', async () => {
  const outcome = await new Promise<string>((resolve) =>
    publicOnlyLookup('localhost', { all: true }, (error, addresses) =>
      resolve(error ? String(error.message) : (addresses as LookupAddress[]).map((a) => a.address).join()),
    ),
  );
  expect(outcome).toMatch(/refused to connect to localhost/);
});

test('the HTTP agent with the hook never reaches a server on loopback by name', async () => {
  const { createServer } = await import('node:http');
  const { Agent, fetch } = await import('undici');
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const guarded = new Agent({ connect: { lookup: publicOnlyLookup } });
  const open = new Agent();
  try {
    await expect(fetch(`http://localhost:${port}/`, { dispatcher: guarded })).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/not a public address/) }),
    });
    expect(hits).toBe(0);
    expect((await fetch(`http://localhost:${port}/`, { dispatcher: open })).status).toBe(200); // the same server, unguarded
    expect(hits).toBe(1);
  } finally {
    await Promise.all([guarded.close(), open.close()]);
    server.close();
  }
});
