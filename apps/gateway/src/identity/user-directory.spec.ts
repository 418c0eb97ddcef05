import { DomainError, ErrorCode } from '@govdisc/contracts';
import { fileURLToPath } from 'node:url';
import { readRealmExport } from '../auth/realm-export.js';
import { EmbeddedUserDirectory } from './embedded-user-directory.js';
import { KeycloakAdminToken } from './keycloak-admin-token.js';
import { KeycloakUserDirectory, keycloakSearchOf, toDirectoryUser } from './keycloak-user-directory.js';
import { UserDirectoryPage, UserDirectoryQuery, displayNameOf, platformRolesOf } from './user-directory.js';

const realmFile = fileURLToPath(new URL('../../../../infra/keycloak/realm-govdisc.json', import.meta.url));
const query = (q: Record<string, unknown> = {}) => UserDirectoryQuery.parse(q);

describe('mapping what the provider reports to the public view', () => {
  test("Keycloak's user and effective realm roles: platform roles only, department from the attribute, nothing internal", () => {
    const user = toDirectoryUser(
      {
        id: 'f1c2-internal-id',
        username: 'officer-edu',
        firstName: 'Wei',
        lastName: 'Chen',
        attributes: { department: ['edu'], phone: ['13800000000'] },
        email: 'wei@example.org',
      } as never,
      ['default-roles-govdisc', 'offline_access', 'uma_authorization', 'dept-officer', 'admin'],
    );
    expect(user).toEqual({ username: 'officer-edu', name: 'Wei Chen', department: 'edu', roles: ['dept-officer', 'admin'] });
    expect(UserDirectoryPage.shape.items.element.strict().safeParse(user).success).toBe(true);
  });

  test('roles come in vocabulary order whatever order the provider lists them in; unknown ones are dropped', () => {
    expect(platformRolesOf(['admin', 'editor', 'realm-admin', 'citizen'])).toEqual(['citizen', 'editor', 'admin']);
    expect(platformRolesOf([])).toEqual([]);
  });

  test('display names: Chinese family name first without a space, Latin names first then last, none when both are empty', () => {
    expect(displayNameOf('军', '周')).toBe('周军');
    expect(displayNameOf('Jun', 'Zhou')).toBe('Jun Zhou');
    expect(displayNameOf(' ', null)).toBeNull();
    expect(displayNameOf(undefined, 'Zhou')).toBe('Zhou');
  });

  test("the search becomes Keycloak's infix form, its own wildcards and quotes removed", () => {
    expect(keycloakSearchOf('edit')).toBe('*edit*');
    expect(keycloakSearchOf('"*a*"')).toBe('*a*');
    expect(keycloakSearchOf('  ')).toBeUndefined();
    expect(keycloakSearchOf(undefined)).toBeUndefined();
  });

  test('the public query refuses unknown fields and oversized pages', () => {
    expect(UserDirectoryQuery.safeParse({ first: '0' }).success).toBe(false);
    expect(UserDirectoryQuery.safeParse({ pageSize: '500' }).success).toBe(false);
    expect(query({ q: ' editor ', page: '2' })).toEqual({ q: 'editor', page: 2, pageSize: 20 });
  });
});

describe('embedded issuer: the realm file the demo users sign in from', () => {
  const directory = new EmbeddedUserDirectory(readRealmExport(realmFile));

  test('lists people with their realm roles and department, never the service accounts', async () => {
    const all = await directory.list(query({ pageSize: 100 }));
    expect(all.provider).toEqual({ kind: 'embedded', adminConsoleUrl: null });
    expect(all.items.map((u) => u.username)).not.toContain('service-account-dept-system-demo');
    expect(all.items.some((u) => u.username.startsWith('service-account-'))).toBe(false);
    expect(all.items.find((u) => u.username === 'admin1')).toEqual({
      username: 'admin1',
      name: 'Jun Zhou',
      department: null,
      roles: ['admin'],
    });
    expect(all.items.find((u) => u.username === 'officer-hr')).toMatchObject({ department: 'hrss', roles: ['dept-officer'] });
    expect(all.total).toBe(all.items.length);
  });

  test('search matches username or name, case-insensitively; pages do not overlap and add up to the total', async () => {
    expect((await directory.list(query({ q: 'EDITOR' }))).items.map((u) => u.username)).toEqual(['editor-hr', 'editor1', 'editor2']);
    expect((await directory.list(query({ q: 'zhou' }))).items.map((u) => u.username)).toEqual(['admin1']);
    const pages = await Promise.all([1, 2, 3].map((page) => directory.list(query({ q: 'e', page, pageSize: 4 }))));
    const names = pages.flatMap((p) => p.items.map((u) => u.username));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(Math.min(12, pages[0]!.total));
    expect((await directory.list(query({ q: 'nobody-like-this' }))).total).toBe(0);
  });
});

