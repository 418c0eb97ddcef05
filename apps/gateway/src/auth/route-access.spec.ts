import type { Access, RpcContract, z } from '@govdisc/contracts';
import { ROUTES } from '../routes/index.js';
import { type RouteDeps, type RouteInput, invokerOf, pathParamsOf } from '../routes/route-table.js';
import { accessPolicy } from './access-policy.js';

/**
 * Gateway and services agree on who may do what, for every route. The service side is the
 * `access` of the RPC contract: @RpcHandler enforces exactly that value and takes no other. So it
 * is enough to check, for every row of the route table, that its access equals the access of each
 * RPC it calls: a service that refused a role the gateway lets through (or let one through the
 * gateway blocks) fails here. What a row calls is found by running its handler once against a
 * recording RPC client, so a custom handler (platform health) cannot hide a call.
 */

/**
 * Routes served by the gateway itself, calling no service: the audit log is the gateway's own table, the user list
 * the identity provider's.
 */
const GATEWAY_ONLY = ['audit.list', 'admin.users.list'];

type Contract = RpcContract<z.ZodType, z.ZodType>;

/** Stands in for RpcClient: records each contract called, answers `{}`. */
class RecordingRpc {
  readonly called: Contract[] = [];
  call(contract: Contract) {
    this.called.push(contract);
    return Promise.resolve({} as never);
  }
}

async function routesAndTheirRpcs(): Promise<Array<{ route: string; key: string; access: Access; rpcs: Contract[] }>> {
  const routes = [];
  for (const row of ROUTES) {
    const rpc = new RecordingRpc();
    const deps: RouteDeps = {
      rpc,
      auditLog: { list: async () => ({ items: [], total: 0 }) },
      userDirectory: { list: async () => ({ items: [], total: 0 }) },
      healthTimeoutMs: 1,
    };
    const params = Object.fromEntries(pathParamsOf(row.path).map((name) => [name, name === 'service' ? 'policy-svc' : 'some-id']));
    // unified search checks its query before calling anything: give it one
    const query = row.path === '/search' ? { q: '公积金' } : {};
    const input: RouteInput = { params, query, body: {}, actor: null };
    await invokerOf(row)(input, deps).catch(() => undefined);
    routes.push({ route: `${row.method} ${row.path}`, key: row.key, access: row.access, rpcs: rpc.called });
  }
  return routes;
}

const sameAccess = (a: Access, b: Access) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.length === b.length && a.every((role) => b.includes(role));
const show = (a: Access) => (typeof a === 'string' ? a : `[${a.join(', ')}]`);

test("every route's access equals the access of each RPC it calls", async () => {
  const routes = await routesAndTheirRpcs();
  expect(new Set(routes.map((r) => r.key))).toEqual(new Set(Object.keys(accessPolicy)));

  const disagreements = routes.flatMap(({ route, key, access, rpcs }) =>
    rpcs
      .filter((rpc) => !sameAccess(access, rpc.access))
      .map((rpc) => `${route} (${key}: ${show(access)}) calls ${rpc.subject} (${show(rpc.access)})`),
  );
  expect(disagreements).toEqual([]);
});

test('every route calls a service, except the gateway-only ones', async () => {
  const routes = await routesAndTheirRpcs();
  const withoutRpc = routes.filter((r) => r.rpcs.length === 0).map((r) => r.key);
  expect(withoutRpc).toEqual(GATEWAY_ONLY);
  // The platform health route asks every service: all five checks recorded, so no call is missed.
  expect(routes.find((r) => r.route === 'GET /health')?.rpcs).toHaveLength(5);
  // Unified search asks each of the three owning services.
  expect(routes.find((r) => r.route === 'GET /search')?.rpcs.map((c) => c.subject)).toEqual([
    'rpc.policy.search.part',
    'rpc.qa.search.part',
    'rpc.guide.search.part',
  ]);
});

test('rows sharing a matrix key agree on its access, and every row has a distinct method and path', () => {
  for (const row of ROUTES) expect({ key: row.key, access: row.access }).toEqual({ key: row.key, access: accessPolicy[row.key] });
  const spots = ROUTES.map((r) => `${r.method} ${r.path.replace(/:[A-Za-z0-9_]+/g, ':')}`);
  expect(spots.length).toBe(new Set(spots).size);
  // Every public route the controllers served before the table (54), plus the inbox's three (mark read,
  // mark all read, unsubscribe), plus department webhooks' nine (endpoint CRUD, rotate, deliveries,
  // replay, health), plus guides' ten (import, bundles, sites), plus a policy by its external ID: none lost in a
  // merge; plus policy push subscriptions' five (list/create/delete, preferences get/put) and the admins' delivery
  // log and channel metrics, plus the topic services' two (list, one topic),
  // plus unified search, plus the applicant's own requests (mine, mine/{number}), plus the console's in-place Q&A edit
  // and 一号答's daily counters, plus the Q&A citation backfill's two (start, progress), plus the disclosure SLA report,
  // plus the admins' user list (users and roles from the identity provider).
  // The fuzz e2e checks each has a seed.
  expect(ROUTES.length).toBe(96);
});
