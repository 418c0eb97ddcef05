import type { RealmExport } from '../auth/realm-export.js';
import {
  type DirectoryUser,
  UserDirectory,
  type UserDirectoryPage,
  type UserDirectoryQuery,
  displayNameOf,
  matchesSearch,
  platformRolesOf,
} from './user-directory.js';

/** Without KEYCLOAK_URL: the embedded issuer's demo users (the realm file it signs in from), same answer shape as Keycloak's. */
export class EmbeddedUserDirectory extends UserDirectory {
  private readonly users: readonly DirectoryUser[];

  constructor(realm: Pick<RealmExport, 'users'>) {
    super();
    this.users = realm.users
      .filter((u) => !u.serviceAccountClientId) // machine clients are not people (Keycloak's user list leaves them out too)
      .map((u) => ({
        username: u.username,
        name: displayNameOf(u.firstName, u.lastName),
        department: u.department ?? null,
        roles: platformRolesOf(u.roles),
      }))
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  list({ page, pageSize, q }: UserDirectoryQuery): Promise<UserDirectoryPage> {
    const matching = this.users.filter((u) => matchesSearch(u, q));
    const items = matching.slice((page - 1) * pageSize, page * pageSize);
    return Promise.resolve({ items, total: matching.length, page, pageSize, provider: { kind: 'embedded', adminConsoleUrl: null } });
  }
}
