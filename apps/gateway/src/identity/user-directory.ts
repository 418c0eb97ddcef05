import { ROLES, type Role } from '@govdisc/contracts';
import type { UserDirectoryPage, UserDirectoryQuery } from '../routes/user-directory.schemas.js';

export { DirectoryProvider, DirectoryUser, UserDirectoryPage, UserDirectoryQuery } from '../routes/user-directory.schemas.js';

/** Reads users and their realm roles from the identity provider (Keycloak's Admin REST API, or the embedded issuer's realm). */
export abstract class UserDirectory {
  abstract list(query: UserDirectoryQuery): Promise<UserDirectoryPage>;
}

const known = new Set<string>(ROLES);

/** The platform's roles among those the provider reports (drops default-roles-*, offline_access, …), in vocabulary order. */
export function platformRolesOf(names: readonly string[]): Role[] {
  const held = new Set(names.filter((n) => known.has(n)));
  return ROLES.filter((r) => held.has(r));
}

const CJK = /[\u3400-\u9fff]/;

/** Display name from Keycloak's first and last name: 周军 for Chinese names (family name first, no space), else "Jun Zhou". */
export function displayNameOf(firstName?: string | null, lastName?: string | null): string | null {
  const first = firstName?.trim() ?? '';
  const last = lastName?.trim() ?? '';
  if (!first && !last) return null;
  if (CJK.test(first + last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

/** The search as the embedded issuer applies it (Keycloak's infix search does the same on its side). */
export function matchesSearch(user: { username: string; name: string | null }, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return user.username.toLowerCase().includes(needle) || (user.name ?? '').toLowerCase().includes(needle);
}
