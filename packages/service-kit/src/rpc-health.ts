import { Controller, type Type } from '@nestjs/common';
import { type RpcContract, type ServiceHealth, type ServiceName, servicePing } from '@govdisc/contracts';
import type { z } from 'zod';
import { ReadinessRegistry } from './health.js';
import { RpcHandler } from './rpc-handler.js';

/**
 * The `rpc.<context>.health.check` handler (the gateway's /api/v1/health asks every service this)
 * and the service's no-op `rpc.ping.<service>`.
 */
export function rpcHealthController(service: string, contract: RpcContract<z.ZodType, typeof ServiceHealth>): Type<unknown> {
  const ping = servicePing[service as ServiceName];
  if (!ping) throw new Error(`${service} is not one of the platform's services (contracts: serviceNames)`);

  @Controller()
  class HealthRpcController {
    constructor(readonly readiness: ReadinessRegistry) {}

    @RpcHandler(contract)
    async check(): Promise<ServiceHealth> {
      const result = await this.readiness.run();
      return { service, ...result };
    }

    @RpcHandler(ping)
    async ping() {
      return { service, at: Date.now() };
    }
  }
  return HealthRpcController;
}
