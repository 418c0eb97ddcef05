import { readEnvExample } from '@govdisc/testing';
import { generateKeyPairSync } from 'node:crypto';
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

test('EMBEDDED_ISSUER_SIGNING_KEY: an RSA PKCS#8 PEM (\\n allowed for line breaks), only without KEYCLOAK_URL', () => {
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  expect(loadAppConfig({ ...example, EMBEDDED_ISSUER_SIGNING_KEY: pem.replaceAll('\n', '\\n') }).EMBEDDED_ISSUER_SIGNING_KEY).toBe(pem);
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  for (const bad of ['secret', ec, pem.replace('BEGIN PRIVATE KEY', 'BEGIN RSA PRIVATE KEY')]) {
    expect(() => loadAppConfig({ ...example, EMBEDDED_ISSUER_SIGNING_KEY: bad })).toThrow(/EMBEDDED_ISSUER_SIGNING_KEY/);
  }
  expect(() => loadAppConfig({ ...example, EMBEDDED_ISSUER_SIGNING_KEY: pem, KEYCLOAK_URL: 'http://127.0.0.1:8180' })).toThrow(
    /EMBEDDED_ISSUER_SIGNING_KEY/,
  );
});

test('KEYCLOAK_ISSUER_URL names the embedded issuer too: the address clients reach the gateways at', () => {
  const config = loadAppConfig({ ...example, KEYCLOAK_ISSUER_URL: 'https://api.example.gov.cn/' });
  expect(config).toMatchObject({ embeddedIssuer: true, publicIssuerBaseUrl: 'https://api.example.gov.cn' });
});
