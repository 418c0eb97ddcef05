import { readEnvExample } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { Env, loadAppConfig } from './env.js';

const example = readEnvExample(fileURLToPath(new URL('../../.env.example', import.meta.url)));

test('.env.example lists every variable and passes validation', () => {
  expect(Object.keys(example).sort()).toEqual(Object.keys(Env.shape).sort());
  expect(loadAppConfig(example).HTTP_PORT).toBe(3105);
});

test('a wrong value stops start-up naming the variable', () => {
  expect(() => loadAppConfig({ ...example, HTTP_PORT: 'not-a-port' })).toThrow(/HTTP_PORT/);
});

test('the email channel needs its signing secret', () => {
  expect(() => loadAppConfig({ ...example, SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(/UNSUBSCRIBE_SECRET/);
  expect(loadAppConfig({ ...example, SMTP_URL: 'smtp://127.0.0.1:2525', UNSUBSCRIBE_SECRET: 'x'.repeat(32) }).SMTP_URL).toBe(
    'smtp://127.0.0.1:2525',
  );
  expect(() => loadAppConfig({ ...example, SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
});
