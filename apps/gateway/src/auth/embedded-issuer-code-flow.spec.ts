import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { EmbeddedIssuer, TokenRequestError } from './embedded-issuer.js';
import { readRealmExport } from './realm-export.js';

const realmFile = fileURLToPath(new URL('../../../../infra/keycloak/realm-govdisc.json', import.meta.url));
const REDIRECT = 'http://127.0.0.1:45678/auth/callback';

async function issuerAt(clock: { now: number }) {
  const issuer = new EmbeddedIssuer(readRealmExport(realmFile), 'http://127.0.0.1:1/realms/govdisc', {
    addressFailureFactor: 20,
    now: () => clock.now,
  });
  await issuer.init();
  return issuer;
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

const authRequest = (challenge: string, overrides: Record<string, string> = {}) => ({
  client_id: 'govdisc-web',
  redirect_uri: REDIRECT,
  response_type: 'code',
  scope: 'openid profile',
  state: 'st-1',
  nonce: 'n-1',
  code_challenge: challenge,
  code_challenge_method: 'S256',
  ...overrides,
});

/** Signs citizen1 in through the login form and returns the code from the redirect. */
function signIn(issuer: EmbeddedIssuer, challenge: string): string {
  const outcome = issuer.login({ ...authRequest(challenge), username: 'citizen1', password: 'demo-citizen1' }, '10.0.0.1');
  if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.kind}`);
  const url = new URL(outcome.location);
  expect(url.origin + url.pathname).toBe(REDIRECT);
  expect(url.searchParams.get('state')).toBe('st-1');
  return url.searchParams.get('code')!;
}

const exchange = (issuer: EmbeddedIssuer, code: string, verifier: string, redirectUri = REDIRECT) =>
  issuer.token({ grant_type: 'authorization_code', client_id: 'govdisc-web', code, code_verifier: verifier, redirect_uri: redirectUri });

async function failure(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenRequestError)) throw new Error('expected a TokenRequestError');
  return `${error.status} ${error.error} ${error.description}`;
}

test('code + PKCE: the login page signs in, the code buys an id token with the nonce, and a refresh token that rotates', async () => {
  const issuer = await issuerAt({ now: 1_000_000 });
  const { verifier, challenge } = pkce();
  expect(issuer.authorize(authRequest(challenge))).toMatchObject({ kind: 'login', status: 200 });
  const tokens = await exchange(issuer, signIn(issuer, challenge), verifier);
  expect('id_token' in tokens && decodeJwt(tokens.id_token)).toMatchObject({
    aud: 'govdisc-web',
    nonce: 'n-1',
    preferred_username: 'citizen1',
  });
  expect(decodeJwt(tokens.access_token)).toMatchObject({ realm_access: { roles: ['citizen'] } });
  const refresh = 'refresh_token' in tokens ? tokens.refresh_token : '';
  const again = await issuer.token({ grant_type: 'refresh_token', client_id: 'govdisc-web', refresh_token: refresh });
  expect(again.access_token).toBeTruthy();
  expect(await failure(issuer.token({ grant_type: 'refresh_token', client_id: 'govdisc-web', refresh_token: refresh }))).toMatch(
    /^400 invalid_grant/,
  );
});

test('a wrong PKCE verifier is refused, and the code is spent by the attempt', async () => {
  const issuer = await issuerAt({ now: 1_000_000 });
  const { verifier, challenge } = pkce();
  const code = signIn(issuer, challenge);
  expect(await failure(exchange(issuer, code, pkce().verifier))).toBe('400 invalid_grant PKCE verification failed: Code mismatch');
  expect(await failure(exchange(issuer, code, verifier))).toBe('400 invalid_grant Code not valid');
});

test('a code is single-use and expires after a minute', async () => {
  const clock = { now: 1_000_000 };
  const issuer = await issuerAt(clock);
  const { verifier, challenge } = pkce();
  const code = signIn(issuer, challenge);
  await exchange(issuer, code, verifier);
  expect(await failure(exchange(issuer, code, verifier))).toBe('400 invalid_grant Code not valid');
  const late = signIn(issuer, challenge);
  clock.now += 61_000;
  expect(await failure(exchange(issuer, late, verifier))).toBe('400 invalid_grant Code not valid');
});

test('a redirect_uri differing from the authorization request is refused at the token endpoint', async () => {
  const issuer = await issuerAt({ now: 1_000_000 });
  const { verifier, challenge } = pkce();
  const code = signIn(issuer, challenge);
  expect(await failure(exchange(issuer, code, verifier, 'http://127.0.0.1:45678/other'))).toBe('400 invalid_grant Incorrect redirect_uri');
});

test('an unregistered redirect_uri gets an error page, never a redirect; other faults go back to the client', async () => {
  const issuer = await issuerAt({ now: 1_000_000 });
  const { challenge } = pkce();
  for (const redirect_uri of [
    'https://evil.example/auth/callback',
    'http://localhost:9999/auth/callback',
    'http://127.0.0.1.evil.example/x',
  ])
    expect(issuer.authorize(authRequest(challenge, { redirect_uri }))).toMatchObject({ kind: 'error', status: 400 });
  expect(issuer.authorize(authRequest(challenge, { client_id: 'govdisc-gateway' }))).toMatchObject({ kind: 'error' });
  const plain = issuer.authorize(authRequest(challenge, { code_challenge_method: 'plain' }));
  expect(plain.kind === 'redirect' && new URL(plain.location).searchParams.get('error')).toBe('invalid_request');
});

test('wrong passwords on the login page count like the password grant: the user is locked, the page says so in Chinese', async () => {
  const issuer = await issuerAt({ now: 1_000_000 });
  const { challenge } = pkce();
  const { failureFactor } = readRealmExport(realmFile).bruteForce;
  for (let i = 0; i < failureFactor; i++) {
    const outcome = issuer.login({ ...authRequest(challenge), username: 'lockout-probe', password: `wrong-${i}` }, '10.0.0.3');
    expect(outcome).toMatchObject({ kind: 'login', status: 400, errorZh: expect.stringContaining('用户名或密码不正确') });
  }
  const right = issuer.login({ ...authRequest(challenge), username: 'lockout-probe', password: 'demo-lockout-probe' }, '10.0.0.4');
  expect(right).toMatchObject({ kind: 'login', status: 400 });
});

test('end-session with the id token ends its refresh tokens and returns to a registered address only', async () => {
  const issuer = await issuerAt({ now: 1_000_000 });
  const { verifier, challenge } = pkce();
  const tokens = await exchange(issuer, signIn(issuer, challenge), verifier);
  const idToken = 'id_token' in tokens ? tokens.id_token : '';
  expect(await issuer.endSession({ id_token_hint: idToken, post_logout_redirect_uri: 'https://evil.example/' })).toBeNull();
  const back = await issuer.endSession({ id_token_hint: idToken, post_logout_redirect_uri: 'http://127.0.0.1:45678/' });
  expect(back).toMatch(/^http:\/\/127\.0\.0\.1:45678\/\?/);
  const refresh = 'refresh_token' in tokens ? tokens.refresh_token : '';
  expect(await failure(issuer.token({ grant_type: 'refresh_token', client_id: 'govdisc-web', refresh_token: refresh }))).toMatch(
    /^400 invalid_grant/,
  );
});
