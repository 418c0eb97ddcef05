import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { getGuideMatter, listGuideMatters, publishGuideMatter, upsertGuideMatter } from '@govdisc/contracts';
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
  @ApiRoute(upsertGuideMatter, {
    summary: 'Save a service matter by its code: a draft, or a pending edit of a published one (published by another person)',
    input: 'body',
  })
  @Access('guides.upsert')
  upsert(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(upsertGuideMatter, body, { actor });
  }

  @Post(':code/publish')
  @HttpCode(200)
  @ApiRoute(publishGuideMatter, { summary: 'Publish a draft service matter or its pending edit (not by whoever wrote that version)' })
  @Access('guides.publish')
  publish(@CurrentActor() actor: Actor | null, @Param('code') code: string) {
    return this.rpc.call(publishGuideMatter, { code }, { actor });
  }

  @Get(':code')
  @ApiRoute(getGuideMatter, { summary: 'Get one service matter by its code' })
  @Access('guides.get')
  get(@CurrentActor() actor: Actor | null, @Param('code') code: string) {
    return this.rpc.call(getGuideMatter, { code }, { actor });
  }
}
