import {
  DomainError,
  ErrorCode,
  PUBLIC,
  type RpcContract,
  ServiceHealth,
  type ServiceName,
  disclosureHealth,
  guideHealth,
  notifyHealth,
  policyHealth,
  qaHealth,
  serviceNames,
  servicePing,
  z,
} from '@govdisc/contracts';
import { HttpAnswer, type RouteDeps, routes } from './route-table.js';

const checks: Record<ServiceName, RpcContract<z.ZodType, typeof ServiceHealth>> = {
  'policy-svc': policyHealth,
  'qa-svc': qaHealth,
  'service-guide-svc': guideHealth,
  'disclosure-request-svc': disclosureHealth,
  'notify-svc': notifyHealth,
};

const ServiceStatus = ServiceHealth.omit({ service: true }).extend({ error: z.string().optional() });
const PlatformHealth = z.object({
  status: z.enum(['up', 'degraded']),
  gateway: z.literal('up'),
  services: z.record(z.string(), ServiceStatus),
});

async function ask(contract: (typeof checks)[ServiceName], deps: RouteDeps): Promise<z.output<typeof ServiceStatus>> {
  try {
    const { service: _s, ...rest } = await deps.rpc.call(contract, {}, { timeoutMs: deps.healthTimeoutMs });
    return rest;
  } catch (error) {
    return { status: 'down', checks: {}, error: (error as { code?: string }).code ?? 'UNKNOWN' };
  }
}

export const healthRoutes = routes('health', [
  {
    key: 'health.read',
    method: 'GET',
    path: '/health',
    access: PUBLIC,
    output: PlatformHealth,
    describe: 'asks every service its `rpc.<context>.health.check`',
    summary: 'Status of the gateway and every service behind it (200 all up, 503 otherwise)',
    handle: async (_input, deps) => {
      const entries = await Promise.all(Object.entries(checks).map(async ([name, contract]) => [name, await ask(contract, deps)] as const));
      const allUp = entries.every(([, h]) => h.status === 'up');
      return new HttpAnswer(allUp ? 200 : 503, { status: allUp ? 'up' : 'degraded', gateway: 'up', services: Object.fromEntries(entries) });
    },
  },
  {
    key: 'health.read',
    method: 'GET',
    path: '/health/:service/ping',
    access: PUBLIC,
    output: servicePing['policy-svc'].response,
    describe: '`rpc.ping.<service>`',
    summary: 'No-op round trip to one service (gateway → NATS → service → back, no database): measures what the path itself costs',
    handle: async ({ params }, deps) => {
      const service = params.service!;
      if (!(serviceNames as readonly string[]).includes(service)) {
        throw new DomainError(ErrorCode.NOT_FOUND, `没有名为 ${service} 的服务；可选：${serviceNames.join('、')}。`, {
          services: serviceNames,
        });
      }
      return deps.rpc.call(servicePing[service as ServiceName], {});
    },
  },
]);
