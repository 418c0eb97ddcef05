import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { getGuideMatter, listGuideMatters, upsertGuideMatter } from '@govdisc/contracts';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { RpcClient } from '../rpc/rpc-client.service.js';

@ApiTags('guides')
@Controller(`${API_PREFIX}/guides`)
export class GuideController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiRoute(listGuideMatters, { summary: 'List service matters (paged)', input: 'query' })
  list(@Query() query: Record<string, unknown>) {
    return this.rpc.call(listGuideMatters, query);
  }

  @Post()
  @ApiRoute(upsertGuideMatter, { summary: 'Create or update a service matter by its code', input: 'body' })
  upsert(@Body() body: unknown) {
    return this.rpc.call(upsertGuideMatter, body);
  }

  @Get(':code')
  @ApiRoute(getGuideMatter, { summary: 'Get one service matter by its code' })
  get(@Param('code') code: string) {
    return this.rpc.call(getGuideMatter, { code });
  }
}
