import { Controller, type Type } from '@nestjs/common';
import type { RpcContract, ServiceHealth } from '@govdisc/contracts';
import type { z } from 'zod';
import { ReadinessRegistry } from './health.js';
import { RpcHandler } from './rpc-handler.js';

/** The `rpc.<context>.health.check` handler: the gateway's /api/v1/health asks every service this. */
export function rpcHealthController(
  service: string,
  contract: RpcContract<z.ZodType, typeof ServiceHealth>,
): Type<unknown> {
  @Controller()
  class HealthRpcController {
    constructor(readonly readiness: ReadinessRegistry) {}

    @RpcHandler(contract)
    async check(): Promise<ServiceHealth> {
      const result = await this.readiness.run();
      return { service, ...result };
    }
  }
  return HealthRpcController;
}
