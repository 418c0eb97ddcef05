import { Controller } from '@nestjs/common';
import { policySearchAnalytics, recordSearchClick } from '@govdisc/contracts';
import { RpcHandler } from '@govdisc/service-kit';
import type { z } from 'zod';
import { SearchAnalyticsService } from './search-analytics.service.js';

type Req<C extends { request: z.ZodType }> = z.output<C['request']>;

@Controller()
export class SearchAnalyticsHandlers {
  constructor(private readonly analytics: SearchAnalyticsService) {}

  @RpcHandler(recordSearchClick)
  async click(req: Req<typeof recordSearchClick>) {
    this.analytics.recordClick(req);
    return { accepted: true as const };
  }

  @RpcHandler(policySearchAnalytics)
  report(req: Req<typeof policySearchAnalytics>) {
    return this.analytics.report(req);
  }
}
