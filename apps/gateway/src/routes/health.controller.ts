import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  disclosureHealth,
  guideHealth,
  notifyHealth,
  policyHealth,
  qaHealth,
  type RpcContract,
  type ServiceHealth,
  type ServiceName,
  DomainError,
  ErrorCode,
  serviceNames,
  servicePing,
  type z,
} from '@govdisc/contracts';
import type { Response } from 'express';
import { GATEWAY_CONFIG, type AppConfig } from '../config/env.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { Access } from '../auth/access.decorator.js';
import { RpcClient } from '@govdisc/service-kit';

const checks: Record<ServiceName, RpcContract<z.ZodType, typeof ServiceHealth>> = {
  'policy-svc': policyHealth,
  'qa-svc': qaHealth,
  'service-guide-svc': guideHealth,
  'disclosure-request-svc': disclosureHealth,
  'notify-svc': notifyHealth,
};

@ApiTags('health')
@Controller(`${API_PREFIX}/health`)
export class PlatformHealthController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Status of the gateway and every service behind it (200 all up, 503 otherwise)' })
  @Access('health.read')
  async health(@Res({ passthrough: true }) res: Response) {
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, contract]) => [name, await this.ask(contract)] as const),
    );
    const services = Object.fromEntries(entries);
    const allUp = entries.every(([, h]) => h.status === 'up');
    res.status(allUp ? 200 : 503);
    return { status: allUp ? 'up' : 'degraded', gateway: 'up', services };
  }

  @Get(':service/ping')
  @ApiOperation({ summary: 'No-op round trip to one service (gateway → NATS → service → back, no database): measures what the path itself costs' })
  @Access('health.read')
  ping(@Param('service') service: string) {
    if (!(serviceNames as readonly string[]).includes(service)) {
      throw new DomainError(ErrorCode.NOT_FOUND, `没有名为 ${service} 的服务；可选：${serviceNames.join('、')}。`, { services: serviceNames });
    }
    return this.rpc.call(servicePing[service as ServiceName], {});
  }

  private async ask(contract: (typeof checks)[ServiceName]): Promise<Omit<ServiceHealth, 'service'> & { error?: string }> {
    try {
      const { service: _s, ...rest } = await this.rpc.call(contract, {}, { timeoutMs: this.config.HEALTH_TIMEOUT_MS });
      return rest;
    } catch (error) {
      return { status: 'down', checks: {}, error: (error as { code?: string }).code ?? 'UNKNOWN' };
    }
  }
}
