import { z } from 'zod';
import { defineRpc } from './define.js';
import { type ServiceName, serviceNames } from './streams.js';
import { PUBLIC } from './roles.js';

export const ServicePong = z.object({ service: z.string(), at: z.number().int() });

/**
 * A no-op round trip to one service (no database, no index): the gateway's /health/:service/ping.
 * Benchmarks compare it with real routes to show what HTTP, the gateway and NATS cost on their own.
 */
export const servicePing = Object.fromEntries(serviceNames.map((name) => [name, pingContract(name)])) as Record<
  ServiceName,
  ReturnType<typeof pingContract>
>;

function pingContract(name: string) {
  return defineRpc(`rpc.ping.${name}`, { access: PUBLIC, request: z.object({}), response: ServicePong });
}
