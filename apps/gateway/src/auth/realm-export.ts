import { readFileSync } from 'node:fs';

/** The parts of a Keycloak realm export the embedded issuer needs: users, their roles, clients. */
export interface RealmUser {
  username: string;
  password?: string;
  roles: string[];
  department?: string;
  serviceAccountClientId?: string;
}
export interface RealmClient {
  clientId: string;
  publicClient: boolean;
  secret?: string;
  directAccessGrants: boolean;
  serviceAccounts: boolean;
}
export interface RealmExport {
  realm: string;
  accessTokenLifespan: number;
  users: RealmUser[];
  clients: RealmClient[];
}

interface RawRealm {
  realm: string;
  accessTokenLifespan?: number;
  users?: Array<{
    username: string;
    enabled?: boolean;
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
  }>;
}

/** Reads the same realm file Keycloak imports, so both identity providers know the same people. */
export function readRealmExport(path: string): RealmExport {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawRealm;
  return {
    realm: raw.realm,
    accessTokenLifespan: raw.accessTokenLifespan ?? 300,
    users: (raw.users ?? [])
      .filter((u) => u.enabled !== false)
      .map((u) => ({
        username: u.username,
        password: u.credentials?.find((c) => c.type === 'password')?.value,
        roles: (u.realmRoles ?? []).filter((r) => !r.startsWith('default-roles-')),
        department: u.attributes?.department?.[0],
        serviceAccountClientId: u.serviceAccountClientId,
      })),
    clients: (raw.clients ?? []).map((c) => ({
      clientId: c.clientId,
      publicClient: c.publicClient ?? false,
      secret: c.secret,
      directAccessGrants: c.directAccessGrantsEnabled ?? false,
      serviceAccounts: c.serviceAccountsEnabled ?? false,
    })),
  };
}
