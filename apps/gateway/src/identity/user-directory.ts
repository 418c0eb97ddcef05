import { Page, ROLES, type Role, pageOf, z } from '@govdisc/contracts';

/** The public query: one page, optionally narrowed by a search on username or name (contains, case-insensitive). */
export const UserDirectoryQuery = Page.extend({
  q: z.string().trim().max(100).optional().describe('part of the username or name'),
}).strict();
export type UserDirectoryQuery = z.output<typeof UserDirectoryQuery>;

/**
 * One person as the identity provider reports them: the public view only (no id, email, credentials,
 * attributes beyond the department), so nothing internal of Keycloak's reaches the console.
 */
export const DirectoryUser = z.object({
  username: z.string(),
  name: z.string().nullable().describe('family name first for Chinese names, else first and last name'),
  department: z.string().nullable().describe("the `department` attribute (a dept-officer's scope)"),
  roles: z
    .array(z.enum(ROLES as [Role, ...Role[]]))
    .describe("the platform's realm roles the user holds (effective, Keycloak's defaults left out)"),
});
export type DirectoryUser = z.output<typeof DirectoryUser>;

export const DirectoryProvider = z.object({
  kind: z.enum(['keycloak', 'embedded']),
  /** Where roles are changed: the realm's admin console (Keycloak), none for the embedded issuer's demo users. */
  adminConsoleUrl: z.string().nullable(),
});
export type DirectoryProvider = z.output<typeof DirectoryProvider>;

export const UserDirectoryPage = pageOf(DirectoryUser).extend({ provider: DirectoryProvider });
export type UserDirectoryPage = z.output<typeof UserDirectoryPage>;

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
