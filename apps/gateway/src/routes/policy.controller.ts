import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  amendPolicyDocument,
  createPolicyDocument,
  expirePolicyDocument,
  finishPolicyImportJob,
  getPolicyDocument,
  getPolicyDocumentDetail,
  getPolicyImportJob,
  importPolicyBatch,
  listPolicyDocuments,
  publishPolicyDocument,
  rebuildPolicySearch,
  repealPolicyDocument,
  searchPolicies,
  suggestPolicies,
} from '@govdisc/contracts';
import type { Actor } from '@govdisc/contracts';
import { Access, CurrentActor } from '../auth/access.decorator.js';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { RpcClient } from '@govdisc/service-kit';

const IMPORT_TIMEOUT_MS = 120_000;

// Literal paths (search, suggest, import/…) are declared before `:documentId` so they win the match.
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

  @Get('search')
  @ApiRoute(searchPolicies, {
    summary: 'Search published policies: colloquial text, title or 发文字号 in any spelling; facet filters; empty q = browse',
    input: 'query',
  })
  @Access('policies.search')
  search(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(searchPolicies, query, { actor });
  }

  @Get('suggest')
  @ApiRoute(suggestPolicies, { summary: 'Suggestions while typing: titles, agencies, document numbers (pinyin initials too)', input: 'query' })
  @Access('policies.suggest')
  suggest(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(suggestPolicies, query, { actor });
  }

  @Post('search/rebuild')
  @HttpCode(200)
  @ApiRoute(rebuildPolicySearch, { summary: 'Rebuild the search index from the database (admin)', input: 'body' })
  @Access('policies.searchRebuild')
  rebuild(@CurrentActor() actor: Actor | null) {
    return this.rpc.call(rebuildPolicySearch, {}, { actor, timeoutMs: IMPORT_TIMEOUT_MS });
  }

  @Post('import/batches')
  @HttpCode(200)
  @ApiRoute(importPolicyBatch, { summary: 'Import a batch of source lines into a (new or resumed) import job; returns the job and its report', input: 'body' })
  @Access('policies.import')
  importBatch(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(importPolicyBatch, body, { actor, timeoutMs: IMPORT_TIMEOUT_MS });
  }

  @Get('import/jobs/:jobId')
  @ApiRoute(getPolicyImportJob, { summary: 'An import job: last line done (resume after it) and its report' })
  @Access('policies.importJob')
  importJob(@CurrentActor() actor: Actor | null, @Param('jobId') jobId: string) {
    return this.rpc.call(getPolicyImportJob, { jobId }, { actor });
  }

  @Post('import/jobs/:jobId/finish')
  @HttpCode(200)
  @ApiRoute(finishPolicyImportJob, { summary: 'Mark an import job done' })
  @Access('policies.importJob')
  finishImport(@CurrentActor() actor: Actor | null, @Param('jobId') jobId: string) {
    return this.rpc.call(finishPolicyImportJob, { jobId }, { actor });
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

  @Get(':documentId/detail')
  @ApiRoute(getPolicyDocumentDetail, { summary: 'A document for readers: paragraphs with clause anchors (ch-N, art-N), validity, links, versions' })
  @Access('policies.get')
  detail(@CurrentActor() actor: Actor | null, @Param('documentId') documentId: string) {
    return this.rpc.call(getPolicyDocumentDetail, { documentId }, { actor });
  }

  @Post(':documentId/publish')
  @HttpCode(200)
  @ApiRoute(publishPolicyDocument, { summary: 'Publish a draft (emits policy.document.published)' })
  @Access('policies.publish')
  publish(@CurrentActor() actor: Actor | null, @Param('documentId') documentId: string) {
    return this.rpc.call(publishPolicyDocument, { documentId }, { actor });
  }

  @Post(':documentId/amend')
  @HttpCode(200)
  @ApiRoute(amendPolicyDocument, { summary: 'Mark as amended (已修改) by another document (emits policy.document.amended)', input: 'body' })
  @Access('policies.changeValidity')
  amend(@CurrentActor() actor: Actor | null, @Param('documentId') documentId: string, @Body() body: Record<string, unknown> | undefined) {
    return this.rpc.call(amendPolicyDocument, { ...(body ?? {}), documentId }, { actor });
  }

  @Post(':documentId/repeal')
  @HttpCode(200)
  @ApiRoute(repealPolicyDocument, { summary: 'Repeal (废止), optionally naming the repealing document (emits policy.document.repealed)', input: 'body' })
  @Access('policies.changeValidity')
  repeal(@CurrentActor() actor: Actor | null, @Param('documentId') documentId: string, @Body() body: Record<string, unknown> | undefined) {
    return this.rpc.call(repealPolicyDocument, { ...(body ?? {}), documentId }, { actor });
  }

  @Post(':documentId/expire')
  @HttpCode(200)
  @ApiRoute(expirePolicyDocument, { summary: 'Expire (失效) now (emits policy.document.expired); also runs on the expiry date' })
  @Access('policies.changeValidity')
  expire(@CurrentActor() actor: Actor | null, @Param('documentId') documentId: string) {
    return this.rpc.call(expirePolicyDocument, { documentId }, { actor });
  }
}
