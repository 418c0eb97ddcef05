import { Logger } from '@nestjs/common';
import { DomainError, z } from '@govdisc/contracts';
import { type Fetch, KeycloakAdminToken, unavailable } from './keycloak-admin-token.js';
import {
  type DirectoryUser,
  UserDirectory,
  type UserDirectoryPage,
  type UserDirectoryQuery,
  displayNameOf,
  platformRolesOf,
} from './user-directory.js';

export interface KeycloakDirectoryOptions {
  baseUrl: string;
  /** Browsers' address of Keycloak (KEYCLOAK_ISSUER_URL, else KEYCLOAK_URL): the admin console link. */
  publicBaseUrl: string;
  realm: string;
  clientId: string;
  /** Unset: the route answers 503 (not configured) instead of guessing. */
  clientSecret: string | undefined;
  timeoutMs: number;
  fetch?: Fetch;
  now?: () => number;
}

/** The parts of Keycloak's UserRepresentation read here (the rest, e.g. id and email, never leaves this file). */
const KeycloakUser = z.object({
  id: z.string(),
  username: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  attributes: z.record(z.string(), z.array(z.string())).nullish(),
});
type KeycloakUser = z.output<typeof KeycloakUser>;
const RoleList = z.array(z.object({ name: z.string() }));

/** Keycloak user + its effective realm role names → the public view. */
export function toDirectoryUser(user: KeycloakUser, roleNames: readonly string[]): DirectoryUser {
  return {
    username: user.username,
    name: displayNameOf(user.firstName, user.lastName),
    department: user.attributes?.department?.[0] ?? null,
    roles: platformRolesOf(roleNames),
  };
}

/** Keycloak's `search` is prefix-based unless wrapped in `*`; its wildcard and quote characters are dropped from the input. */
export function keycloakSearchOf(q: string | undefined): string | undefined {
  const clean = q?.replace(/[*"\\]/g, '').trim();
  return clean ? `*${clean}*` : undefined;
}

/**
 * With KEYCLOAK_URL: users from the Admin REST API (`/admin/realms/{realm}/users`, their effective realm role
 * mappings), read by a service-account client that holds view-users and query-users only.
 */
export class KeycloakUserDirectory extends UserDirectory {
  private readonly logger = new Logger(KeycloakUserDirectory.name);
  private readonly token: KeycloakAdminToken | null;
  private readonly fetch: Fetch;
  private readonly adminUrl: string;
  private readonly provider: UserDirectoryPage['provider'];

  constructor(private readonly opts: KeycloakDirectoryOptions) {
    super();
    this.fetch = opts.fetch ?? fetch;
    this.token = opts.clientSecret ? new KeycloakAdminToken({ ...opts, clientSecret: opts.clientSecret }) : null;
    this.adminUrl = `${opts.baseUrl}/admin/realms/${encodeURIComponent(opts.realm)}`;
    this.provider = { kind: 'keycloak', adminConsoleUrl: `${opts.publicBaseUrl}/admin/${encodeURIComponent(opts.realm)}/console/` };
  }

  async list({ page, pageSize, q }: UserDirectoryQuery): Promise<UserDirectoryPage> {
    try {
      const search = keycloakSearchOf(q);
      const filter: Record<string, string> = search ? { search } : {};
      const [total, users] = await Promise.all([
        this.get('/users/count', filter, z.number().int().nonnegative()),
        this.get(
          '/users',
          { ...filter, first: String((page - 1) * pageSize), max: String(pageSize), briefRepresentation: 'false' },
          z.array(KeycloakUser),
        ),
      ]);
      const items = await Promise.all(
        users.map(async (u) =>
          toDirectoryUser(
            u,
            (await this.get(`/users/${encodeURIComponent(u.id)}/role-mappings/realm/composite`, {}, RoleList)).map((r) => r.name),
          ),
        ),
      );
      return { items, total, page, pageSize, provider: this.provider };
    } catch (error) {
      const reason = error instanceof DomainError ? (error.details as { reason?: string } | undefined)?.reason : 'unexpected';
      this.logger.warn(`Keycloak user directory unavailable: ${reason ?? String(error)}`);
      throw error instanceof DomainError ? error : unavailable('unexpected');
    }
  }

  /** One Admin REST API read; a 401 (token revoked, Keycloak restarted) gets one retry with a fresh token. */
  private async get<T extends z.ZodType>(path: string, query: Record<string, string>, schema: T, retried = false): Promise<z.output<T>> {
    if (!this.token) throw unavailable('not-configured');
    const url = `${this.adminUrl}${path}${Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : ''}`;
    let res: Response;
    try {
      res = await this.fetch(url, {
        headers: { authorization: `Bearer ${await this.token.get()}` },
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw unavailable('unreachable');
    }
    if (res.status === 401 && !retried) {
      this.token.invalidate();
      return this.get(path, query, schema, true);
    }
    if (res.status === 401 || res.status === 403) throw unavailable('forbidden');
    if (!res.ok) throw unavailable(`admin-api-${res.status}`);
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw unavailable('bad-answer');
    return parsed.data;
  }
}
