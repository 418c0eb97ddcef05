import { ADMINS, parseOrThrow } from '@govdisc/contracts';
import { UserDirectoryPage, UserDirectoryQuery } from './user-directory.schemas.js';
import { routes } from './route-table.js';

export const userRoutes = routes('admin', [
  {
    key: 'admin.users.list',
    method: 'GET',
    path: '/admin/users',
    access: ADMINS,
    publicInput: UserDirectoryQuery,
    input: 'query',
    output: UserDirectoryPage,
    describe: "the identity provider's own user list (Keycloak Admin REST API, or the embedded issuer's realm): no service",
    summary: 'Users with their realm roles and department as the identity provider reports them (read-only: roles are managed there)',
    handle: async ({ query }, deps) => deps.userDirectory.list(parseOrThrow(UserDirectoryQuery, query)),
  },
]);
