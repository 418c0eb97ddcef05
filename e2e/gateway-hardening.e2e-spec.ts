import { SignJWT, generateKeyPair } from 'jose';
import { bearer, claimsOf, tokenFor } from './auth.js';
import { type Stack, startStack } from './stack.js';

// The gateway with its embedded issuer, behind a "proxy" on loopback: each test speaks from its own
// client address (X-Forwarded-For), so rate limits and lockouts of one test never touch another.
let stack: Stack;
const SUBMIT_LIMIT = 3;

beforeAll(async () => {
  stack = await startStack({
    gatewayEnv: { TRUST_PROXY: 'loopback', RATE_LIMIT_SUBMIT_PER_MINUTE: String(SUBMIT_LIMIT), LOGIN_ADDRESS_FAILURE_FACTOR: '10' },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const from = (address: string) => ({ 'x-forwarded-for': address });

const submission = {
  applicant: { type: 'NATURAL_PERSON', name: '孙七', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13900000001' },
  description: '关于某项行政许可的办理依据',
  deliveryForm: 'EMAIL',
};

async function raw(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(`${stack.gatewayUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, headers: res.headers };
}

function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${stack.issuerUrl}/protocol/openid-connect/token`, { method: 'POST', headers, body: new URLSearchParams(form) });
}

test('no spelling of a submission path escapes the rate limit: other cases, encodings and slashes are 404', async () => {
  const client = from('198.51.100.11');
  for (let i = 0; i < SUBMIT_LIMIT; i++) expect((await raw('POST', '/api/v1/disclosure-requests', client, submission)).status).toBe(201);
  const limited = await raw('POST', '/api/v1/disclosure-requests', client, submission);
  expect(limited.status).toBe(429);
  const variants = [
    '/API/v1/disclosure-requests',
    '/api/V1/disclosure-requests',
    '/Api/v1/Disclosure-Requests',
    '/api/v1/disclosure%2Drequests',
    '/%61pi/v1/disclosure-requests',
    '//api/v1/disclosure-requests',
    '/api//v1/disclosure-requests',
    '/api/v1//disclosure-requests',
    '/api/v1/disclosure-requests/',
    '/api/v1/./disclosure-requests',
  ];
  const outcomes = [];
  for (const path of variants) outcomes.push(`${path} → ${(await raw('POST', path, client, submission)).status}`);
  // Each variant is either not a route at all (404) or the same route, still limited (429).
  expect(outcomes.filter((o) => !/→ (404|429)$/.test(o))).toEqual([]);
  const upper = await raw('POST', '/API/v1/disclosure-requests', client, submission);
  expect(upper.json.code).toBe('ROUTE_NOT_FOUND');
});

test('429 carries the standard Retry-After and RateLimit headers; other answers show what is left', async () => {
  const client = from('198.51.100.12');
  const first = await raw('POST', '/api/v1/disclosure-requests', client, submission);
  expect(first.status).toBe(201);
  expect(first.headers.get('ratelimit-limit')).toBe(String(SUBMIT_LIMIT));
  expect(first.headers.get('ratelimit-remaining')).toBe(String(SUBMIT_LIMIT - 1));
  let refused = first;
  for (let i = 0; i < SUBMIT_LIMIT + 1 && refused.status !== 429; i++)
    refused = await raw('POST', '/api/v1/disclosure-requests', client, submission);
  expect(refused.status).toBe(429);
  expect(refused.json.code).toBe('RATE_LIMITED');
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(refused.headers.get('ratelimit-remaining')).toBe('0');
  expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
  expect(refused.headers.get('retry-after-submit')).toBeNull();

  // A rejected token is refused before any budget is touched: no fresh allowance, nothing reset.
  const garbage = await raw('POST', '/api/v1/disclosure-requests', { ...client, authorization: 'Bearer not-a-jwt' }, submission);
  expect(garbage.status).toBe(401);
  expect((await raw('POST', '/api/v1/disclosure-requests', client, submission)).status).toBe(429);
});

test('sign-in brute force: a burst from one address gets 429 with Retry-After, and the attacked user stays locked even with the right password', async () => {
  const attacker = from('203.0.113.21');
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 300; i++) {
    const res = await tokenRequest(
      { grant_type: 'password', client_id: 'govdisc-web', username: 'lockout-probe', password: `guess-${i}` },
      attacker,
    );
    statuses.push(res.status);
    if (res.status === 429) retryAfter = res.headers.get('retry-after');
    await res.body?.cancel();
  }
  expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
  expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  expect(Number(retryAfter)).toBeGreaterThan(0);

  // From elsewhere: the right password does not work either while the user is locked (Keycloak's answer).
  const right = await tokenRequest(
    { grant_type: 'password', client_id: 'govdisc-web', username: 'lockout-probe', password: 'demo-lockout-probe' },
    from('203.0.113.22'),
  );
  expect(right.status).toBe(400);
  expect(await right.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
  // Nobody else is affected.
  const other = await tokenRequest(
    { grant_type: 'password', client_id: 'govdisc-web', username: 'citizen1', password: 'demo-citizen1' },
    from('203.0.113.22'),
  );
  expect(other.status).toBe(200);
});

test('client secrets likewise: guessing locks the client for a while', async () => {
  const guess = (secret: string, address: string) =>
    tokenRequest({ grant_type: 'client_credentials', client_id: 'dept-system-demo', client_secret: secret }, from(address));
  for (let i = 0; i < 5; i++) expect((await guess(`guess-${i}`, '203.0.113.31')).status).toBe(401);
  const right = await guess('dept-system-demo-secret', '203.0.113.32');
  expect(right.status).toBe(401);
  expect(((await right.json()) as { error: string }).error).toBe('invalid_client');
});

test('malformed Basic client credentials are a 400 with an OAuth error body, not a 500', async () => {
  const res = await tokenRequest(
    { grant_type: 'client_credentials' },
    { ...from('203.0.113.41'), authorization: `Basic ${Buffer.from('%:x').toString('base64')}` },
  );
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ error: 'invalid_request' });
});

test('tracking codes, tokens and personal numbers never reach the access log', async () => {
  const code = 'ZZTRACKSECRET9';
  await raw('GET', `/api/v1/disclosure-requests/track/${code}`, from('198.51.100.51'));
  await raw('GET', `/api/v1/policies/search?q=${encodeURIComponent('身份证11010519491231002X 电话13812345678')}`, from('198.51.100.51'));
  await raw('GET', '/api/v1/policies?access_token=LEAKYTOKEN123&page=1', from('198.51.100.51'));
  await new Promise((r) => setTimeout(r, 500)); // asynchronous log writes
  const log = stack.apps.gateway.tail(400);
  expect(log).toContain('/api/v1/disclosure-requests/track/[redacted]');
  for (const secret of [code, '11010519491231002X', '13812345678', 'LEAKYTOKEN123']) expect(log).not.toContain(secret);
});

test('Idempotency-Key: the same body with its keys in another order is a replay, not a conflict', async () => {
  const headers = { ...bearer(await tokenFor(stack.issuerUrl, 'editor1')), 'idempotency-key': 'e2e-idem-reorder-01' };
  const first = await raw('POST', '/api/v1/policies', headers, {
    title: '江东市键序测试',
    body: '第一条 键序。',
    agency: '江东市人民政府',
  });
  expect(first.status).toBe(201);
  const reordered = await raw('POST', '/api/v1/policies', headers, {
    agency: '江东市人民政府',
    body: '第一条 键序。',
    title: '江东市键序测试',
  });
  expect(reordered.status).toBe(201);
  expect(reordered.json.id).toBe(first.json.id);
  expect(reordered.headers.get('idempotent-replayed')).toBe('true');
});

test('token errors say what is wrong, never an internal message', async () => {
  const call = (token: string) => raw('GET', '/api/v1/notifications', bearer(token));
  for (const garbage of ['not-a-jwt', 'a.b.c', 'eyJhbGciOiJIUzI1NiJ9.e30.x']) {
    const res = await call(garbage);
    expect(res.status).toBe(401);
    expect(res.json.details.reason).toBe('malformed');
  }
  // Genuine claims, signed with a key the issuer never had, twice in a row (the second used to leak "reading 'then'").
  const real = claimsOf(await tokenFor(stack.issuerUrl, 'citizen1'));
  const { privateKey } = await generateKeyPair('RS256');
  for (let i = 0; i < 2; i++) {
    const forged = await new SignJWT({ ...real }).setProtectedHeader({ alg: 'RS256', kid: `attacker-${i}` }).sign(privateKey);
    const res = await call(forged);
    expect(res.status).toBe(401);
    expect(res.json.details).toEqual({ reason: 'bad_signature' });
  }
  // A forgery is a bad signature even when its claims are also off (keycloak-connect looks at `exp` first).
  const forgedExpired = await new SignJWT({ ...real, exp: Math.floor(Date.now() / 1000) - 600 })
    .setProtectedHeader({ alg: 'RS256', kid: 'attacker-expired' })
    .sign(privateKey);
  expect((await call(forgedExpired)).json.details).toEqual({ reason: 'bad_signature' });
});

test('Content-Security-Policy: strict on the API, swagger-compatible on /docs, and the docs page still loads its assets', async () => {
  const apiRes = await raw('GET', '/api/v1/policies');
  expect(apiRes.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(apiRes.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  const docs = await fetch(`${stack.gatewayUrl}/docs`);
  expect(docs.status).toBe(200);
  const csp = docs.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  const html = await docs.text();
  expect(html).toContain('swagger-ui');
  // Every script and stylesheet the page references comes from our own origin ('self') and loads.
  const assets = [...html.matchAll(/(?:src|href)=["']([^"']+\.(?:js|css))["']/g)].map((m) => new URL(m[1]!, `${stack.gatewayUrl}/docs`));
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) {
    expect(asset.origin).toBe(new URL(stack.gatewayUrl).origin);
    expect((await fetch(asset)).status).toBe(200);
  }
});

test('metrics are not on the public port; the internal listener serves them', async () => {
  const publicMetrics = await raw('GET', '/metrics');
  expect(publicMetrics.status).toBe(404);
  const internal = await fetch(stack.gatewayMetricsUrl);
  expect(internal.status).toBe(200);
  expect(await internal.text()).toContain('process_cpu_user_seconds_total');
  expect((await raw('GET', '/health')).status).toBe(200);
  expect((await raw('GET', '/ready')).status).toBe(200);
});
