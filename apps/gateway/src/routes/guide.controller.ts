import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { getGuideMatter, listGuideMatters, upsertGuideMatter } from '@govdisc/contracts';
import type { Actor } from '@govdisc/contracts';
import { Access, CurrentActor } from '../auth/access.decorator.js';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { RpcClient } from '@govdisc/service-kit';

@ApiTags('guides')
@Controller(`${API_PREFIX}/guides`)
export class GuideController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiRoute(listGuideMatters, { summary: 'List service matters (paged)', input: 'query' })
  @Access('guides.list')
  list(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(listGuideMatters, query, { actor });
  }

  @Post()
  @ApiRoute(upsertGuideMatter, { summary: 'Create or update a service matter by its code', input: 'body' })
  @Access('guides.upsert')
  upsert(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(upsertGuideMatter, body, { actor });
  }

  @Get(':code')
  @ApiRoute(getGuideMatter, { summary: 'Get one service matter by its code' })
  @Access('guides.get')
  get(@CurrentActor() actor: Actor | null, @Param('code') code: string) {
    return this.rpc.call(getGuideMatter, { code }, { actor });
  }
}
