import { type Access, accessAllows } from '@govdisc/contracts';
import { ROUTES } from '../routes/index.js';

// The role vocabulary lives in contracts (one for the gateway and every service); re-exported for the e2e matrix walk.
export { AUTHENTICATED, type Access, PUBLIC, ROLES, type Role } from '@govdisc/contracts';

export type RouteKey = string;

/**
 * The authorization matrix, read off the route table: every row names its matrix key and who may
 * call it (`public` routes need no token; a token, if sent, is still verified and identifies the
 * caller). Rows sharing a key must agree. A test walks every route × every role against it, and
 * `route-access.spec.ts` checks each row equals the `access` of every RPC it calls, which is what
 * the owning service enforces.
 */
export const accessPolicy: Readonly<Record<RouteKey, Access>> = matrixOf(ROUTES);

function matrixOf(rows: ReadonlyArray<{ key: string; access: Access; method: string; path: string }>): Record<string, Access> {
  const matrix: Record<string, Access> = {};
  for (const row of rows) {
    const seen = matrix[row.key];
    if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(row.access)) {
      throw new Error(
        `access-matrix key ${row.key}: ${row.method} ${row.path} says ${JSON.stringify(row.access)}, another row ${JSON.stringify(seen)}`,
      );
    }
    matrix[row.key] = row.access;
  }
  return matrix;
}

/** Whether an actor with these roles may use the route (public routes: everyone). */
export function isAllowed(key: RouteKey, roles: readonly string[], authenticated: boolean): boolean {
  const access = accessPolicy[key];
  if (access === undefined) return false; // fail closed
  return accessAllows(access, authenticated ? { roles } : null);
}
