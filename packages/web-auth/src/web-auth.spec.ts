import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readWebAuthConfig, WebAuthConfigError } from './config.js';
import { type CookieJar, type CookieOptions, cookieNames } from './cookies.js';
import { csrfMatches } from './csrf.js';
import { MemorySessionStore, type Session } from './session-store.js';
import { safeReturnPath, WebAuth } from './web-auth.js';

/** A cookie jar that records what was set, like Next's cookies(). */
function jar() {
  const values = new Map<string, { value: string; options: CookieOptions }>();
  const cookies: CookieJar & { values: typeof values } = {
    values,
    get: (name) => values.get(name),
    set: (name, value, options) => values.set(name, { value, options }),
    delete: (name) => values.delete(name),
  };
  return cookies;
}

const env = {
  OIDC_ISSUER_URL: 'http://127.0.0.1:3000/realms/govdisc',
  OIDC_CLIENT_ID: 'govdisc-web',
  AUTH_REDIRECT_BASE: 'http://127.0.0.1:3001',
};

/** An issuer discovery answer served to openid-client through a stubbed fetch (small test: no network). */
function stubDiscovery() {
  const issuer = env.OIDC_ISSUER_URL;
  const metadata = {
    issuer,
    authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
    token_endpoint: `${issuer}/protocol/openid-connect/token`,
    end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
    jwks_uri: `${issuer}/protocol/openid-connect/certs`,
  };
  jest.spyOn(globalThis, 'fetch').mockImplementation(async () => Response.json(metadata));
}

afterEach(() => jest.restoreAllMocks());

test('start login: S256 challenge of the verifier, state and nonce in the URL match the HttpOnly SameSite login cookie', async () => {
  stubDiscovery();
  const auth = new WebAuth(readWebAuthConfig(env, 'portal'));
  const cookies = jar();
  const url = await auth.startLogin(cookies, '/disclosure/track');
  const login = cookies.values.get('portal_login')!;
  expect(login.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
  expect(login.options.maxAge).toBeLessThanOrEqual(600);
  const tx = JSON.parse(Buffer.from(login.value, 'base64url').toString()) as Record<string, string>;
  expect(url.searchParams.get('code_challenge')).toBe(createHash('sha256').update(tx.verifier!).digest('base64url'));
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('state')).toBe(tx.state);
  expect(url.searchParams.get('nonce')).toBe(tx.nonce);
  expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:3001/auth/callback');
  expect(tx.returnTo).toBe('/disclosure/track');
  // a second login gets fresh values
  const other = await auth.startLogin(jar());
  expect(other.searchParams.get('state')).not.toBe(tx.state);
  expect(other.searchParams.get('nonce')).not.toBe(tx.nonce);
});

test('a callback without its login cookie, or with another state, fails with a Chinese message', async () => {
  stubDiscovery();
  const auth = new WebAuth(readWebAuthConfig(env, 'portal'));
  await expect(auth.finishLogin(jar(), new URL('http://127.0.0.1:3001/auth/callback?code=x&state=y'))).rejects.toMatchObject({
    code: 'LOGIN_EXPIRED',
    messageZh: expect.stringContaining('重新登录'),
  });
  const cookies = jar();
  await auth.startLogin(cookies);
  await expect(auth.finishLogin(cookies, new URL('http://127.0.0.1:3001/auth/callback?code=x&state=forged'))).rejects.toMatchObject({
    code: 'LOGIN_FAILED',
  });
  expect(cookies.values.has('portal_login')).toBe(false); // spent either way
});

test('over https the cookies are Secure with the __Host- prefix', () => {
  expect(cookieNames('console', true)).toEqual({ session: '__Host-console_session', login: '__Host-console_login' });
  expect(cookieNames('portal', false).session).toBe('portal_session');
});

