import { Page, ROLES, type Role, pageOf, z } from '@govdisc/contracts';

// The admins' user list's public schemas (GET /admin/users): here beside the route table, since the identity folder
// (which reads the providers) depends on auth's realm file and auth depends on the routes.
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
