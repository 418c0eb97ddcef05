import { DomainError } from '@govdisc/contracts';
import { readEnvExample } from '@govdisc/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadAppConfig } from '../config/env.js';
import { EmbeddedIssuer } from './embedded-issuer.js';
import { readRealmExport } from './realm-export.js';
import { TokenVerifier } from './token-verifier.js';

// Keycloak behind a public host (KC_HOSTNAME) signs tokens with that host in `iss`, while the gateway fetches the
// realm's keys at the in-cluster address. A local HTTP server stands in for the in-cluster address.
const example = readEnvExample(fileURLToPath(new URL('../../.env.example', import.meta.url)));
const realmFile = fileURLToPath(new URL('../../../../infra/keycloak/realm-govdisc.json', import.meta.url));
const PUBLIC = 'https://auth.zwgk.example.test';

let server: Server;
let inCluster: string;
let keysServed = 0;
const issuers = new Map<string, EmbeddedIssuer>();

beforeAll(async () => {
  for (const base of [PUBLIC, 'https://elsewhere.example.test']) {
    const issuer = new EmbeddedIssuer(readRealmExport(realmFile), `${base}/realms/govdisc`);
    await issuer.init();
    issuers.set(base, issuer);
  }
  // Both issuers' keys are served, so only the `iss` check can tell their tokens apart.
  server = createServer((req, res) => {
    if (req.url !== '/realms/govdisc/protocol/openid-connect/certs') return void res.writeHead(404).end();
    keysServed++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [...issuers.values()].flatMap((i) => i.jwks().keys) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  inCluster = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function tokenFrom(base: string): Promise<string> {
  const form = { grant_type: 'password', client_id: 'govdisc-web', username: 'citizen1', password: 'demo-citizen1' };
  return (await issuers.get(base)!.token(form, undefined, '10.0.0.1')).access_token;
}

async function reasonOf(verifier: TokenVerifier, token: string): Promise<string> {
  try {
    return `accepted ${(await verifier.verify(token)).sub.length > 0}`;
  } catch (error) {
    if (error instanceof DomainError) return String((error.details as { reason?: string } | undefined)?.reason);
    throw error;
  }
}

test('KEYCLOAK_ISSUER_URL: tokens naming the public issuer are accepted with keys fetched in the cluster; others are refused', async () => {
  const verifier = new TokenVerifier(loadAppConfig({ ...example, KEYCLOAK_URL: inCluster, KEYCLOAK_ISSUER_URL: `${PUBLIC}/` }));
  const before = keysServed;
  expect(await reasonOf(verifier, await tokenFrom(PUBLIC))).toBe('accepted true');
  expect(keysServed).toBeGreaterThan(before);
  expect(await reasonOf(verifier, await tokenFrom('https://elsewhere.example.test'))).toBe('wrong_issuer');
});

test('without KEYCLOAK_ISSUER_URL the expected issuer is KEYCLOAK_URL’s realm, as before', async () => {
  const verifier = new TokenVerifier(loadAppConfig({ ...example, KEYCLOAK_URL: inCluster }));
  expect(await reasonOf(verifier, await tokenFrom(PUBLIC))).toBe('wrong_issuer');
});

test('KEYCLOAK_ISSUER_URL must be an http(s) URL; without KEYCLOAK_URL it names the embedded issuer', () => {
  expect(loadAppConfig({ ...example, KEYCLOAK_URL: 'http://keycloak:8080' }).publicIssuerBaseUrl).toBe('http://keycloak:8080');
  for (const bad of ['auth.example.test', 'ftp://auth.example.test']) {
    expect(() => loadAppConfig({ ...example, KEYCLOAK_URL: 'http://keycloak:8080', KEYCLOAK_ISSUER_URL: bad })).toThrow(
      /KEYCLOAK_ISSUER_URL/,
    );
  }
  expect(loadAppConfig({ ...example, KEYCLOAK_URL: '', KEYCLOAK_ISSUER_URL: PUBLIC }).publicIssuerBaseUrl).toBe(PUBLIC);
});
