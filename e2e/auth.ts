import { readFileSync } from 'node:fs';
/** Tokens for e2e tests from the stack's issuer (real Keycloak or the embedded one): same realm, same users. */
export const DEMO_USERS = {
  citizen: 'citizen1',
  enterprise: 'enterprise1',
  editor: 'editor1',
  reviewer: 'reviewer1',
  'dept-officer': 'officer-edu',
  'hotline-operator': 'hotline1',
  'disclosure-officer': 'gio1',
  admin: 'admin1',
} as const;

const cache = new Map<string, { token: string; until: number }>();

async function requestToken(issuerUrl: string, form: Record<string, string>): Promise<string> {
  const key = `${issuerUrl}|${JSON.stringify(form)}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.token;
  const res = await fetch(`${issuerUrl}/protocol/openid-connect/token`, { method: 'POST', body: new URLSearchParams(form) });
  if (!res.ok) throw new Error(`token request failed: HTTP ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { access_token: string; expires_in: number };
  cache.set(key, { token: json.access_token, until: Date.now() + (json.expires_in - 30) * 1000 });
  return json.access_token;
}

/** Password grant for a demo user (password `demo-<username>`). */
export function tokenFor(issuerUrl: string, username: string): Promise<string> {
  return requestToken(issuerUrl, { grant_type: 'password', client_id: 'govdisc-web', username, password: `demo-${username}` });
}

/** Client-credentials grant, as a department's own system would use. */
export function clientToken(issuerUrl: string, clientId = 'dept-system-demo', secret = 'dept-system-demo-secret'): Promise<string> {
  return requestToken(issuerUrl, { grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function claimsOf(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
}

interface RealmFile {
  clients: Array<{ clientId: string }>;
  users: Array<{
    username: string;
    firstName?: string;
    lastName?: string;
    realmRoles?: string[];
    attributes?: Record<string, string[]>;
    serviceAccountClientId?: string;
  }>;
}

const realmFile = (): RealmFile =>
  JSON.parse(readFileSync(new URL('../infra/keycloak/realm-govdisc.json', import.meta.url), 'utf8')) as RealmFile;

/** The people of the realm file as the admins' user list should show them (service accounts are not people). */
export function realmPeople(knownRoles: readonly string[]) {
  return realmFile()
    .users.filter((u) => !u.serviceAccountClientId)
    .map((u) => ({
      username: u.username,
      name: [u.firstName, u.lastName].filter(Boolean).join(' ') || null,
      department: u.attributes?.department?.[0] ?? null,
      roles: knownRoles.filter((r) => (u.realmRoles ?? []).includes(r)),
    }));
}

/**
 * Makes sure a running Keycloak knows a client of the realm file (and its service-account user with its roles), as
 * the file defines it: a Keycloak that imported an older file (a shared dev server) gets it added through the master
 * admin's partial import; one that imported this file skips it. KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD as keycloak.sh.
 */
export async function ensureRealmClient(keycloakUrl: string, clientId: string): Promise<void> {
  const realm = realmFile();
  const client = realm.clients.find((c) => c.clientId === clientId);
  if (!client) throw new Error(`realm file has no client ${clientId}`);
  const users = realm.users.filter((u) => u.serviceAccountClientId === clientId);
  const admin = await requestToken(`${keycloakUrl}/realms/master`, {
    grant_type: 'password',
    client_id: 'admin-cli',
    username: process.env.KC_BOOTSTRAP_ADMIN_USERNAME ?? 'admin',
    password: process.env.KC_BOOTSTRAP_ADMIN_PASSWORD ?? 'admin',
  });
  const res = await fetch(`${keycloakUrl}/admin/realms/govdisc/partialImport`, {
    method: 'POST',
    headers: { ...bearer(admin), 'content-type': 'application/json' },
    body: JSON.stringify({ ifResourceExists: 'SKIP', clients: [client], users }),
  });
  if (!res.ok) throw new Error(`partial import of ${clientId} failed: HTTP ${res.status} ${await res.text()}`);
}
