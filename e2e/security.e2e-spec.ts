import { ROLES, accessPolicy, isAllowed, type RouteKey } from '../apps/gateway/src/auth/access-policy.js';
import { eventually, queryRows } from '@govdisc/testing';
import { SignJWT, generateKeyPair } from 'jose';
import { readFileSync } from 'node:fs';
import { DEMO_USERS, bearer, claimsOf, clientToken, ensureRealmClient, realmPeople, tokenFor } from './auth.js';
import { type Stack, api, repoRoot, startStack } from './stack.js';
import { launchBrowser, newContext, screenshotDir, startWeb } from './web/web-stack.js';
import { join } from 'node:path';

// The gateway verifies tokens of a real Keycloak here (started by scripts/test.sh).
const keycloakUrl = process.env.KEYCLOAK_URL;
let stack: Stack;

beforeAll(async () => {
  if (!keycloakUrl) throw new Error('KEYCLOAK_URL is not set: run with `npm test`, which starts Keycloak');
  // The admins' user list reads Keycloak's Admin REST API through the realm file's read-only service-account client.
  await ensureRealmClient(keycloakUrl, 'govdisc-user-directory');
  stack = await startStack({
    gatewayEnv: {
      KEYCLOAK_URL: keycloakUrl,
      RATE_LIMIT_SUBMIT_PER_MINUTE: '5',
      KEYCLOAK_DIRECTORY_CLIENT_SECRET: 'govdisc-user-directory-secret',
    },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

interface Operation {
  method: string;
  path: string;
  key: RouteKey;
}

/** Every API operation with its matrix row, read from the gateway's own OpenAPI document. */
async function operations(): Promise<Operation[]> {
  const spec = (await (await fetch(`${stack.gatewayUrl}/docs/openapi.json`)).json()) as any;
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries<Record<string, { 'x-access'?: { key: RouteKey } }>>(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!path.startsWith('/api/v1/')) continue;
      if (!op['x-access']) throw new Error(`${method.toUpperCase()} ${path} has no access-matrix row`);
      ops.push({
        method: method.toUpperCase(),
        path: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
        key: op['x-access'].key,
      });
    }
  }
  return ops;
}

const call = (op: Operation, headers: Record<string, string>) =>
  api(stack, op.method, op.path.replace('/api/v1', ''), op.method === 'GET' ? undefined : {}, headers);

test('every route in the OpenAPI document has a matrix row, and the matrix has no stale rows', async () => {
  const ops = await operations();
  expect(new Set(ops.map((o) => o.key))).toEqual(new Set(Object.keys(accessPolicy)));
});

test('authorization matrix: every route × anonymous and every role, with real Keycloak tokens', async () => {
  const ops = await operations();
  const failures: string[] = [];
  for (const op of ops) {
    const anon = await call(op, {});
    const anonAllowed = isAllowed(op.key, [], false);
    if (anonAllowed ? [401, 403].includes(anon.status) : anon.status !== 401)
      failures.push(`${op.method} ${op.path} anonymous → ${anon.status}`);
    for (const role of ROLES) {
      const res = await call(op, bearer(await tokenFor(stack.issuerUrl, DEMO_USERS[role])));
      const allowed = isAllowed(op.key, [role], true);
      if (allowed ? [401, 403].includes(res.status) : res.status !== 403) failures.push(`${op.method} ${op.path} ${role} → ${res.status}`);
    }
  }
  expect(failures).toEqual([]);
});

test("admins list Keycloak's users with their realm roles and department; search and pages; everyone else is refused", async () => {
  const admin = bearer(await tokenFor(stack.issuerUrl, DEMO_USERS.admin));
  const all = await api(stack, 'GET', '/admin/users?pageSize=100', undefined, admin);
  expect(all.status).toBe(200);
  expect(all.json.provider).toEqual({ kind: 'keycloak', adminConsoleUrl: `${keycloakUrl}/admin/govdisc/console/` });
  const listed = new Map<string, unknown>(all.json.items.map((u: { username: string }) => [u.username, u]));
  // Every person of the realm file, as Keycloak reports them (the shared server may hold more users made at run time).
  for (const person of realmPeople(ROLES)) expect(listed.get(person.username)).toEqual(person);
  expect([...listed.keys()].filter((name) => name.startsWith('service-account-'))).toEqual([]);
  // Only the public view: no Keycloak ids, emails or attributes besides the department.
  for (const item of all.json.items) expect(Object.keys(item).sort()).toEqual(['department', 'name', 'roles', 'username']);
  expect(JSON.stringify(all.json)).not.toMatch(/@govdisc\.example|secret/);

  const found = await api(stack, 'GET', '/admin/users?q=EDIT', undefined, admin);
  const names = found.json.items.map((u: { username: string }) => u.username);
  expect(names).toEqual(expect.arrayContaining(['editor1', 'editor2', 'editor-hr']));
  expect(names).not.toContain('admin1');
  expect(found.json.total).toBe(names.length);
  const paged: string[] = [];
  for (let page = 1; page <= found.json.total; page++) {
    const one = await api(stack, 'GET', `/admin/users?q=edit&page=${page}&pageSize=1`, undefined, admin);
    expect([one.status, one.json.total, one.json.items.length]).toEqual([200, found.json.total, 1]);
    paged.push(one.json.items[0].username);
  }
  expect(paged).toEqual(names);

  expect((await api(stack, 'GET', '/admin/users?pageSize=500', undefined, admin)).json.code).toBe('VALIDATION_FAILED');
  expect((await api(stack, 'GET', '/admin/users')).status).toBe(401);
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const refused = await api(stack, 'GET', '/admin/users', undefined, bearer(await tokenFor(stack.issuerUrl, DEMO_USERS[role])));
    expect([role, refused.status, refused.json.code]).toEqual([role, 403, 'FORBIDDEN']);
  }
});

test('Keycloak tokens carry realm roles and the department; a department system uses client credentials', async () => {
  const officer = claimsOf(await tokenFor(stack.issuerUrl, 'officer-edu'));
  expect(officer.iss).toBe(`${keycloakUrl}/realms/govdisc`);
  expect(officer.department).toBe('edu');
  const system = await clientToken(stack.issuerUrl);
  expect(claimsOf(system)).toMatchObject({ department: 'edu', realm_access: { roles: expect.arrayContaining(['dept-officer']) } });
  expect((await api(stack, 'GET', '/notifications', undefined, bearer(system))).status).toBe(200);
});

test('no token, a malformed header, a forged signature, another realm and an expired token are all 401', async () => {
  const route = '/notifications';
  expect((await api(stack, 'GET', route)).json.code).toBe('AUTH_REQUIRED');
  expect((await api(stack, 'GET', route, undefined, { authorization: 'Basic abc' })).status).toBe(401);
  const garbage = await api(stack, 'GET', route, undefined, { authorization: 'Bearer not-a-jwt' });
  expect(garbage.status).toBe(401);
  expect(garbage.json.details.reason).toBe('malformed');

  // Same claims, same issuer and audience as Keycloak's, signed with a key Keycloak never had.
  const real = claimsOf(await tokenFor(stack.issuerUrl, 'admin1'));
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT({ ...real }).setProtectedHeader({ alg: 'RS256', kid: 'attacker-key' }).sign(privateKey);
  const forgedRes = await api(stack, 'GET', route, undefined, bearer(forged));
  expect(forgedRes.status).toBe(401);
  expect(forgedRes.json.code).toBe('AUTH_INVALID_TOKEN');
  expect(forgedRes.json.details.reason).toBe('bad_signature');

  // A perfectly valid token from another realm (master) is not ours.
  const master = (await (
    await fetch(`${keycloakUrl}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
    })
  ).json()) as any;
  const otherRealm = await api(stack, 'GET', route, undefined, bearer(master.access_token));
  expect(otherRealm.status).toBe(401);

  // Expired: a genuine Keycloak token from a test client whose tokens live 1 second.
  const shortLivedToken = async () =>
    (await (
      await fetch(`${stack.issuerUrl}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', client_id: 'govdisc-test-short', username: 'admin1', password: 'demo-admin1' }),
      })
    ).json()) as any;
  // Accepted while it lives. A token that lives a second can expire before a loaded machine checks it: a fresh one then.
  const shortLived = await eventually(
    async () => {
      const token = await shortLivedToken();
      expect(claimsOf(token.access_token).exp - claimsOf(token.access_token).iat).toBeLessThanOrEqual(2);
      expect((await api(stack, 'GET', route, undefined, bearer(token.access_token))).status).toBe(200);
      return token;
    },
    { timeoutMs: 15_000, intervalMs: 100 },
  );
  const expired = await eventually(
    async () => {
      const res = await api(stack, 'GET', route, undefined, bearer(shortLived.access_token));
      expect(res.status).toBe(401);
      return res;
    },
    { timeoutMs: 5_000, intervalMs: 250 },
  );
  expect(expired.json.details.reason).toBe('expired');
});