/** A stand-in Keycloak: token endpoint and the three Admin REST API reads, counting calls. */
function fakeKeycloak(opts: { expiresIn?: number; down?: boolean; adminStatus?: number } = {}) {
  const calls: string[] = [];
  const users = [
    { id: 'u1', username: 'admin1', firstName: 'Jun', lastName: 'Zhou', attributes: {} },
    { id: 'u2', username: 'officer-edu', firstName: 'Wei', lastName: 'Chen', attributes: { department: ['edu'] } },
  ];
  const roles: Record<string, string[]> = { u1: ['default-roles-govdisc', 'admin'], u2: ['dept-officer', 'offline_access'] };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = (async (input: string | URL) => {
    const url = new URL(String(input));
    calls.push(url.pathname);
    if (opts.down) throw new TypeError('fetch failed');
    if (url.pathname.endsWith('/token')) return json({ access_token: `t${calls.length}`, expires_in: opts.expiresIn ?? 300 });
    if (opts.adminStatus) return json({ error: 'x' }, opts.adminStatus);
    if (url.pathname.endsWith('/users/count')) return json(users.length);
    if (url.pathname.endsWith('/users'))
      return json(
        users.slice(Number(url.searchParams.get('first')), Number(url.searchParams.get('first')) + Number(url.searchParams.get('max'))),
      );
    const id = /users\/([^/]+)\/role-mappings/.exec(url.pathname)?.[1] ?? '';
    return json((roles[id] ?? []).map((name) => ({ name, id: `role-${name}` })));
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const keycloakDirectory = (fake: ReturnType<typeof fakeKeycloak>, now = () => 0, secret: string | null = 's3cret') =>
  new KeycloakUserDirectory({
    baseUrl: 'http://kc.internal:8080',
    publicBaseUrl: 'https://sso.example.gov.cn',
    realm: 'govdisc',
    clientId: 'govdisc-user-directory',
    clientSecret: secret ?? undefined,
    timeoutMs: 1000,
    fetch: fake.fetch,
    now,
  });

describe('Keycloak: Admin REST API through the service-account client', () => {
  test('maps users and their effective realm roles; the answer holds no id or token; links the realm admin console', async () => {
    const fake = fakeKeycloak();
    const page = await keycloakDirectory(fake).list(query({ pageSize: 1, page: 2 }));
    expect(page).toEqual({
      items: [{ username: 'officer-edu', name: 'Wei Chen', department: 'edu', roles: ['dept-officer'] }],
      total: 2,
      page: 2,
      pageSize: 1,
      provider: { kind: 'keycloak', adminConsoleUrl: 'https://sso.example.gov.cn/admin/govdisc/console/' },
    });
    expect(JSON.stringify(page)).not.toMatch(/u2|t1|s3cret/);
    expect(fake.calls).toContain('/admin/realms/govdisc/users/u2/role-mappings/realm/composite');
  });

  test('the admin token is reused until shortly before it expires, then renewed', async () => {
    let now = 0;
    const fake = fakeKeycloak({ expiresIn: 300 });
    const directory = keycloakDirectory(fake, () => now);
    const tokens = () => fake.calls.filter((c) => c.endsWith('/token')).length;
    await directory.list(query());
    await directory.list(query());
    expect(tokens()).toBe(1);
    now = 269_000; // 300 s token, renewed 30 s before expiry
    await directory.list(query());
    expect(tokens()).toBe(1);
    now = 271_000;
    await directory.list(query());
    expect(tokens()).toBe(2);
  });

  test('concurrent first calls share one token request', async () => {
    const fake = fakeKeycloak();
    const token = new KeycloakAdminToken({
      baseUrl: 'http://kc',
      realm: 'r',
      clientId: 'c',
      clientSecret: 's',
      timeoutMs: 1000,
      fetch: fake.fetch,
    });
    const got = await Promise.all([token.get(), token.get(), token.get()]);
    expect(new Set(got).size).toBe(1);
    expect(fake.calls).toHaveLength(1);
  });

  test.each([
    ['Keycloak down', fakeKeycloak({ down: true }), 'unreachable'],
    ['the client lacks view-users', fakeKeycloak({ adminStatus: 403 }), 'forbidden'],
    ['Keycloak failing', fakeKeycloak({ adminStatus: 500 }), 'admin-api-500'],
  ])('%s → IDENTITY_PROVIDER_UNAVAILABLE (503), never a 500', async (_name, fake, reason) => {
    const error = await keycloakDirectory(fake)
      .list(query())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE, details: { reason } });
  });

  test('without a client secret it answers not-configured and asks Keycloak nothing', async () => {
    const fake = fakeKeycloak();
    await expect(keycloakDirectory(fake, () => 0, null).list(query())).rejects.toMatchObject({
      code: ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE,
      details: { reason: 'not-configured' },
    });
    expect(fake.calls).toEqual([]);
  });
});
