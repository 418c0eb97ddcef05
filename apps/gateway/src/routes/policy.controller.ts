import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createPolicyDocument, getPolicyDocument, listPolicyDocuments, publishPolicyDocument } from '@govdisc/contracts';
import type { Actor } from '@govdisc/contracts';
import { Access, CurrentActor } from '../auth/access.decorator.js';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { RpcClient } from '@govdisc/service-kit';

@ApiTags('policies')
@Controller(`${API_PREFIX}/policies`)
export class PolicyController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiRoute(listPolicyDocuments, { summary: 'List policy documents (paged)', input: 'query' })
  @Access('policies.list')
  list(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(listPolicyDocuments, query, { actor });
  }

  @Post()
  @ApiRoute(createPolicyDocument, {
    summary: 'Create a draft policy document (or update the one with the same externalId)',
    input: 'body',
    example: { title: '长沙市促进中小企业发展若干措施', docNumber: '长政发〔2022〕3号', agency: '长沙市人民政府', body: '第一条 ……' },
  })
  @Access('policies.create')
  create(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(createPolicyDocument, body, { actor });
  }

  @Get(':documentId')
  @ApiRoute(getPolicyDocument, { summary: 'Get one policy document' })
  @Access('policies.get')
  get(@CurrentActor() actor: Actor | null, @Param('documentId') documentId: string) {
    return this.rpc.call(getPolicyDocument, { documentId }, { actor });
  }

  @Post(':documentId/publish')
  @HttpCode(200)
  @ApiRoute(publishPolicyDocument, { summary: 'Publish a draft (emits policy.document.published)' })
  @Access('policies.publish')
  publish(@CurrentActor() actor: Actor | null, @Param('documentId') documentId: string) {
    return this.rpc.call(publishPolicyDocument, { documentId }, { actor });
  }
}
