import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  amendPolicyDocument,
  createBestBet,
  createPolicyDocument,
  deleteBestBet,
  expirePolicyDocument,
  finishPolicyImportJob,
  getPolicyDocument,
  getPolicyDocumentDetail,
  getPolicyImportJob,
  importPolicyBatch,
  importPolicyFile,
  listBestBets,
  listPolicyDocuments,
  policySearchAnalytics,
  publishPolicyDocument,
  publishPolicyImportJob,
  rebuildPolicySearch,
  recordSearchClick,
  relatedPolicies,
  repealPolicyDocument,
  searchPolicies,
  setPolicyClassification,
  suggestPolicies,
  updateBestBet,
} from '@govdisc/contracts';
import type { Actor } from '@govdisc/contracts';
import { Access, CurrentActor } from '../auth/access.decorator.js';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { asObject } from '../http/as-object.js';
import { RpcClient } from '@govdisc/service-kit';

const IMPORT_TIMEOUT_MS = 120_000;

// Literal paths (search, suggest, best-bets, analytics, import/…) are declared before `:documentId` so they win the match.
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
    const { recordQuery: _internal, ...publicQuery } = query; // services only: people's searches always count
    return this.rpc.call(searchPolicies, publicQuery, { actor });
  }

  @Get('suggest')
  @ApiRoute(suggestPolicies, { summary: 'Suggestions while typing: titles, agencies, document numbers (pinyin initials too)', input: 'query' })
  @Access('policies.suggest')
  suggest(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(suggestPolicies, query, { actor });
  }

  @Post('search/clicks')
  @HttpCode(202)
  @ApiRoute(recordSearchClick, {
    summary: 'Record that a reader opened a search result (query analytics); send the query as searched',
    input: 'body',
    example: { query: '公积金提取', documentId: '00000000-0000-4000-8000-000000000000' },
  })
  @Access('policies.searchClick')
  searchClick(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(recordSearchClick, body, { actor });
  }

  @Get('analytics')
  @ApiRoute(policySearchAnalytics, { summary: 'Search analytics per day: top queries, zero-result queries, queries without a click (editors)', input: 'query' })
  @Access('policies.searchAnalytics')
  analytics(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(policySearchAnalytics, query, { actor });
  }

  @Get('best-bets')
  @ApiRoute(listBestBets, { summary: 'Best bets: documents editors pinned for a query (paged, newest change first)', input: 'query' })
  @Access('policies.bestBets')
  listBestBets(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(listBestBets, query, { actor });
  }

  @Post('best-bets')
  @ApiRoute(createBestBet, {
    summary: 'Pin documents for a query: searches with the same normalised query show them first on page 1',
    input: 'body',
    example: { query: '公积金提取', documentIds: ['00000000-0000-4000-8000-000000000000'] },
  })
  @Access('policies.bestBets')
  createBestBet(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(createBestBet, body, { actor });
  }

  @Patch('best-bets/:bestBetId')
  @ApiRoute(updateBestBet, { summary: 'Change a best bet\'s query or pinned documents', input: 'body' })
  @Access('policies.bestBets')
  updateBestBet(@CurrentActor() actor: Actor | null, @Param('bestBetId') bestBetId: string, @Body() body: unknown) {
    return this.rpc.call(updateBestBet, { ...asObject(body), bestBetId }, { actor });
  }

  @Delete('best-bets/:bestBetId')
  @ApiRoute(deleteBestBet, { summary: 'Delete a best bet' })
  @Access('policies.bestBets')
  deleteBestBet(@CurrentActor() actor: Actor | null, @Param('bestBetId') bestBetId: string) {
    return this.rpc.call(deleteBestBet, { bestBetId }, { actor });
  }

  @Post('search/rebuild')
  @HttpCode(200)
  @ApiRoute(rebuildPolicySearch, { summary: 'Rebuild the search index from the database (admin)', input: 'body' })
  @Access('policies.searchRebuild')
  rebuild(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    // The documented body (an empty object) is validated like every input; no body at all means {}.
    return this.rpc.call(rebuildPolicySearch, body ?? {}, { actor, timeoutMs: IMPORT_TIMEOUT_MS });
  }

  @Post('import/batches')
  @HttpCode(200)
  @ApiRoute(importPolicyBatch, { summary: 'Import a batch of source lines into a (new or resumed) import job as drafts (a reviewer publishes the job); returns the job and its report', input: 'body' })
  @Access('policies.import')
  importBatch(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(importPolicyBatch, body, { actor, timeoutMs: IMPORT_TIMEOUT_MS });
  }

  @Post('import/files')
  @HttpCode(200)
  @ApiRoute(importPolicyFile, {
    summary: 'Import a file or a chunk of one (JSONL, CSV with a header row, or a government web page in HTML) into a (new or resumed) import job, as drafts',
    input: 'body',
    example: { fileName: 'policies.csv', content: 'id,标题,发文字号,发文机关,成文日期,正文\njd-001,江东市促进就业若干措施,江政发〔2024〕3号,江东市人民政府,2024-03-01,"第一条 ……\n第二条 ……"\n' },
  })
  @Access('policies.import')
  importFile(@CurrentActor() actor: Actor | null, @Body() body: unknown) {
    return this.rpc.call(importPolicyFile, body, { actor, timeoutMs: IMPORT_TIMEOUT_MS });
  }

  @Get('import/jobs/:jobId')
  @ApiRoute(getPolicyImportJob, { summary: 'An import job: last line done (resume after it) and its report' })
  @Access('policies.importJob')
  importJob(@CurrentActor() actor: Actor | null, @Param('jobId') jobId: string) {
    return this.rpc.call(getPolicyImportJob, { jobId }, { actor });
  }

  @Post('import/jobs/:jobId/publish')
  @HttpCode(200)
  @ApiRoute(publishPolicyImportJob, {
    summary: "A reviewer publishes an import job's drafts and pending edits; those the reviewer imported or last edited are refused (CONTENT_SELF_PUBLISH) and listed",
  })
  @Access('policies.importPublish')
  publishImport(@CurrentActor() actor: Actor | null, @Param('jobId') jobId: string) {
    return this.rpc.call(publishPolicyImportJob, { jobId }, { actor, timeoutMs: IMPORT_TIMEOUT_MS });
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
    summary: 'Create a draft policy document, or update the one with the same externalId (a published one keeps serving; the edit waits as its pending edit)',
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

  @Get(':documentId/related')
  @ApiRoute(relatedPolicies, {
    summary: 'Related documents: amendment/repeal links first (marked), then documents sharing keywords, topics or title terms; near-duplicates left out',
    input: 'query',
    pathParams: ['documentId'],
  })
  @Access('policies.related')
  related(@CurrentActor() actor: Actor | null, @Param('documentId') documentId: string, @Query() query: Record<string, unknown>) {
    return this.rpc.call(relatedPolicies, { ...query, documentId }, { actor });
  }

  @Put(':documentId/classification')
  @ApiRoute(setPolicyClassification, {
    summary: "Set a document's keywords and/or topics (kept through re-imports; null restores the computed ones)",
    input: 'body',
    example: { keywords: ['稳岗返还', '社会保险'], topics: ['就业创业', '社会保险'] },
  })
  @Access('policies.classify')
  classify(@CurrentActor() actor: Actor | null, @Param('documentId') documentId: string, @Body() body: Record<string, unknown> | undefined) {
    return this.rpc.call(setPolicyClassification, { ...(body ?? {}), documentId }, { actor });
  }

  @Post(':documentId/publish')
  @HttpCode(200)
  @ApiRoute(publishPolicyDocument, { summary: 'Publish a draft or a pending edit, never by whoever wrote it (emits policy.document.published)' })
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
