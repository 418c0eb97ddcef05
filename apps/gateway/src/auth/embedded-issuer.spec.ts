import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basicCredentials } from './embedded-issuer.controller.js';
import { EmbeddedIssuer, TokenRequestError } from './embedded-issuer.js';
import { readRealmExport } from './realm-export.js';

const realmFile = fileURLToPath(new URL('../../../../infra/keycloak/realm-govdisc.json', import.meta.url));

async function issuerAt(clock: { now: number }, addressFailureFactor = 20) {
  const issuer = new EmbeddedIssuer(readRealmExport(realmFile), 'http://127.0.0.1:1/realms/govdisc', {
    addressFailureFactor,
    now: () => clock.now,
  });
  await issuer.init();
  return issuer;
}

const password = (username: string, pw: string) => ({ grant_type: 'password', client_id: 'govdisc-web', username, password: pw });

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (error instanceof TokenRequestError) return `${error.status} ${error.error}`;
    throw error;
  }
}

test('the realm export enables brute-force detection, and the issuer reads its settings', () => {
  const realm = readRealmExport(realmFile);
  expect(realm.bruteForce).toMatchObject({ bruteForceProtected: true, failureFactor: 5, waitIncrementSeconds: 60 });
});

// Keycloak stores these in VARCHAR(255) columns and refuses to import the whole realm when one is longer (it did:
// a 304-character client description stopped Keycloak from starting in CI). The embedded issuer never notices.
test("the realm export's names and descriptions fit Keycloak's 255-character columns", () => {
  const tooLong: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string' && value.length > 255 && /\.(description|name|displayName)$/.test(path))
      tooLong.push(`${path} (${value.length})`);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  walk(JSON.parse(readFileSync(realmFile, 'utf8')), 'realm');
  expect(tooLong).toEqual([]);
});

test('failureFactor wrong passwords lock the user: the right password is refused too, as in Keycloak, until the wait is over', async () => {
  const clock = { now: 1_000_000 };
  const issuer = await issuerAt(clock);
  const { failureFactor, waitIncrementSeconds } = readRealmExport(realmFile).bruteForce;
  for (let i = 0; i < failureFactor; i++) {
    clock.now += 5_000;
    expect(await outcome(issuer.token(password('lockout-probe', `wrong-${i}`), undefined, '10.0.0.1'))).toBe('400 invalid_grant');
  }
  expect(await outcome(issuer.token(password('lockout-probe', 'demo-lockout-probe'), undefined, '10.0.0.2'))).toBe('400 invalid_grant');
  expect(await outcome(issuer.token(password('citizen1', 'demo-citizen1'), undefined, '10.0.0.1'))).toBe('ok'); // others are not locked
  clock.now += waitIncrementSeconds * 1000;
  expect(await outcome(issuer.token(password('lockout-probe', 'demo-lockout-probe'), undefined, '10.0.0.2'))).toBe('ok');
});

test('a burst of wrong passwords from one address is refused with 429 and Retry-After, other addresses are not', async () => {
  const clock = { now: 1_000_000 };
  const issuer = await issuerAt(clock, 10);
  const results: string[] = [];
  for (let i = 0; i < 300; i++) results.push(await outcome(issuer.token(password(`nobody${i}`, 'x'), undefined, '203.0.113.9')));
  expect(results.slice(0, 10).every((r) => r === '400 invalid_grant')).toBe(true);
  expect(results.slice(10).every((r) => r === '429 temporarily_unavailable')).toBe(true);
  const refused = await issuer.token(password('citizen1', 'demo-citizen1'), undefined, '203.0.113.9').catch((e: TokenRequestError) => e);
  expect(refused).toBeInstanceOf(TokenRequestError);
  expect((refused as TokenRequestError).retryAfterSeconds).toBeGreaterThan(0);
  expect(await outcome(issuer.token(password('citizen1', 'demo-citizen1'), undefined, '198.51.100.1'))).toBe('ok');
});

test('wrong client secrets lock the client for a while', async () => {
  const clock = { now: 1_000_000 };
  const issuer = await issuerAt(clock);
  const secret = (s: string) => ({ grant_type: 'client_credentials', client_id: 'dept-system-demo', client_secret: s });
  for (let i = 0; i < 5; i++) {
    clock.now += 5_000;
    expect(await outcome(issuer.token(secret(`guess-${i}`), undefined, `10.1.0.${i}`))).toBe('401 invalid_client');
  }
  expect(await outcome(issuer.token(secret('dept-system-demo-secret'), undefined, '10.1.1.1'))).toBe('401 invalid_client');
  clock.now += 60_000;
  expect(await outcome(issuer.token(secret('dept-system-demo-secret'), undefined, '10.1.1.1'))).toBe('ok');
});

test('malformed Basic credentials are a 400 invalid_request, never an exception', () => {
  const basic = (raw: string) => `Basic ${Buffer.from(raw).toString('base64')}`;
  expect(basicCredentials(basic('dept-system-demo:s%3Acret'))).toEqual({ id: 'dept-system-demo', secret: 's:cret' });
  expect(basicCredentials(undefined)).toBeUndefined();
  for (const header of [basic('%:x'), basic('x:%E0%A4%A'), basic('no-colon'), 'Basic ***', 'Basic']) {
    if (header === 'Basic') {
      expect(basicCredentials(header)).toBeUndefined();
      continue;
    }
    let thrown: unknown;
    try {
      basicCredentials(header);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TokenRequestError);
    expect(thrown).toMatchObject({ status: 400, error: 'invalid_request' });
  }
});
