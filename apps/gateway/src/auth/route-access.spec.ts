import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { Access, RpcContract, z } from '@govdisc/contracts';
import { AuditController } from '../audit/audit.controller.js';
import { DisclosureController } from '../routes/disclosure.controller.js';
import { GuideController } from '../routes/guide.controller.js';
import { PlatformHealthController } from '../routes/health.controller.js';
import { NotificationController } from '../routes/notification.controller.js';
import { PolicyController } from '../routes/policy.controller.js';
import { QaController } from '../routes/qa.controller.js';
import { ACCESS_KEY } from './access.decorator.js';
import { type RouteKey, accessPolicy } from './access-policy.js';

/**
 * Gateway and services agree on who may do what, for every route. The service side is the
 * `access` of the RPC contract: @RpcHandler enforces exactly that value and takes no other. So it
 * is enough to check, for every route, that its matrix row equals the access of each RPC it calls:
 * a service that refused a role the gateway lets through (or let one through the gateway blocks)
 * fails here. Which RPCs a route calls is not declared anywhere else, so each route handler is
 * run once against a recording RPC client.
 */

// As in AppModule (importing it here would load @nestjs/throttler, which jest cannot load as ESM);
// the first test's check that every matrix row is found catches a controller missing here.
const CONTROLLERS = [PlatformHealthController, PolicyController, QaController, GuideController, DisclosureController, NotificationController, AuditController];

/** Routes served by the gateway itself, calling no service: the audit log is the gateway's own table. */
const GATEWAY_ONLY: readonly RouteKey[] = ['audit.list'];

type Contract = RpcContract<z.ZodType, z.ZodType>;
type Handler = (...args: unknown[]) => unknown;

/** Stands in for RpcClient (and any other dependency): records each contract called, answers `{}`. */
class RecordingRpc {
  readonly called: Contract[] = [];
  HEALTH_TIMEOUT_MS = 1;
  call(contract: Contract) {
    this.called.push(contract);
    return Promise.resolve({});
  }
}

/** Arguments for a route handler from its Nest parameter decorators: enough to reach its RPC call. */
function argsFor(controller: object, method: string): unknown[] {
  const params = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller.constructor, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const args: unknown[] = [];
  for (const [key, { index, data }] of Object.entries(params)) {
    const type = Number(key.split(':')[0]) as RouteParamtypes;
    if (type === RouteParamtypes.RESPONSE) args[index] = { status: () => undefined };
    else if (type === RouteParamtypes.PARAM) args[index] = data === 'service' ? 'policy-svc' : 'some-id';
    else if (type === RouteParamtypes.BODY || type === RouteParamtypes.QUERY) args[index] = {};
    else args[index] = null; // the current actor
  }
  return args;
}

async function routesAndTheirRpcs(): Promise<Array<{ route: string; key: RouteKey; rpcs: Contract[] }>> {
  const routes = [];
  for (const Controller of CONTROLLERS) {
    const rpc = new RecordingRpc();
    const controller = new (Controller as new (...deps: unknown[]) => object)(rpc, rpc);
    const proto = Object.getPrototypeOf(controller) as Record<string, Handler>;
    for (const method of Object.getOwnPropertyNames(proto)) {
      const key = Reflect.getMetadata(ACCESS_KEY, proto[method]!) as RouteKey | undefined;
      if (!key) continue;
      rpc.called.length = 0;
      await Promise.resolve(proto[method]!.apply(controller, argsFor(controller, method))).catch(() => undefined);
      routes.push({ route: `${Controller.name}.${method}`, key, rpcs: [...rpc.called] });
    }
  }
  return routes;
}

const sameAccess = (a: Access, b: Access) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.length === b.length && a.every((role) => b.includes(role));
const show = (a: Access) => (typeof a === 'string' ? a : `[${a.join(', ')}]`);

test("every route's matrix row equals the access of each RPC it calls", async () => {
  const routes = await routesAndTheirRpcs();
  expect(new Set(routes.map((r) => r.key))).toEqual(new Set(Object.keys(accessPolicy)));

  const disagreements = routes.flatMap(({ route, key, rpcs }) =>
    rpcs
      .filter((rpc) => !sameAccess(accessPolicy[key], rpc.access))
      .map((rpc) => `${route} (${key}: ${show(accessPolicy[key])}) calls ${rpc.subject} (${show(rpc.access)})`),
  );
  expect(disagreements).toEqual([]);
});

test('every route calls a service, except the gateway-only ones', async () => {
  const routes = await routesAndTheirRpcs();
  const withoutRpc = routes.filter((r) => r.rpcs.length === 0).map((r) => r.key);
  expect(withoutRpc).toEqual(GATEWAY_ONLY);
  // The platform health route asks every service: all five checks recorded, so no call is missed.
  expect(routes.find((r) => r.route === 'PlatformHealthController.health')?.rpcs).toHaveLength(5);
});
