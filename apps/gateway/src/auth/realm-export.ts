import { readFileSync } from 'node:fs';
import { type BruteForcePolicy, KEYCLOAK_BRUTE_FORCE_DEFAULTS } from './login-failures.js';

/** The parts of a Keycloak realm export the embedded issuer needs: users, their roles, clients. */
export interface RealmUser {
  username: string;
  password?: string;
  roles: string[];
  department?: string;
  serviceAccountClientId?: string;
  firstName?: string;
  lastName?: string;
}
export interface RealmClient {
  clientId: string;
  publicClient: boolean;
  secret?: string;
  directAccessGrants: boolean;
  serviceAccounts: boolean;
  /** Authorization code flow ("standard flow" in Keycloak) and where it may send the code. */
  standardFlow: boolean;
  redirectUris: string[];
  /** Keycloak's "post.logout.redirect.uris": "+" means the redirect URIs. */
  postLogoutRedirectUris: string[];
}
export interface RealmExport {
  realm: string;
  accessTokenLifespan: number;
  /** Keycloak's brute-force detection of this realm; the embedded issuer applies the same. */
  bruteForce: BruteForcePolicy;
  users: RealmUser[];
  clients: RealmClient[];
}

interface RawRealm extends Partial<BruteForcePolicy> {
  realm: string;
  accessTokenLifespan?: number;
  permanentLockout?: boolean;
  bruteForceStrategy?: string;
  users?: Array<{
    username: string;
    enabled?: boolean;
    firstName?: string;
    lastName?: string;
    realmRoles?: string[];
    attributes?: Record<string, string[]>;
    credentials?: Array<{ type: string; value: string }>;
    serviceAccountClientId?: string;
  }>;
  clients?: Array<{
    clientId: string;
    publicClient?: boolean;
    secret?: string;
    directAccessGrantsEnabled?: boolean;
    serviceAccountsEnabled?: boolean;
    standardFlowEnabled?: boolean;
    redirectUris?: string[];
    attributes?: Record<string, string>;
  }>;
}

/** Reads the same realm file Keycloak imports, so both identity providers know the same people. */
export function readRealmExport(path: string): RealmExport {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawRealm;
  return {
    realm: raw.realm,
    accessTokenLifespan: raw.accessTokenLifespan ?? 300,
    bruteForce: bruteForceOf(raw),
    users: (raw.users ?? [])
      .filter((u) => u.enabled !== false)
      .map((u) => ({
        username: u.username,
        password: u.credentials?.find((c) => c.type === 'password')?.value,
        roles: (u.realmRoles ?? []).filter((r) => !r.startsWith('default-roles-')),
        department: u.attributes?.department?.[0],
        serviceAccountClientId: u.serviceAccountClientId,
        firstName: u.firstName,
        lastName: u.lastName,
      })),
    clients: (raw.clients ?? []).map((c) => ({
      clientId: c.clientId,
      publicClient: c.publicClient ?? false,
      secret: c.secret,
      directAccessGrants: c.directAccessGrantsEnabled ?? false,
      serviceAccounts: c.serviceAccountsEnabled ?? false,
      standardFlow: c.standardFlowEnabled ?? true,
      redirectUris: c.redirectUris ?? [],
      postLogoutRedirectUris: postLogoutUris(c.attributes?.['post.logout.redirect.uris'], c.redirectUris ?? []),
    })),
  };
}

function bruteForceOf(raw: RawRealm): BruteForcePolicy {
  if (raw.permanentLockout)
    throw new Error(`realm ${raw.realm}: permanentLockout is not supported by the embedded issuer (temporary lockout only)`);
  if ((raw.bruteForceStrategy ?? 'MULTIPLE') !== 'MULTIPLE')
    throw new Error(`realm ${raw.realm}: the embedded issuer implements bruteForceStrategy MULTIPLE only`);
  const policy = { ...KEYCLOAK_BRUTE_FORCE_DEFAULTS };
  for (const key of Object.keys(policy) as Array<keyof BruteForcePolicy>) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== typeof policy[key] || (typeof value === 'number' && !(value >= 0))) {
      throw new Error(`realm ${raw.realm}: ${key} must be a ${typeof policy[key]} ≥ 0`);
    }
    (policy as Record<string, unknown>)[key] = value;
  }
  if (policy.failureFactor < 1) throw new Error(`realm ${raw.realm}: failureFactor must be at least 1`);
  return policy;
}

/** Keycloak's attribute: "##"-separated URIs, where "+" stands for all the redirect URIs. */
function postLogoutUris(attribute: string | undefined, redirectUris: string[]): string[] {
  if (!attribute) return [];
  return attribute.split('##').flatMap((uri) => (uri === '+' ? redirectUris : [uri]));
}