test('CSRF: only the session token matches, compared in constant time; a missing or other token does not', async () => {
  const store = new MemorySessionStore();
  const auth = new WebAuth(readWebAuthConfig(env, 'portal'), { store });
  const cookies = jar();
  expect(await auth.csrfToken(cookies)).toBeNull();
  await store.set(session('s1', 'token-abc', Date.now()));
  cookies.set('portal_session', 's1', { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 60 });
  expect(await auth.csrfToken(cookies)).toBe('token-abc');
  expect(await auth.checkCsrf(cookies, 'token-abc')).toBe(true);
  expect(await auth.checkCsrf(cookies, 'token-abd')).toBe(false);
  expect(await auth.checkCsrf(cookies, undefined)).toBe(false);
  expect(await auth.checkCsrf(jar(), 'token-abc')).toBe(false);
  expect(csrfMatches('abc', 'abcd')).toBe(false);
});

test('a due access token is refreshed once however many calls ask at the same time (the issuer takes a refresh token once)', async () => {
  const issuer = env.OIDC_ISSUER_URL;
  const used = new Set<string>();
  let refreshes = 0;
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.endsWith('/token')) {
      return Response.json({ issuer, token_endpoint: `${issuer}/protocol/openid-connect/token`, jwks_uri: `${issuer}/certs` });
    }
    const token = new URLSearchParams(init?.body as string).get('refresh_token') ?? '';
    if (used.has(token)) return Response.json({ error: 'invalid_grant' }, { status: 400 });
    used.add(token);
    refreshes++;
    return Response.json({ access_token: `fresh-${refreshes}`, token_type: 'Bearer', expires_in: 300, refresh_token: `r${refreshes + 1}` });
  });
  const store = new MemorySessionStore();
  const auth = new WebAuth(readWebAuthConfig(env, 'portal'), { store });
  await store.set({ ...session('s1', 'csrf', Date.now()), accessTokenExpiresAt: Date.now() - 1, refreshToken: 'r1' });
  const cookies = jar();
  cookies.set('portal_session', 's1', { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 60 });
  expect(await Promise.all([auth.accessToken(cookies), auth.accessToken(cookies), auth.accessToken(cookies)])).toEqual([
    'fresh-1',
    'fresh-1',
    'fresh-1',
  ]);
  expect(refreshes).toBe(1);
  expect((await store.get('s1'))?.refreshToken).toBe('r2');
  expect(await auth.user(cookies)).not.toBeNull();
});

test('the memory store forgets idle and old sessions, and the least recently used past its size', async () => {
  const clock = { now: 0 };
  const store = new MemorySessionStore({ maxSessions: 2, idleMilliseconds: 1000, absoluteMilliseconds: 5000, now: () => clock.now });
  await store.set(session('a'));
  await store.set(session('b'));
  await store.get('a'); // a is now the most recent
  await store.set(session('c'));
  expect(await store.get('b')).toBeUndefined();
  expect(await store.get('a')).toBeDefined();
  clock.now = 1500;
  expect(await store.get('c')).toBeUndefined();
});

test('return paths stay on this site', () => {
  expect(safeReturnPath('/guides/1?x=1')).toBe('/guides/1?x=1');
  for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', '', undefined]) expect(safeReturnPath(bad)).toBe('/');
});

test('configuration names the missing or malformed variable', () => {
  expect(() => readWebAuthConfig({ ...env, OIDC_ISSUER_URL: undefined }, 'portal')).toThrow(/OIDC_ISSUER_URL/);
  expect(() => readWebAuthConfig({ ...env, AUTH_REDIRECT_BASE: 'ftp://x' }, 'portal')).toThrow(WebAuthConfigError);
  expect(() => readWebAuthConfig({ ...env, OIDC_CLIENT_ID: ' ' }, 'portal')).toThrow(/OIDC_CLIENT_ID/);
});

function session(id: string, csrfToken = 'csrf', at = 0): Session {
  return {
    id,
    subject: 's',
    name: 'n',
    roles: [],
    accessToken: 'a',
    accessTokenExpiresAt: Number.MAX_SAFE_INTEGER,
    idToken: 'i',
    csrfToken,
    createdAt: at,
    lastSeenAt: at,
  };
}