test('a signed-in role without permission is 403, the right role passes', async () => {
  const body = { title: '江东市测试文件', body: '第一条 测试。' };
  const citizen = await api(stack, 'POST', '/policies', body, bearer(await tokenFor(stack.issuerUrl, 'citizen1')));
  expect(citizen.status).toBe(403);
  expect(citizen.json.code).toBe('FORBIDDEN');
  const editor = await api(stack, 'POST', '/policies', body, bearer(await tokenFor(stack.issuerUrl, 'editor1')));
  expect(editor.status).toBe(201);
  const publishByEditor = await api(
    stack,
    'POST',
    `/policies/${editor.json.id}/publish`,
    undefined,
    bearer(await tokenFor(stack.issuerUrl, 'editor1')),
  );
  expect(publishByEditor.status).toBe(403);
  const publishByReviewer = await api(
    stack,
    'POST',
    `/policies/${editor.json.id}/publish`,
    undefined,
    bearer(await tokenFor(stack.issuerUrl, 'reviewer1')),
  );
  expect(publishByReviewer.status).toBe(200);
});

test('submission routes are rate limited per client with 429 and a Retry-After', async () => {
  const body = {
    applicant: { type: 'NATURAL_PERSON', name: '王五', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13900000000' },
    description: '关于某项行政许可的办理依据',
    deliveryForm: 'EMAIL',
  };
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 8; i++) {
    const res = await api(stack, 'POST', '/disclosure-requests', body);
    statuses.push(res.status);
    if (res.status === 429) {
      retryAfter = res.headers.get('retry-after');
      expect(res.json.code).toBe('RATE_LIMITED');
    }
  }
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  // Without TRUST_PROXY no client can pick its own address, and a rejected token is refused before the limiter.
  expect((await api(stack, 'POST', '/disclosure-requests', body, { 'x-forwarded-for': '192.0.2.77' })).status).toBe(429);
  expect((await api(stack, 'POST', '/disclosure-requests', body, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
  expect((await api(stack, 'POST', '/disclosure-requests', body)).status).toBe(429);
  // The limit is per client: a signed-in user is counted apart from the anonymous IP.
  const signedIn = await api(stack, 'POST', '/disclosure-requests', body, bearer(await tokenFor(stack.issuerUrl, 'hotline1')));
  expect(signedIn.status).toBe(201);
});

test('security headers are set and unknown origins get no CORS grant', async () => {
  const res = await fetch(`${stack.gatewayUrl}/api/v1/policies`, { headers: { origin: 'https://evil.example' } });
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
  expect(res.headers.get('x-powered-by')).toBeNull();
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
});

/** Keycloak's admin API as the master admin (the test Keycloak's bootstrap account). */
async function keycloakAdmin(path: string, init: RequestInit = {}) {
  const { access_token } = (await (
    await fetch(`${keycloakUrl}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
    })
  ).json()) as { access_token: string };
  const res = await fetch(`${keycloakUrl}/admin/realms/govdisc${path}`, { ...init, headers: { authorization: `Bearer ${access_token}` } });
  if (!res.ok) throw new Error(`Keycloak admin ${path}: HTTP ${res.status}`);
  return res.status === 204 ? null : ((await res.json()) as any);
}

test("Keycloak locks an account after failureFactor wrong passwords, with the realm export's settings (the embedded issuer reads the same)", async () => {
  const exported = JSON.parse(readFileSync(`${repoRoot}infra/keycloak/realm-govdisc.json`, 'utf8'));
  const live = await keycloakAdmin('');
  const settings = [
    'bruteForceProtected',
    'permanentLockout',
    'bruteForceStrategy',
    'failureFactor',
    'waitIncrementSeconds',
    'maxFailureWaitSeconds',
    'maxDeltaTimeSeconds',
    'quickLoginCheckMilliSeconds',
    'minimumQuickLoginWaitSeconds',
  ];
  for (const key of settings) expect({ [key]: live[key] }).toEqual({ [key]: exported[key] });
  expect(live).toMatchObject({ bruteForceProtected: true, permanentLockout: false });

  // Only the dedicated probe account is ever locked: the demo users stay usable for every other test.
  const [probe] = await keycloakAdmin('/users?username=lockout-probe&exact=true');
  const lockout = `/attack-detection/brute-force/users/${probe.id}`;
  const signIn = (password: string) =>
    fetch(`${stack.issuerUrl}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'govdisc-web', username: 'lockout-probe', password }),
    });
  await keycloakAdmin(lockout, { method: 'DELETE' });
  try {
    for (let i = 0; i < live.failureFactor; i++) expect((await signIn(`guess-${i}`)).status).toBe(400);
    const right = await signIn('demo-lockout-probe');
    expect(right.status).toBe(400);
    expect(await right.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
    expect(await keycloakAdmin(lockout)).toMatchObject({ disabled: true });
  } finally {
    await keycloakAdmin(lockout, { method: 'DELETE' });
  }
  expect((await signIn('demo-lockout-probe')).status).toBe(200); // temporary: once lifted, the account works
});

test('Idempotency-Key: a retry replays the first answer, another body with the same key is refused', async () => {
  const headers = { ...bearer(await tokenFor(stack.issuerUrl, 'editor1')), 'idempotency-key': 'e2e-idem-0001' };
  const body = { title: '江东市幂等测试文件', body: '第一条 幂等。' };
  const first = await api(stack, 'POST', '/policies', body, headers);
  const retry = await api(stack, 'POST', '/policies', body, headers);
  expect(first.status).toBe(201);
  expect(retry.status).toBe(201);
  expect(retry.json.id).toBe(first.json.id);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  const rows = await queryRows(stack.databaseUrl, "SELECT id FROM policy.policy_document WHERE title = '江东市幂等测试文件'");
  expect(rows).toHaveLength(1);
  const other = await api(stack, 'POST', '/policies', { ...body, title: '另一个文件' }, headers);
  expect(other.status).toBe(422);
  expect(other.json.code).toBe('IDEMPOTENCY_KEY_REUSED');
  const badKey = await api(stack, 'POST', '/policies', body, { ...headers, 'idempotency-key': 'x' });
  expect(badKey.status).toBe(400);
});

test('staff writes land in an append-only audit log that only admins can read', async () => {
  const editor = await tokenFor(stack.issuerUrl, 'editor1');
  const created = await api(
    stack,
    'POST',
    '/policies',
    { title: '审计测试', body: '第一条 审计。' },
    { ...bearer(editor), 'x-request-id': 'audit-trace-01' },
  );
  expect(created.status).toBe(201);
  const admin = bearer(await tokenFor(stack.issuerUrl, 'admin1'));
  const entry = await eventually(async () => {
    const log = await api(stack, 'GET', `/audit-log?actorSub=${claimsOf(editor).sub}&pageSize=100`, undefined, admin);
    expect(log.status).toBe(200);
    const hit = log.json.items.find((e: { requestId: string }) => e.requestId === 'audit-trace-01');
    expect(hit).toBeDefined();
    return hit;
  });
  expect(entry).toMatchObject({ method: 'POST', routeKey: 'policies.create', status: 201, actorRoles: ['editor'] });
  expect((await api(stack, 'GET', '/audit-log', undefined, bearer(editor))).status).toBe(403);
  await expect(queryRows(stack.databaseUrl, 'UPDATE gateway.audit_entry SET status = 200')).rejects.toThrow(/append-only/);
  await expect(queryRows(stack.databaseUrl, 'DELETE FROM gateway.audit_entry')).rejects.toThrow(/append-only/);
});

test("a department officer sees only their own department's requests (real Keycloak department claim)", async () => {
  const gio = bearer(await tokenFor(stack.issuerUrl, 'gio1'));
  const applicant = { type: 'NATURAL_PERSON', name: '赵六', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13700000000' };
  const submitted = await api(
    stack,
    'POST',
    '/disclosure-requests',
    { applicant, channel: 'IN_PERSON', receivedOn: '2026-03-02', description: '江东市2025年义务教育入学人数统计', deliveryForm: 'PAPER' },
    gio,
  );
  expect(submitted.status).toBe(201);
  const no = submitted.json.requestNumber;
  expect(
    (
      await api(
        stack,
        'POST',
        `/disclosure-requests/${no}/actions`,
        { action: { type: 'ACCEPT', on: '2026-03-02', department: 'edu' } },
        gio,
      )
    ).status,
  ).toBe(200);
  const edu = bearer(await tokenFor(stack.issuerUrl, 'officer-edu'));
  const hr = bearer(await tokenFor(stack.issuerUrl, 'officer-hr'));
  const eduQueue = await api(stack, 'GET', '/disclosure-requests', undefined, edu);
  const hrQueue = await api(stack, 'GET', '/disclosure-requests', undefined, hr);
  expect(eduQueue.json.items.map((i: { requestNumber: string }) => i.requestNumber)).toContain(no);
  expect(hrQueue.json.items.map((i: { requestNumber: string }) => i.requestNumber)).not.toContain(no);
  expect([403, 404]).toContain((await api(stack, 'GET', `/disclosure-requests/${no}`, undefined, hr)).status);
  expect((await api(stack, 'GET', `/disclosure-requests/${no}`, undefined, edu)).status).toBe(200);
});

test("the portal's sign-in against real Keycloak: a citizen signs in on Keycloak's login page (code + PKCE) and lands on /me, which the gateway serves with the Keycloak token", async () => {
  const web = await startWeb(stack, { OIDC_ISSUER_URL: `${keycloakUrl}/realms/govdisc` });
  const browser = await launchBrowser();
  try {
    const page = await (await newContext(browser, web.url, { javaScript: true })).newPage();
    await page.goto(`${web.url}/me`);
    await page.waitForURL((u) => u.href.startsWith(`${keycloakUrl}/realms/govdisc/protocol/openid-connect/auth?`));
    const authorize = new URL(page.url()).searchParams;
    expect([authorize.get('code_challenge_method'), authorize.get('client_id')]).toEqual(['S256', 'govdisc-web']);
    await page.screenshot({ path: join(screenshotDir, 'keycloak-login-desktop.png'), fullPage: true });
    await page.locator('#username').fill('citizen1');
    await page.locator('#password').fill('demo-citizen1');
    await page.locator('#kc-login').click();
    await page.waitForURL(`${web.url}/me`);
    await expect(page.locator('h1').textContent()).resolves.toBe('我的申请');
    expect(await page.locator('main [role=alert]').count()).toBe(0); // the gateway answered /disclosure-requests/mine
    await expect(page.locator('.account-menu').textContent()).resolves.toContain('退出');
  } finally {
    await browser.close();
    await web.app.stop();
  }
}, 120_000);
