import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { getQaPair, listQaPairs, upsertQaPair } from '@govdisc/contracts';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { RpcClient } from '../rpc/rpc-client.service.js';

@ApiTags('qa')
@Controller(`${API_PREFIX}/qa/pairs`)
export class QaController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiRoute(listQaPairs, { summary: 'List Q&A pairs (paged)', input: 'query' })
  list(@Query() query: Record<string, unknown>) {
    return this.rpc.call(listQaPairs, query);
  }

  @Post()
  @ApiRoute(upsertQaPair, {
    summary: 'Create a Q&A pair (or update the one with the same externalId)',
    input: 'body',
    example: { question: '小微企业房租减免怎么申请？', answer: '……', publish: true },
  })
  upsert(@Body() body: unknown) {
    return this.rpc.call(upsertQaPair, body);
  }

  @Get(':pairId')
  @ApiRoute(getQaPair, { summary: 'Get one Q&A pair' })
  get(@Param('pairId') pairId: string) {
    return this.rpc.call(getQaPair, { pairId });
  }
}
