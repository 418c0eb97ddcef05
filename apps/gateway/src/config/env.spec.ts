import { readEnvExample } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { Env, loadAppConfig } from './env.js';

const example = readEnvExample(fileURLToPath(new URL('../../.env.example', import.meta.url)));

test('.env.example lists every variable and passes validation', () => {
  expect(Object.keys(example).sort()).toEqual(Object.keys(Env.shape).sort());
  expect(loadAppConfig(example).HTTP_PORT).toBe(3000);
});

test('a wrong value stops start-up naming the variable', () => {
  expect(() => loadAppConfig({ ...example, HTTP_PORT: 'not-a-port' })).toThrow(/HTTP_PORT/);
});

test('TRUST_PROXY: none by default; proxy names, IPs and CIDR ranges accepted; anything else refused', () => {
  expect(loadAppConfig(example).TRUST_PROXY).toEqual([]);
  expect(loadAppConfig({ ...example, TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).TRUST_PROXY).toEqual([
    'loopback',
    '10.0.0.0/8',
    '2001:db8::1',
  ]);
  for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example', '1']) {
    expect(() => loadAppConfig({ ...example, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  }
});
