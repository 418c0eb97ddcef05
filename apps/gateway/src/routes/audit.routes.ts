import { ADMINS, Page, parseOrThrow, z } from '@govdisc/contracts';
import { routes } from './route-table.js';

const AuditQuery = Page.extend({ actorSub: z.string().trim().min(1).max(200).optional() }).strict();

export const auditRoutes = routes('audit', [
  {
    key: 'audit.list',
    method: 'GET',
    path: '/audit-log',
    access: ADMINS,
    publicInput: AuditQuery,
    input: 'query',
    describe: "the gateway's own append-only audit table (no service)",
    summary: 'Staff writes, newest first (read-only: entries cannot be changed or deleted)',
    handle: async ({ query }, deps) => deps.auditLog.list(parseOrThrow(AuditQuery, query)),
  },
]);
