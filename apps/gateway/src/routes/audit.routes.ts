import { ADMINS, IsoDateTime, Page, pageOf, parseOrThrow, z } from '@govdisc/contracts';
import { routes } from './route-table.js';

const AuditQuery = Page.extend({ actorSub: z.string().trim().min(1).max(200).optional() }).strict();

/** One recorded staff write (the gateway's audit_entry row). */
const AuditEntryView = z.object({
  id: z.string().describe('sequence number'),
  at: IsoDateTime,
  actorSub: z.string(),
  actorRoles: z.array(z.string()),
  department: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  routeKey: z.string().describe('access-matrix key of the route'),
  status: z.number().int(),
  requestId: z.string(),
  ip: z.string(),
  userAgent: z.string().nullable(),
});

export const auditRoutes = routes('audit', [
  {
    key: 'audit.list',
    method: 'GET',
    path: '/audit-log',
    access: ADMINS,
    publicInput: AuditQuery,
    input: 'query',
    output: pageOf(AuditEntryView),
    describe: "the gateway's own append-only audit table (no service)",
    summary: 'Staff writes, newest first (read-only: entries cannot be changed or deleted)',
    handle: async ({ query }, deps) => deps.auditLog.list(parseOrThrow(AuditQuery, query)),
  },
]);
